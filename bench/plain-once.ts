/**
 * One plain Eleventy 3 build of a corpus (the benchmark's reference, see
 * bench/eleventy-plain/), in its own process so its peak RSS is the build's.
 *
 *   node --import ./src/loader/register.mjs bench/plain-once.ts <corpusDir> [outputDir]
 *
 * Only content/articles/ is built: plain Eleventy knows nothing of authors,
 * images or site.yaml. Without outputDir the pages go to a temp folder that is
 * deleted afterwards. The last stdout line is JSON, in build-once.ts's shape:
 * {"pages":N,"maxRssKB":N,"buildSeconds":N}. The runner counts the article
 * pages written once this process has exited (bench/article-pages.ts).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { writtenFiles } from "../src/site-builder/render-pages.ts";

const CONFIG_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "eleventy-plain", "eleventy.config.mjs");

async function main(): Promise<void> {
  const [corpusArg, outputArg] = process.argv.slice(2);
  if (!corpusArg) {
    process.stderr.write("usage: node --import ./src/loader/register.mjs bench/plain-once.ts <corpusDir> [outputDir]\n");
    process.exit(2);
  }
  const inputDir = path.join(path.resolve(corpusArg), "content", "articles");
  if (!existsSync(inputDir)) throw new Error(`no articles folder at ${inputDir}`);
  const tempDir = outputArg ? undefined : mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-plain-"));
  const outputDir = outputArg ? path.resolve(outputArg) : path.join(tempDir!, "_site");
  try {
    const started = performance.now();
    const eleventy = new Eleventy(inputDir, outputDir, { configPath: CONFIG_PATH, quietMode: true });
    // As in buildSite: without this Eleventy still prints its "Wrote N files" line.
    eleventy.disableLogger?.();
    const written = await eleventy.write();
    const buildSeconds = (performance.now() - started) / 1000;
    // maxRSS is in kilobytes on Linux and macOS.
    const maxRssKB = process.resourceUsage().maxRSS;
    process.stdout.write(`\n${JSON.stringify({ pages: writtenFiles(written).length, maxRssKB, buildSeconds: Number(buildSeconds.toFixed(3)) })}\n`);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
