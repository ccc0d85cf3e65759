import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadContent } from "../content/load-content.ts";
import { formatReport, hasErrors } from "../diagnostics/diagnostic.ts";

/**
 * `npm run check [-- --content dir]`: validates every article, author and the
 * site settings, prints one line per problem and a count, and writes no site.
 * Exit 1 on any error; warnings do not fail.
 */
const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });

const started = performance.now();
const { diagnostics, content } = await loadContent({ rootDir: process.cwd(), contentDir: values.content, checkOnly: true });
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const report = formatReport(diagnostics);
if (hasErrors(diagnostics)) {
  console.error(report);
  process.exitCode = 1;
} else {
  if (diagnostics.length > 0) console.warn(report);
  console.log(`Checked ${content?.articles.length ?? 0} articles and ${content?.authors.size ?? 0} authors in ${seconds} s: no errors.`);
}
