/**
 * One build of a corpus, in its own process so its peak RSS is the build's.
 *
 *   node --import ./src/loader/register.mjs bench/build-once.ts <corpusDir> [outputDir]
 *
 * Without outputDir the site goes to a temp folder that is deleted afterwards.
 * The last stdout line is JSON: {"pages":N,"maxRssKB":N,"buildSeconds":N,"timings":{...},"search":{...},"reusedPages":N,"reusedFeeds":N,"reusedListings":N}
 * (search: records and bundles indexed, bundles reused, and the peak memory of the Pagefind processes, which maxRssKB does not count;
 * reusedPages, reusedFeeds, reusedListings: article pages, tags' and authors' feeds, and tag, author and news-feed pages taken from the page cache).
 * The runner counts the article pages written once this process has exited
 * (bench/article-pages.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../src/site-builder/build-site.ts";
import { collectGarbageNow, limitHeapGrowth } from "../src/util/heap-growth.ts";
import { relaunchForLargeEdit } from "../src/site-builder/edit-heap.ts";
import { siteStateFiles } from "../src/site-builder/site-state.ts";

async function main(): Promise<void> {
  const [corpusArg, outputArg] = process.argv.slice(2);
  if (!corpusArg) {
    process.stderr.write("usage: node --import ./src/loader/register.mjs bench/build-once.ts <corpusDir> [outputDir]\n");
    process.exit(2);
  }
  const rootDir = path.resolve(corpusArg);
  const tempDir = outputArg ? undefined : mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-"));
  const outputDir = outputArg ? path.resolve(outputArg) : path.join(tempDir!, "_site");
  // As `npm run build` does: an edit of a large site in a child process with a larger young generation.
  await relaunchForLargeEdit(siteStateFiles(rootDir, outputDir).content);
  try {
    const started = performance.now();
    // A cold (or large) build limits the heap's growth and collects once its content is loaded, as `npm run build` does.
    const result = await buildSite({ rootDir, outputDir, quiet: true, beforeLargeBuild: limitHeapGrowth, collectGarbage: collectGarbageNow });
    const buildSeconds = (performance.now() - started) / 1000;
    // maxRSS is in kilobytes on Linux and macOS.
    const maxRssKB = process.resourceUsage().maxRSS;
    process.stdout.write(`\n${JSON.stringify({ pages: result.fileCount, maxRssKB, buildSeconds: Number(buildSeconds.toFixed(3)), timings: result.timings, mode: result.mode, rendered: result.rendered, written: result.written, kept: result.kept, removed: result.removed })}\n`);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
