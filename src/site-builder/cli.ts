import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSite, unwrapContentError } from "./build-site.ts";
import { progressReporter } from "./progress.ts";
import { relaunchForLargeEdit } from "./edit-heap.ts";
import { siteStateFiles } from "./site-state.ts";
import { commandLine } from "../util/command-line.ts";
import { collectGarbageNow, limitHeapGrowth } from "../util/heap-growth.ts";

const USAGE = "usage: npm run build [-- --fresh] [--preview] [--strict] [--now 2026-11-28T09:00:00Z] [--output _site] [--content content]";

const { values } = commandLine({
  options: {
    preview: { type: "boolean", default: process.env.NEWSROOM_PREVIEW === "1" },
    strict: { type: "boolean", default: false },
    // Everything rebuilt into a staging folder that replaces the output whole.
    fresh: { type: "boolean", default: false },
    output: { type: "string", default: "_site" },
    content: { type: "string", default: "content" },
    // Reproducible builds: the time the Google News sitemap counts back from.
    now: { type: "string", default: process.env.NEWSROOM_NOW },
  },
}, USAGE);

const now = values.now ? new Date(values.now) : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error(`--now "${values.now}" is not a date and time, like 2026-11-28T09:00:00Z`);
  process.exit(2);
}
// An edit of a large site runs with a larger young generation (edit-heap.ts): this process then waits for that one.
if (!values.fresh) await relaunchForLargeEdit(siteStateFiles(process.cwd(), path.resolve(values.output)).content);
const started = performance.now();
try {
  const result = await buildSite({
    rootDir: process.cwd(),
    contentDir: values.content,
    outputDir: values.output,
    isPreview: values.preview,
    isStrict: values.strict,
    incremental: !values.fresh,
    progress: progressReporter(),
    beforeLargeBuild: limitHeapGrowth,
    collectGarbage: collectGarbageNow,
    ...(now ? { now } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const preview = values.preview ? " (preview: drafts and scheduled articles shown)" : "";
  const what =
    result.mode === "unchanged"
      ? `Nothing changed since the last build: ${values.output}/ is up to date`
      : result.mode === "cold"
        ? `Built ${result.fileCount} files into ${values.output}/`
        : `Updated ${values.output}/: ${result.rendered + result.written} files written, ${result.removed} deleted, ${result.kept} unchanged`;
  console.log(`${what} in ${seconds} s${preview}`);
} catch (error) {
  const contentError = unwrapContentError(error);
  if (contentError) {
    console.error(contentError.message);
    console.error("Nothing was written: fix the problems above and build again.");
  } else {
    console.error("internal error, please report:", error);
  }
  process.exitCode = 1;
}
