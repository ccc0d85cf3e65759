import path from "node:path";
import { performance } from "node:perf_hooks";
import { isTimeZone } from "../content/site-schema.ts";
import { importArchive } from "./import-archive.ts";
import type { SourceKind } from "./model.ts";
import { formatSummary } from "./report.ts";
import { commandLine } from "../util/command-line.ts";

/**
 * `npm run import -- --from wordpress export.xml` or
 * `--from jekyll|hugo|eleventy <folder>`: imports an archive into the
 * content folder and prints what it did; every warning, with its file and
 * line, goes to import-report.json beside the content folder.
 */
const USAGE = `Usage: npm run import -- --from wordpress|jekyll|hugo|eleventy <export.xml or site folder> [options]
  --content DIR        content folder to write into (default: content)
  --dry-run            print the report only; write nothing
  --time-zone ZONE     the site's zone, for dates written without one (default: site.yaml's, else the source's)
  --site-name NAME     --base-url URL   for a new site.yaml (default: what the source says)
  --media DIR          where the media files are (WordPress: the wp-content/uploads folder)
  --authors FILE       CSV, YAML or JSON of author ids and names
  --permalink PATTERN  old addresses of a static site's posts, like "/:year/:month/:day/:slug/"
  --posts DIR          the static site's folder of posts, when it is not a usual one
  --default-author ID  the desk that signs posts without an author (default: news-desk)
  --overwrite          replace files that changed since the last import`;

const KINDS: readonly SourceKind[] = ["wordpress", "jekyll", "hugo", "eleventy"];

const { values, positionals } = commandLine(
  {
    allowPositionals: true,
    options: {
      from: { type: "string" },
      content: { type: "string", default: "content" },
      "dry-run": { type: "boolean", default: false },
      "time-zone": { type: "string" },
      "site-name": { type: "string" },
      "base-url": { type: "string" },
      media: { type: "string" },
      authors: { type: "string" },
      permalink: { type: "string" },
      posts: { type: "string" },
      "default-author": { type: "string" },
      overwrite: { type: "boolean", default: false },
    },
  },
  USAGE,
);
const from = values.from as SourceKind | undefined;
if (!from || !KINDS.includes(from) || positionals.length !== 1) {
  console.error(`Give the source's kind and one file or folder.\n\n${USAGE}`);
  process.exit(2);
}
if (values["time-zone"] && !isTimeZone(values["time-zone"])) {
  console.error(`--time-zone: "${values["time-zone"]}" is not a time zone name like Europe/London`);
  process.exit(2);
}

const started = performance.now();
const result = await importArchive({
  from,
  source: positionals[0]!,
  contentDir: path.resolve(values.content),
  rootDir: process.cwd(),
  isDryRun: values["dry-run"],
  overwrite: values.overwrite,
  ...(values["time-zone"] ? { timeZone: values["time-zone"] } : {}),
  ...(values["site-name"] ? { siteName: values["site-name"] } : {}),
  ...(values["base-url"] ? { baseUrl: values["base-url"] } : {}),
  ...(values.media ? { mediaDir: values.media } : {}),
  ...(values.authors ? { authorsFile: values.authors } : {}),
  ...(values.permalink ? { permalink: values.permalink } : {}),
  ...(values.posts ? { postsDir: values.posts } : {}),
  ...(values["default-author"] ? { defaultAuthor: values["default-author"] } : {}),
});
console.log(formatSummary(result.report, result.reportPath && path.relative(process.cwd(), result.reportPath)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const verb = values["dry-run"] ? "would write" : "wrote";
console.log(`${values["dry-run"] ? "Dry run: " : ""}${verb} ${result.files.written} files, ${result.files.unchanged} already up to date, in ${seconds} s. Next: npm run check -- --content ${path.relative(process.cwd(), path.resolve(values.content)) || "."}`);
