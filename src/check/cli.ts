import { performance } from "node:perf_hooks";
import { asErrors, formatReport, hasErrors } from "../diagnostics/diagnostic.ts";
import { isRuleId, RULES } from "../diagnostics/messages.ts";
import { checkSite } from "./check-site.ts";
import { commandLine } from "../util/command-line.ts";

/**
 * `npm run check [-- --content dir] [--strict] [--list rule]`: validates every
 * article, author, page and the site settings, and the links between them;
 * prints every error and the warnings (summarised by rule when there are
 * many), and writes no site. Exit 1 on any error; `--strict` makes warnings
 * errors; `--list <rule>` prints every problem of one rule.
 */
const { values } = commandLine(
  {
    options: {
      content: { type: "string", default: "content" },
      strict: { type: "boolean", default: false },
      list: { type: "string" },
    },
  },
  "usage: npm run check [-- --content content] [--strict] [--list <rule>]",
);

if (values.list !== undefined && !isRuleId(values.list)) {
  console.error(`--list: unknown rule "${values.list}"; the rules are:\n${Object.keys(RULES).join("\n")}`);
  process.exit(2);
}
const started = performance.now();
const checked = await checkSite({ rootDir: process.cwd(), contentDir: values.content, checkOnly: true });
const diagnostics = values.strict ? asErrors(checked.diagnostics) : checked.diagnostics;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const report = formatReport(diagnostics, values.list ? { listRule: values.list } : {});
if (hasErrors(diagnostics)) {
  console.error(report);
  process.exitCode = 1;
} else {
  if (diagnostics.length > 0) console.warn(report);
  const content = checked.partial;
  console.log(`Checked ${content?.articles.length ?? 0} articles, ${content?.authors.size ?? 0} authors and ${content?.pages.length ?? 0} pages in ${seconds} s: no errors.`);
}
