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
 * and pages/ are deleted first; its image cache is kept). Up to
 * --rebuild-up-to articles, one article is then edited and the site rebuilt
 * with the caches that build left (the
 * "warm rebuild"); the edit is undone and a further warm build is compared
 * byte for byte with the cold one.
 *
 * With --json each line is {"tool":"site"|"eleventy-plain","size":N,"wallSeconds":S,
 * "msPerArticle":X,"peakRssMB":M,"pages":P,"articlesPerSecond":A}; the site line
 * also carries "stages" (seconds per build stage), the warm-rebuild fields
 * ("warmRebuildSeconds","warmSpeedup","warmIdenticalToCold") and, with
 * --images, the image benchmark's fields. With --pairs N (N > 1), the size's
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
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_DIR, ensureCorpus } from "./generate-corpus.ts";
import { differingFiles, editOneArticle } from "./rebuild-check.ts";

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
  articlePages: number;
  maxRssKB: number;
  buildSeconds?: number;
  /** Our build only: seconds per stage (content, eleventy, search, ...). */
  timings?: Record<string, number>;
  /** Our build only: search records and bundles indexed, bundles reused, and the Pagefind processes' peak memory (not in maxRssKB). */
  search?: { indexedRecords: number; indexedBundles: number; reusedBundles: number; pagefindPeakMB: number };
  /** Our build only: article pages, tags' and authors' feeds, and listing pages taken from the page cache. */
  reusedPages?: number;
  reusedFeeds?: number;
  reusedListings?: number;
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
  /** Our build's warm rebuild: search bundles indexed again and reused, and article pages reused. */
  warmSearchBundles?: { indexed: number; reused: number };
  warmReusedPages?: number;
  warmReusedFeeds?: number;
  warmReusedListings?: number;
  /** Our build, up to --rebuild-up-to: a rebuild after editing one article, with the caches the cold build left. */
  warmRebuildSeconds?: number;
  /** Seconds per stage of the warm rebuild. */
  warmStages?: Record<string, number>;
  /** Cold wall time over warm rebuild wall time. */
  warmSpeedup?: number;
  /** Whether a warm build (every body from the cache) wrote exactly the cold build's files. */
  warmIdenticalToCold?: boolean;
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
const TSX_LOADER = import.meta.resolve("tsx");
const TSCONFIG = path.join(ROOT_DIR, "tsconfig.json");

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: tsx bench/run.ts [--sizes 1000,4000] [--seed N] [--images N] [--no-plain] [--rebuild-up-to N] [--pairs N] [--json]\n`);
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
 * process; resolves with its report and the wall time.
 */
function buildInChild(script: string, corpusDir: string, outputDir?: string): Promise<{ report: BuildReport; wallSeconds: number }> {
  // Without an output folder the site goes to a temporary one, deleted afterwards.
  const tempDir = outputDir ? undefined : mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-"));
  const siteDir = outputDir ?? path.join(tempDir!, "_site");
  const cleanUp = () => tempDir && rmSync(tempDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Equivalent to `node --import tsx <script> <corpusDir>`, but run
    // from inside the corpus: Eleventy applies the .gitignore of the working
    // directory, and the package's .gitignore lists bench/.corpus/, which would
    // silently drop every article (the plain config turns .gitignore off, but
    // both tools get the same process setup). tsx is pointed at the package
    // tsconfig (JSX via Preact) explicitly, since it otherwise reads the one in the cwd.
    const child = spawn(process.execPath, ["--import", TSX_LOADER, script, corpusDir, siteDir], {
      cwd: corpusDir,
      env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
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
      cleanUp();
      if (code !== 0) {
        reject(new Error(`${path.basename(script)} failed (${signal ? `signal ${signal}` : `exit code ${code}`})${stdout.trim() ? `; output:\n${stdout.trim()}` : ""}`));
        return;
      }
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve({ report: JSON.parse(last) as BuildReport, wallSeconds });
      } catch {
        reject(new Error(`${path.basename(script)} printed no report; last line: ${JSON.stringify(last)}`));
      }
    });
  });
}

/** Runs bench/images-once.ts in a fresh process; resolves with its JSON report. */
function imagesInChild(count: number, seed: number): Promise<ImageReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX_LOADER, IMAGES_ONCE, String(count), String(seed)], {
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
  const { report, wallSeconds } = await buildInChild(tool === "site" ? BUILD_ONCE : PLAIN_ONCE, corpusDir, outputDir);
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

/**
 * Our build from cold (no content caches), then, up to
 * --rebuild-up-to articles, a rebuild after a one-article edit, and a check
 * that a fully warm build writes exactly the cold build's bytes.
 */
async function siteBuilds(corpusDir: string, size: number, options: Options, log: (message: string) => void): Promise<BenchResult> {
  clearContentCaches(corpusDir);
  const sitesDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-sites-"));
  try {
    log(`building ${size} articles (cold: no rendered-Markdown, frontmatter, search or page cache)...`);
    const { result: cold } = await timedBuild("site", corpusDir, size, log, path.join(sitesDir, "cold"));
    if (size > options.rebuildUpTo) return cold;
    const edit = editOneArticle(corpusDir);
    let warm: { result: BenchResult; report: BuildReport };
    try {
      log(`rebuilding after an edit to ${path.basename(edit.file)} (warm)...`);
      warm = await timedBuild("site", corpusDir, size, log);
    } finally {
      edit.undo();
    }
    log("building the unedited corpus again (warm) to compare with the cold build...");
    await timedBuild("site", corpusDir, size, log, path.join(sitesDir, "warm"));
    const differing = differingFiles(path.join(sitesDir, "cold"), path.join(sitesDir, "warm"));
    if (differing.length > 0) log(`  the warm build differs from the cold one in ${differing.length} files, e.g. ${differing.slice(0, 3).join(", ")}`);
    return {
      ...cold,
      warmRebuildSeconds: warm.result.wallSeconds,
      ...(warm.report.timings ? { warmStages: warm.report.timings } : {}),
      ...(warm.report.search ? { warmSearchBundles: { indexed: warm.report.search.indexedBundles, reused: warm.report.search.reusedBundles } } : {}),
      ...(warm.report.reusedPages !== undefined ? { warmReusedPages: warm.report.reusedPages } : {}),
      ...(warm.report.reusedFeeds !== undefined ? { warmReusedFeeds: warm.report.reusedFeeds } : {}),
      ...(warm.report.reusedListings !== undefined ? { warmReusedListings: warm.report.reusedListings } : {}),
      warmSpeedup: round(cold.wallSeconds / warm.result.wallSeconds, 2),
      warmIdenticalToCold: differing.length === 0,
    };
  } finally {
    rmSync(sitesDir, { recursive: true, force: true });
  }
}

/** Cold: no rendered Markdown, parsed frontmatter, search bundles or article pages from earlier builds (images stay cached). */
function clearContentCaches(corpusDir: string): void {
  for (const cache of ["render", "frontmatter", "search", "pages"]) rmSync(path.join(corpusDir, ".cache", cache), { recursive: true, force: true });
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
    if (site.tool === "site" && site.warmRebuildSeconds !== undefined) {
      lines.push(
        `warm rebuild after a one-article edit, ${site.size} articles: ${site.warmRebuildSeconds.toFixed(2)} s, ${site.warmSpeedup}x faster than cold; ` +
          `a warm build ${site.warmIdenticalToCold ? "is byte-identical to" : "DIFFERS from"} the cold one`,
      );
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
