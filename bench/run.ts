/**
 * Build benchmark: for each corpus size, one full build in a fresh child
 * process; reports wall time, throughput and the child's peak RSS. Each build
 * is followed by a reference build of the same articles with plain Eleventy 3
 * (bench/plain-once.ts, bench/eleventy-plain/), so the numbers say what our
 * generator costs on top of Eleventy itself.
 *
 *   npm run bench                          # sizes 1000 and 4000, seed 1
 *   npm run bench -- --sizes 1000 --json   # one JSON object per size and tool on stdout
 *   npm run bench -- --seed 7
 *   npm run bench -- --sizes 1000 --images 20   # adds the image benchmark (bench/images-once.ts)
 *   npm run bench -- --no-plain            # our build only, without the plain Eleventy reference
 *   npm run bench -- --rebuild-up-to 0     # skip the warm-rebuild measurement (default: sizes up to 10,000)
 *   npm run bench -- --pairs 3             # three cold builds of ours, each followed by plain Eleventy
 *
 * Our build is timed cold (the corpus's .cache/render/, frontmatter/, search/
 * and state/ are deleted first; its image cache is kept). Up to
 * --rebuild-up-to articles (default 10,000), an editor's changes follow,
 * each built incrementally into the same output folder (see siteBuilds),
 * and once they are undone a last build must leave the output byte for
 * byte what the cold build wrote.
 *
 * With --json each line is {"tool":"site"|"eleventy-plain","size":N,"wallSeconds":S,
 * "msPerArticle":X,"peakRssMB":M,"pages":P,"articlesPerSecond":A}; the site line
 * also carries "stages" (seconds per build stage), "incremental" (each
 * change's wall seconds, peak memory, stages and files rendered, written and
 * deleted), "incrementalIdenticalToCold" and, with --images, the image
 * benchmark's fields. With --pairs N (N > 1), the size's
 * cold build and plain reference are repeated N times, alternating, and the
 * site line also carries "pairs" ([{site, plain, ratio}], wall seconds) and
 * "medianRatioToPlain": a shared machine's speed can drift by half within
 * minutes, and only a ratio within one pair is like for like.
 *
 * Builds run with the corpus's image cache warm (as CI does with a restored
 * .cache/images/): an untimed build fills it first when it is empty. The plain
 * reference builds only content/articles/ (no images, authors, tag pages,
 * feeds or search index) and so writes far fewer pages: it is a floor, not a
 * like-for-like rival.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { articlePagesWritten } from "./article-pages.ts";
import { BENCH_DIR, ensureCorpus } from "./generate-corpus.ts";
import { differingFiles, editorsChanges } from "./rebuild-check.ts";
import { RUN_COMMAND, TYPESCRIPT_FLAGS } from "../src/loader/node-flags.ts";

interface Options {
  sizes: number[];
  seed: number;
  json: boolean;
  /** Photographs for the image benchmark; 0 = skip it. */
  images: number;
  /** Also build each corpus with plain Eleventy (off with --no-plain). */
  plain: boolean;
  /** Measure a warm rebuild after a one-article edit, up to this size (--rebuild-up-to N; 0 = never). */
  rebuildUpTo: number;
  /** Cold builds of ours, each followed by the plain reference, per size (--pairs N). */
  pairs: number;
}

interface ImageReport {
  images: number;
  derivatives: number;
  imagesCold: number;
  sharpBaseline: number;
  imagesWarm: number;
}

interface BuildReport {
  pages: number;
  /** Counted by the runner once the child has exited (article-pages.ts), for timed cold builds. */
  articlePages?: number;
  maxRssKB: number;
  buildSeconds?: number;
  /** Our build only: seconds per stage (content, eleventy, search, ...). */
  timings?: Record<string, number>;
  /** Our build only: search records and bundles indexed, bundles reused, and the Pagefind processes' peak memory (not in maxRssKB). */
  search?: { indexedRecords: number; indexedBundles: number; reusedBundles: number; pagefindPeakMB: number };
  /** Our build only: "cold", "incremental" or "unchanged", and what it rendered, wrote and deleted. */
  mode?: string;
  rendered?: number;
  written?: number;
  removed?: number;
}

/** "site" is our generator; "eleventy-plain" the plain Eleventy 3 reference. */
export type Tool = "site" | "eleventy-plain";

export interface BenchResult {
  tool: Tool;
  size: number;
  wallSeconds: number;
  msPerArticle: number;
  peakRssMB: number;
  pages: number;
  articlesPerSecond: number;
  /** Our build: seconds per stage of the (cold) build. */
  stages?: Record<string, number>;
  /** Our build: peak memory of the Pagefind processes (up to two at once, beside the build), added up. */
  pagefindPeakMB?: number;
  /** Our build, up to --rebuild-up-to: each editor's change and the incremental build after it (see siteBuilds). */
  incremental?: Record<string, IncrementalResult>;
  /** Whether the output, once every change was undone and built again, is byte for byte the cold build's. */
  incrementalIdenticalToCold?: boolean;
  /** With --images: seconds for N photographs through our pipeline (cold cache), plain sharp, and a warm rebuild's image stage. */
  imagesCold?: number;
  sharpBaseline?: number;
  imagesWarm?: number;
  /** With --pairs N: each cold build of ours and the plain build right after it, in wall seconds. */
  pairs?: { site: number; plain: number; ratio: number }[];
  medianRatioToPlain?: number;
}

const ROOT_DIR = path.dirname(BENCH_DIR);
const BUILD_ONCE = path.join(BENCH_DIR, "build-once.ts");
const PLAIN_ONCE = path.join(BENCH_DIR, "plain-once.ts");
const IMAGES_ONCE = path.join(BENCH_DIR, "images-once.ts");

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run bench -- [--sizes 1000,4000] [--seed N] [--images N] [--no-plain] [--rebuild-up-to N] [--pairs N] [--json]\n`);
  process.exit(2);
}

/** `text` as an integer of at least `min`, or the usage message. */
function wholeNumber(text: string, min: number, message: string): number {
  const number = Number(text);
  return Number.isInteger(number) && number >= min ? number : usage(message);
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 4000], seed: 1, json: false, images: 0, plain: true, rebuildUpTo: 10_000, pairs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case "--json":
        options.json = true;
        break;
      case "--no-plain":
        options.plain = false;
        break;
      case "--rebuild-up-to":
        options.rebuildUpTo = wholeNumber(value(), 0, "--rebuild-up-to must be a whole number of articles, like 10000 (0: never)");
        break;
      case "--sizes":
        options.sizes = value().split(",").map((part) => wholeNumber(part.trim(), 1, "--sizes must be positive integers, like 1000,4000"));
        break;
      case "--images":
        options.images = wholeNumber(value(), 1, "--images must be a positive integer, like 20");
        break;
      case "--pairs":
        options.pairs = wholeNumber(value(), 1, "--pairs must be a positive integer, like 3");
        break;
      case "--seed":
        options.seed = wholeNumber(value(), Number.MIN_SAFE_INTEGER, "--seed must be an integer");
        break;
      case "--help":
      case "-h":
        usage("Build benchmark.");
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  return options;
}

/**
 * Runs a build script (build-once.ts or plain-once.ts) in a fresh Node
 * process; resolves with its report and the wall time (from the spawn to the
 * child's exit), and, when `countArticlesOf` names the tool, the article
 * pages it wrote, counted after that.
 */
function buildInChild(script: string, corpusDir: string, outputDir?: string, countArticlesOf?: Tool): Promise<{ report: BuildReport; wallSeconds: number }> {
  // Without an output folder the site goes to a temporary one, deleted afterwards.
  const tempDir = outputDir ? undefined : mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-"));
  const siteDir = outputDir ?? path.join(tempDir!, "_site");
  const cleanUp = () => tempDir && rmSync(tempDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Started as `npm run build` starts its command (compiled, src/loader/run.mjs), both tools alike, and run
    // from inside the corpus: Eleventy applies the .gitignore of the working
    // directory, and the package's .gitignore lists bench/.corpus/, which would
    // silently drop every article (the plain config turns .gitignore off, but
    // both tools get the same process setup).
    const child = spawn(process.execPath, [RUN_COMMAND, script, corpusDir, siteDir], {
      cwd: corpusDir,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.on("error", (error) => {
      cleanUp();
      reject(error);
    });
    child.on("close", (code, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        cleanUp();
        reject(new Error(`${path.basename(script)} failed (${signal ? `signal ${signal}` : `exit code ${code}`})${stdout.trim() ? `; output:\n${stdout.trim()}` : ""}`));
        return;
      }
      const last = stdout.trim().split("\n").pop() ?? "";
      let report: BuildReport;
      try {
        report = JSON.parse(last) as BuildReport;
      } catch {
        cleanUp();
        reject(new Error(`${path.basename(script)} printed no report; last line: ${JSON.stringify(last)}`));
        return;
      }
      try {
        if (countArticlesOf) report.articlePages = articlePagesWritten(countArticlesOf, corpusDir, siteDir);
        resolve({ report, wallSeconds });
      } catch (error) {
        reject(error);
      } finally {
        cleanUp();
      }
    });
  });
}

/** Runs bench/images-once.ts in a fresh process; resolves with its JSON report. */
function imagesInChild(count: number, seed: number): Promise<ImageReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TYPESCRIPT_FLAGS, IMAGES_ONCE, String(count), String(seed)], {
      cwd: ROOT_DIR,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`image benchmark failed (exit code ${code})`));
      try {
        resolve(JSON.parse(last) as ImageReport);
      } catch {
        reject(new Error(`image benchmark printed no report; last line: ${JSON.stringify(last)}`));
      }
    });
  });
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A timed build's figures, in the order the JSON lines print them. */
function resultOf(tool: Tool, size: number, report: BuildReport, wallSeconds: number): BenchResult {
  return {
    tool,
    size,
    wallSeconds: round(wallSeconds, 3),
    msPerArticle: round((wallSeconds * 1000) / size, 2),
    peakRssMB: round(report.maxRssKB / 1024, 1),
    pages: report.pages,
    articlesPerSecond: round(size / wallSeconds, 1),
  };
}

/** One timed build in a child; a report with fewer article pages than articles fails the run. */
async function timedBuild(tool: Tool, corpusDir: string, size: number, log: (message: string) => void, outputDir?: string): Promise<{ result: BenchResult; report: BuildReport }> {
  const { report, wallSeconds } = await buildInChild(tool === "site" ? BUILD_ONCE : PLAIN_ONCE, corpusDir, outputDir, tool);
  if (report.articlePages !== size) {
    throw new Error(`the ${tool} build wrote ${report.articlePages} article pages for ${size} articles`);
  }
  log(`  done in ${wallSeconds.toFixed(2)} s wall${report.buildSeconds === undefined ? "" : ` (${report.buildSeconds.toFixed(2)} s inside the build)`}`);
  const result: BenchResult = {
    ...resultOf(tool, size, report, wallSeconds),
    ...(report.timings ? { stages: report.timings } : {}),
    ...(report.search ? { pagefindPeakMB: report.search.pagefindPeakMB } : {}),
  };
  return { result, report };
}

/** One incremental build after an editor's change: wall time, peak memory, stages and what it wrote. */
export interface IncrementalResult {
  wallSeconds: number;
  peakRssMB: number;
  mode: string;
  rendered: number;
  written: number;
  removed: number;
  stages?: Record<string, number>;
}

/**
 * Our build from cold (no content caches or state), then, up to
 * --rebuild-up-to articles, the edits an editor makes, each followed by an
 * incremental build of the same output folder in a fresh process: nothing
 * changed, one article's body edited, another's dek edited, a new article
 * published. The edits are then undone and one more build must leave the
 * output byte for byte what the cold build wrote.
 */
async function siteBuilds(corpusDir: string, size: number, options: Options, log: (message: string) => void): Promise<BenchResult> {
  clearContentCaches(corpusDir);
  const sitesDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-sites-"));
  const siteDir = path.join(sitesDir, "site");
  try {
    log(`building ${size} articles (cold: no rendered-Markdown, frontmatter, search cache or build state)...`);
    const { result: cold } = await timedBuild("site", corpusDir, size, log, siteDir);
    if (size > options.rebuildUpTo) return cold;
    cpSync(siteDir, path.join(sitesDir, "cold"), { recursive: true });
    const incremental: Record<string, IncrementalResult> = {};
    const edits = editorsChanges(corpusDir);
    try {
      for (const [name, change] of Object.entries(edits.steps)) {
        change();
        log(`${name}: building the same output again...`);
        incremental[name] = await incrementalBuild(corpusDir, siteDir, log);
      }
    } finally {
      edits.undo();
    }
    log("every edit undone: building again, to compare with the cold build...");
    await incrementalBuild(corpusDir, siteDir, log);
    // The search bundles hold the same records, but where depends on the edits made (an edited archive story lives in the
    // live bundle until its archive is compacted): they are compared by what they find (tests/browser/search-incremental.test.ts).
    const differing = differingFiles(path.join(sitesDir, "cold"), siteDir).filter((file) => !/^pagefind(-archive-\d+)?\//.test(file.split(path.sep).join("/")));
    if (differing.length > 0) log(`  the output differs from the cold build's in ${differing.length} files, e.g. ${differing.slice(0, 3).join(", ")}`);
    return { ...cold, incremental, incrementalIdenticalToCold: differing.length === 0 };
  } finally {
    rmSync(sitesDir, { recursive: true, force: true });
  }
}

async function incrementalBuild(corpusDir: string, siteDir: string, log: (message: string) => void): Promise<IncrementalResult> {
  const { report, wallSeconds } = await buildInChild(BUILD_ONCE, corpusDir, siteDir);
  log(`  ${report.mode}: ${report.rendered ?? 0} pages rendered, ${report.written ?? 0} files written, ${report.removed ?? 0} deleted, in ${wallSeconds.toFixed(2)} s wall`);
  return {
    wallSeconds: round(wallSeconds, 3),
    peakRssMB: round(report.maxRssKB / 1024, 1),
    mode: report.mode ?? "",
    rendered: report.rendered ?? 0,
    written: report.written ?? 0,
    removed: report.removed ?? 0,
    ...(report.timings ? { stages: report.timings } : {}),
  };
}

/** Cold: no rendered Markdown, parsed frontmatter, search bundles or build state from earlier builds (images stay cached). */
function clearContentCaches(corpusDir: string): void {
  for (const cache of ["render", "frontmatter", "search", "state"]) rmSync(path.join(corpusDir, ".cache", cache), { recursive: true, force: true });
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function table(results: readonly BenchResult[]): string {
  const header = ["tool", "size", "wall s", "ms/article", "articles/s", "peak RSS MB", "pages written"];
  const rows = results.map((r) => [
    r.tool,
    String(r.size),
    r.wallSeconds.toFixed(2),
    r.msPerArticle.toFixed(2),
    r.articlesPerSecond.toFixed(1),
    r.peakRssMB.toFixed(1),
    String(r.pages),
  ]);
  const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => row[col]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One ratio line per site row followed by its plain reference (results come in that order). */
function ratioLines(results: readonly BenchResult[]): string[] {
  const lines: string[] = [];
  results.forEach((site, i) => {
    if (site.tool === "site" && site.stages) {
      lines.push(`stages of the cold build, ${site.size} articles: ${Object.entries(site.stages).map(([name, seconds]) => `${name} ${seconds} s`).join(", ")}`);
    }
    if (site.tool === "site" && site.incremental) {
      for (const [name, build] of Object.entries(site.incremental)) {
        lines.push(`${name}, ${site.size} articles: ${build.wallSeconds.toFixed(2)} s wall, ${build.peakRssMB} MB, ${build.rendered} pages rendered, ${build.written} files written, ${build.removed} deleted (${build.mode})`);
      }
      lines.push(`  after undoing every change, the output ${site.incrementalIdenticalToCold ? "is byte-identical to" : "DIFFERS from"} the cold build's`);
    }
    const plain = results[i + 1];
    if (site.tool !== "site" || plain?.tool !== "eleventy-plain" || plain.size !== site.size) return;
    lines.push(`ratio site / plain Eleventy, wall time, ${site.size} articles: ${(site.wallSeconds / plain.wallSeconds).toFixed(2)}`);
    if (site.pairs) {
      lines.push(`  ${site.pairs.length} pairs: ${site.pairs.map((pair) => `${pair.site} / ${pair.plain} s = ${pair.ratio}`).join(", ")}; median ratio ${site.medianRatioToPlain}`);
    }
  });
  return lines;
}

function tableWithRatios(results: readonly BenchResult[]): string {
  return [table(results), ...ratioLines(results)].join("\n");
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(`bench: sizes ${options.sizes.join(", ")}, seed ${options.seed}, node ${process.version}, ${os.cpus().length} CPUs`);
  const results: BenchResult[] = [];
  for (const size of options.sizes) {
    const corpus = await ensureCorpus(size, options.seed, log);
    if (!existsSync(path.join(corpus.dir, ".cache", "images"))) {
      log(`filling the image cache of the ${size}-article corpus (untimed build)...`);
      await buildInChild(BUILD_ONCE, corpus.dir);
    }
    const site = await siteBuilds(corpus.dir, size, options, log);
    // Straight after ours, so both builds read the corpus from a warm OS file cache.
    let plain: BenchResult | undefined;
    if (options.plain) {
      log(`building ${size} articles with plain Eleventy (reference)...`);
      plain = (await timedBuild("eleventy-plain", corpus.dir, size, log)).result;
      if (options.pairs > 1) {
        const pairs = [{ site: site.wallSeconds, plain: plain.wallSeconds }];
        for (let pair = 2; pair <= options.pairs; pair++) {
          log(`pair ${pair} of ${options.pairs}: ${size} articles, our build (cold), then plain Eleventy...`);
          clearContentCaches(corpus.dir);
          const again = (await timedBuild("site", corpus.dir, size, log)).result;
          pairs.push({ site: again.wallSeconds, plain: (await timedBuild("eleventy-plain", corpus.dir, size, log)).result.wallSeconds });
        }
        site.pairs = pairs.map((pair) => ({ ...pair, ratio: round(pair.site / pair.plain, 2) }));
        site.medianRatioToPlain = round(median(site.pairs.map((pair) => pair.ratio)), 2);
      }
    }
    if (options.images > 0) {
      log(`image benchmark: ${options.images} photographs, cold, plain sharp, warm...`);
      const images = await imagesInChild(options.images, options.seed);
      Object.assign(site, { imagesCold: images.imagesCold, sharpBaseline: images.sharpBaseline, imagesWarm: images.imagesWarm });
      if (!options.json) {
        const perSecond = (seconds: number) => (images.derivatives / seconds).toFixed(1);
        process.stdout.write(
          `\nimages: ${images.images} photographs of 2400x1350, ${images.derivatives} derivatives\n` +
            `  cold, our pipeline   ${images.imagesCold.toFixed(2)} s  ${perSecond(images.imagesCold)} derivatives/s\n` +
            `  cold, plain sharp    ${images.sharpBaseline.toFixed(2)} s  ${perSecond(images.sharpBaseline)} derivatives/s\n` +
            `  ratio (ours / plain, throughput) ${(images.sharpBaseline / images.imagesCold).toFixed(2)}\n` +
            `  warm rebuild, image stage ${images.imagesWarm.toFixed(3)} s (no encoding; ${images.derivatives} files linked)\n`,
        );
      }
    }
    const sizeResults = plain ? [site, plain] : [site];
    results.push(...sizeResults);
    if (options.json) {
      for (const result of sizeResults) process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`\n${tableWithRatios(sizeResults)}\n`);
    }
  }
  if (!options.json && options.sizes.length > 1) process.stdout.write(`\nSummary (seed ${options.seed})\n${tableWithRatios(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
