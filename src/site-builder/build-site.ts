import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import { ContentError } from "../diagnostics/diagnostic.ts";
import { ContentStore, type NewsroomOptions } from "../eleventy/content-store.ts";
import { timed } from "../util/timed.ts";
import { commitIntoOutput, finishInterruptedCommit } from "./output-commit.ts";
import { outputFolderId, readOutputManifest, writeOutputManifest } from "./output-manifest.ts";
import { changesSince, planSite, writeChanges } from "./site-update.ts";
import { siteStateFiles } from "./site-state.ts";
import { createStagingFolder, discardStagingFolder, removeStaleStagingFolders, swapIn } from "./staging-folder.ts";

export interface BuildOptions {
  rootDir: string;
  contentDir?: string;
  outputDir?: string;
  isPreview?: boolean;
  quiet?: boolean;
  /** The build's "now" (default: the clock); set it for reproducible builds. */
  now?: Date;
  /** Pages per Eleventy run (default PAGES_PER_BATCH); the output is the same for any value. */
  pagesPerBatch?: number;
  /** Keep the output files whose inputs are unchanged (default true); false renders every file into a new folder. */
  incremental?: boolean;
  /** Articles per search index (default ARTICLES_PER_SEARCH_SHARD); tests use small shards. */
  articlesPerSearchShard?: number;
  /** Warnings fail the build too (`--strict`). */
  isStrict?: boolean;
}

export interface BuildResult {
  outputDir: string;
  /** Files the site has. */
  fileCount: number;
  /** `schedule.json` beside the output: when the next scheduled article goes live. */
  schedulePath: string;
  /** "cold": every file rendered into a new folder, swapped in; "incremental": only changed files, committed into the output. */
  mode: "cold" | "incremental";
  /** Pages rendered, other files written, files kept as they were, files deleted. */
  rendered: number;
  written: number;
  kept: number;
  removed: number;
  /** The site paths rendered or written, and deleted. */
  changedPaths: string[];
  removedPaths: string[];
  /** Seconds per stage: content (load, validate, render Markdown), plan, pages, files, commit, total. */
  timings: Record<string, number>;
}

/**
 * What a scheduled CI run reads to decide whether a rebuild has anything to
 * publish: `nextPublication` is the soonest time a held-back article goes live.
 */
export interface Schedule {
  builtAt: string;
  nextPublication: string | null;
  scheduled: { id: string; source: string; publishAt: string }[];
}

/**
 * Builds the site: how an edit reaches the written page.
 *
 * 1. Content: every article, author, page and setting is loaded, validated
 *    and its Markdown rendered (src/content, src/markdown, src/images; a
 *    build with content errors stops here, having written nothing), and the
 *    site model made from it (src/collections).
 * 2. Plan: every file the site has, each with a key of everything it shows
 *    and the code that renders it (output-plan.ts, site-files.ts).
 * 3. Only the files whose key is not the one the output manifest holds for
 *    them are rendered (Eleventy, render-pages.ts) or written, into a
 *    staging folder beside the output.
 * 4. Commit: a cold build (no output, or none this manifest describes)
 *    swaps its complete staging folder in; an incremental one moves its
 *    files into the output and deletes what is no longer planned, under a
 *    journal (output-commit.ts). A failed build leaves the output as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? "content";
  const outputDir = path.resolve(rootDir, options.outputDir ?? "_site");
  const state = siteStateFiles(rootDir, outputDir);
  const timings = new Map<string, number>();
  const started = performance.now();
  finishInterruptedCommit(state.journal);
  await removeStaleStagingFolders(outputDir);

  const newsroom: NewsroomOptions = {
    rootDir,
    contentDir,
    isPreview: options.isPreview ?? false,
    isStrict: options.isStrict ?? false,
    now: () => options.now ?? new Date(),
    timings,
    ...(options.articlesPerSearchShard ? { articlesPerSearchShard: options.articlesPerSearchShard } : {}),
  };
  const model = await timed(timings, "content", () => new ContentStore(newsroom).reload());
  const plan = await timed(timings, "plan", () => planSite(model, newsroom));
  const previous = options.incremental === false ? undefined : readOutputManifest(state.manifest, outputDir);
  const changes = changesSince(previous?.files, plan);
  const result = { outputDir, fileCount: changes.manifest.size, schedulePath: path.join(path.dirname(outputDir), "schedule.json"), mode: previous ? ("incremental" as const) : ("cold" as const) };
  const counts = {
    rendered: changes.pages.length,
    written: changes.files.length,
    kept: changes.kept,
    removed: changes.removed.length,
    changedPaths: [...changes.pages, ...changes.files].map((file) => file.path),
    removedPaths: changes.removed,
  };
  const writeOptions = { newsroom, model, assets: plan.assets, timings, quiet: options.quiet ?? true, ...(options.pagesPerBatch ? { pagesPerBatch: options.pagesPerBatch } : {}) };
  const hasChanges = changes.pages.length + changes.files.length + changes.removed.length > 0;
  if (!previous || hasChanges) {
    const stagingDir = await createStagingFolder(outputDir);
    try {
      await writeChanges(changes, stagingDir, writeOptions);
      await timed(timings, "commit", async () => {
        if (previous) {
          commitIntoOutput(stagingDir, outputDir, { written: counts.changedPaths, removed: changes.removed }, state.journal, state.manifest, { outputId: previous.outputId, files: changes.manifest });
        } else {
          await swapIn(stagingDir, outputDir);
          writeOutputManifest(state.manifest, { outputId: outputFolderId(outputDir)!, files: changes.manifest });
        }
      });
    } catch (error) {
      await discardStagingFolder(stagingDir);
      throw unwrapContentError(error) ?? error;
    }
  }
  await writeFile(result.schedulePath, `${JSON.stringify(scheduleOf(model), null, 2)}\n`);
  timings.set("total", (performance.now() - started) / 1000);
  const rounded = Object.fromEntries([...timings].map(([name, seconds]) => [name, Number(seconds.toFixed(2))]));
  return { ...result, ...counts, timings: rounded };
}

export function scheduleOf(model: SiteModel): Schedule {
  return {
    builtAt: model.builtAt.toISOString(),
    nextPublication: model.scheduled[0]?.publishAt.toISOString() ?? null,
    scheduled: model.scheduled.map((entry) => ({ id: entry.id, source: entry.sourcePath, publishAt: entry.publishAt.toISOString() })),
  };
}

/** Eleventy wraps errors thrown in event handlers; editors need ours, unwrapped. */
export function unwrapContentError(error: unknown): ContentError | undefined {
  for (let current = error; current; current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause) {
    if (current instanceof ContentError) return current;
    if (current && typeof current === "object" && (current as Error).name === "ContentError") return current as ContentError;
  }
  return undefined;
}
