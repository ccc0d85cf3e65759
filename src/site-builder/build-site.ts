import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import type { ContentError } from "../diagnostics/diagnostic.ts";
import type { NewsroomOptions } from "../eleventy/content-store.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { NEWS_SITEMAP_MAX_AGE_MS } from "../feeds/sitemap.ts";
import { timed } from "../util/timed.ts";
import { isUnchanged, UNREADABLE, writeBuildInputs } from "./input-digest.ts";
import { startInputsCheck, type InputsCheck } from "./inputs-check.ts";
import { commitIntoOutput, finishInterruptedCommit } from "./output-commit.ts";
import { commitBySwap, isCheaperToSwap } from "./output-swap.ts";
import { outputFolderId, readOutputManifest, stampsOf, writeOutputManifest, type OutputManifest } from "./output-manifest.ts";
import { addFiles, changesSince, type SiteChanges } from "./output-changes.ts";
import { SEARCH_PATH, searchFiles } from "./search-files.ts";
import type { BundleSizes } from "../search/bundle-plan.ts";
import type { SearchSummary, SearchUpdate } from "../search/update-search.ts";
import type { ContentMemo } from "../assembly/content-memo.ts";
import type { ContentState, writeContentState } from "./content-state.ts";
import type { PageKeys } from "./page-keys.ts";
import { siteStateFiles, type SiteStateFiles } from "./site-state.ts";
import { countedStage, SILENT, type Progress, type StageProgress } from "./progress.ts";
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
  /** Start from what the last build of this output left (default true); false loads everything and renders every file into a new folder. */
  incremental?: boolean;
  /** Search bundle sizes (default DEFAULT_BUNDLE_SIZES in src/search/update-search.ts); tests use small ones. */
  searchBundleSizes?: Partial<BundleSizes>;
  /** Warnings fail the build too (`--strict`). */
  isStrict?: boolean;
  /** Where the stages report what they are doing (default: nowhere; the command line passes a reporter). */
  progress?: Progress;
  /**
   * Called once when the build turns out large, as soon as it knows: cold
   * (no output this manifest describes), or loading every file (no content
   * state this code wrote), or rendering more than half the site's pages (new
   * site settings). The command line limits the heap's growth then
   * (decision 0053).
   */
  beforeLargeBuild?: () => void;
  /**
   * Called when a build that loaded every file has just let go of most of
   * what it held: every file's parse, once the content is loaded and the
   * memo lightened; and when a build that started from its last state finds
   * it must render most pages (new settings), once it knows. The command
   * line collects the garbage then, so that V8 sizes the heap's next growth
   * from what is live, with its growth limited (decisions 0053, 0063).
   */
  collectGarbage?: () => void;
}

export interface BuildResult {
  outputDir: string;
  /** Files the site has. */
  fileCount: number;
  /** `schedule.json` beside the output: when the next scheduled article goes live. */
  schedulePath: string;
  /**
   * "cold": every file rendered into a new folder, swapped in;
   * "incremental": only changed files, committed into the output;
   * "unchanged": nothing the build reads had changed, nothing was done.
   */
  mode: "cold" | "incremental" | "unchanged";
  /** Pages rendered, other files written, files kept as they were, files deleted. */
  rendered: number;
  written: number;
  kept: number;
  removed: number;
  /** The site paths rendered or written, and deleted. */
  changedPaths: string[];
  removedPaths: string[];
  /** Seconds per stage: content (load, validate, render Markdown), plan, pages, search (waiting for it after the pages), files, commit, state, total. */
  timings: Record<string, number>;
  /** Search records and bundles indexed, bundles reused, and Pagefind's peak memory (absent when nothing changed). */
  search?: SearchSummary;
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
 * 0. Nothing to do: when no file the build reads has changed since the last
 *    build of this output, and no scheduled time has come (input-digest.ts).
 * 1. Content: every article, author, page and setting is loaded, validated
 *    and its Markdown rendered (src/content, src/markdown, src/images; a
 *    build with content errors stops here, having written nothing), starting
 *    from what the last build loaded (content-state.ts), and the site model
 *    made from it (src/collections).
 * 2. Plan: every file the site has, each with a key of everything it shows
 *    and the code that renders it (site-update.ts, output-plan.ts,
 *    site-files.ts).
 * 3. Only the files whose key is not the one the output manifest holds for
 *    them are rendered (Eleventy, render-pages.ts) or written, into a
 *    staging folder beside the output.
 * 4. Commit: a cold build (no output, or none this manifest describes)
 *    swaps its complete staging folder in; an incremental one moves its
 *    files into the output and deletes what is no longer planned, under a
 *    journal (output-commit.ts), or, when it wrote most of the site again,
 *    links the files it kept into its staging folder and swaps that in
 *    (output-swap.ts). A failed build leaves the output as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings = new Map<string, number>();
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? "content";
  const outputDir = path.resolve(rootDir, options.outputDir ?? "_site");
  const now = options.now ?? new Date();
  const state = siteStateFiles(rootDir, outputDir);
  const isIncremental = options.incremental !== false;
  const progress = options.progress ?? SILENT;
  const count = (name: string, summary: (total: number) => string) => countedStage(progress, name, summary);
  const { previous, inputsCheck, stateAhead } = await timed(timings, "prepare", () => lastBuildAndInputs(options, { contentDir: path.resolve(rootDir, contentDir), outputDir, state, isIncremental, now }, count));
  const { inputs, recorded: recordedInputs } = inputsCheck;
  const finish = (result: Omit<BuildResult, "timings">): BuildResult => {
    timings.set("total", (performance.now() - started) / 1000);
    return { ...result, timings: Object.fromEntries([...timings].map(([name, seconds]) => [name, Number(seconds.toFixed(2))])) };
  };
  const schedulePath = path.join(path.dirname(outputDir), "schedule.json");
  if (previous && recordedInputs && isUnchanged(recordedInputs, inputs.digest, now)) {
    if (inputsCheck.stampsChanged) writeBuildInputs(state.inputs, { ...inputs, validUntil: recordedInputs.validUntil });
    return finish({ outputDir, fileCount: previous.files.size, schedulePath, mode: "unchanged", rendered: 0, written: 0, kept: previous.files.size, removed: 0, changedPaths: [], removedPaths: [] });
  }

  // Said once, whichever finds it first: no output (cold), no content state (every file loaded), most pages to render.
  let isLarge = false;
  const beforeLargeBuild = () => {
    if (!isLarge) options.beforeLargeBuild?.();
    isLarge = true;
  };
  if (!previous) beforeLargeBuild();
  // A build that gets here almost always renders: Eleventy's modules load while the content does (an error surfaces where they are used).
  import("./render-pages.ts").then(({ loadRenderer }) => loadRenderer()).catch(() => {});
  let pages: StageProgress | undefined;
  const newsroom = newsroomOptionsFor(options, { rootDir, contentDir, now, timings, count, onPageWritten: () => pages?.advance() });
  const takenStamps = inputs.files.flatMap(([file, stamp]) => (stamp === UNREADABLE ? [] : [[file, stamp] as const]));
  const { model, plan, saveContentState } = await loadAndPlan(newsroom, state, { isIncremental, stateAhead, timings, progress, beforeLargeBuild, collectGarbage: options.collectGarbage ?? (() => {}), takenStamps });
  // The search is indexed from the content, in Pagefind's own processes, while the pages are rendered.
  let searching: StageProgress | undefined;
  const search = indexSearch(model, plan.keys, rootDir, options, (total) => (searching ??= progress.stage("search", total)).advance());
  search.catch(() => {}); // awaited below, or once the build has failed
  const changes = changesSince(previous?.files, plan, SEARCH_PATH);
  if (changes.pages.length > plan.pages.length / 2 && !isLarge) {
    // Known only now (new settings): V8 limits the heap's growth from its next full collection, so that is now (2.9 GB to 2.4 GB at 100,000 articles).
    beforeLargeBuild();
    options.collectGarbage?.();
  }
  pages = progress.stage("pages", changes.pages.length);
  const addSearch = async () => {
    const update = await timed(timings, "search", () => search);
    searching?.done(`${figure(update.summary.indexedRecords)} records indexed`);
    addFiles(changes, previous?.files, searchFiles(update, plan.keys, previous?.files), SEARCH_PATH);
    return update.summary;
  };
  const searchSummary = await writeAndCommit(changes, { outputDir, state, previous, newsroom, model, assets: plan.assets, options, timings, progress, onPagesDone: () => pages?.done(`${figure(changes.pages.length)} rendered`), addSearch }).catch(async (error: unknown) => {
    await search.catch(() => {});
    throw error;
  });
  await timed(timings, "state", async () => {
    saveContentState();
    writeBuildInputs(state.inputs, { ...inputs, validUntil: validUntil(model, now) });
  });
  await writeFile(schedulePath, `${JSON.stringify(scheduleOf(model), null, 2)}\n`);
  const changedPaths = [...changes.pages, ...changes.files].map((file) => file.path);
  return finish({
    outputDir,
    fileCount: changes.manifest.size,
    schedulePath,
    mode: previous ? "incremental" : "cold",
    rendered: changes.pages.length,
    written: changes.files.length,
    kept: changes.kept,
    removed: changes.removed.length,
    changedPaths,
    removedPaths: changes.removed,
    search: searchSummary,
  });
}

type CountedStage = (name: string, summary: (total: number) => string) => ReturnType<typeof countedStage>;

/**
 * What the last build left (its unfinished commit finished, stale staging
 * folders removed, its output's manifest), and the inputs as they are now
 * against those it recorded. A large site's inputs are checked on another
 * thread, while this one reads the output's manifest and then its content
 * state (`stateAhead`), which the build needs unless nothing changed
 * (decision 0072).
 */
async function lastBuildAndInputs(options: BuildOptions, where: { contentDir: string; outputDir: string; state: SiteStateFiles; isIncremental: boolean; now: Date }, count: CountedStage) {
  const { contentDir, outputDir, state, isIncremental, now } = where;
  finishInterruptedCommit(state.journal);
  await removeStaleStagingFolders(outputDir);
  const settings = { isPreview: options.isPreview ?? false, isStrict: options.isStrict ?? false, search: options.searchBundleSizes ?? null, outputDir };
  const checked = count("inputs", (total) => `${figure(total)} files checked for changes`);
  const checking = startInputsCheck({ inputsFile: state.inputs, contentDir, settings }, checked);
  checking.check.catch(() => {}); // awaited below
  const previous = isIncremental ? readOutputManifest(state.manifest, outputDir) : undefined;
  const stateAhead = checking.onThread && previous ? readStateAhead(state.content, checking.check, (check) => isUnchanged(check.recorded, check.inputs.digest, now)) : undefined;
  stateAhead?.catch(() => {}); // awaited by the content's load; a build with nothing to do lets it go
  const inputsCheck = await checking.check;
  return { previous, inputsCheck, stateAhead };
}

/**
 * The content state, read while the inputs are checked; undefined, once
 * read no further, when the check finds nothing changed (or fails: the
 * build then stops on the check's error).
 */
async function readStateAhead(file: string, checking: Promise<InputsCheck>, isUnchangedBy: (check: InputsCheck) => boolean): Promise<ContentState | undefined> {
  let isWanted = true;
  checking.then(
    (check) => {
      isWanted = !isUnchangedBy(check);
    },
    () => {
      isWanted = false;
    },
  );
  const { readContentStateWhileWanted } = await import("./content-state.ts");
  return readContentStateWhileWanted(file, () => isWanted);
}

/** How the content is loaded and the pages told of: the build's settings, and where each long step reports its progress. */
function newsroomOptionsFor(
  options: BuildOptions,
  build: { rootDir: string; contentDir: string; now: Date; timings: Map<string, number>; count: CountedStage; onPageWritten: () => void },
): NewsroomOptions {
  const { count } = build;
  return {
    rootDir: build.rootDir,
    contentDir: build.contentDir,
    isPreview: options.isPreview ?? false,
    isStrict: options.isStrict ?? false,
    now: () => build.now,
    timings: build.timings,
    onFileRead: count("read", (total) => `${figure(total)} files`),
    onFileParsed: count("frontmatter", (total) => `${figure(total)} files parsed and checked`),
    onBodyRendered: count("markdown", (total) => `${figure(total)} bodies rendered`),
    onArticleBuilt: count("articles", (total) => `${figure(total)} built`),
    onPageWritten: build.onPageWritten,
  };
}

/** What loading the content needs from the build. */
interface LoadContext {
  isIncremental: boolean;
  /** The content state, when it is being read already (lastBuildAndInputs). */
  stateAhead: Promise<ContentState | undefined> | undefined;
  timings: Map<string, number>;
  progress: Progress;
  beforeLargeBuild: () => void;
  collectGarbage: () => void;
  takenStamps: Iterable<readonly [string, string]>;
}

/**
 * Steps 1 and 2: the content (from the last build's state when there is one)
 * and what must be written. Loaded on demand: a build with nothing to do
 * never loads the content's, Markdown's or Eleventy's modules.
 */
async function loadAndPlan(newsroom: NewsroomOptions, state: SiteStateFiles, context: LoadContext) {
  const { timings } = context;
  const [{ writeContentState: write }, { writePlanIndex }] = await Promise.all([import("./content-state.ts"), import("./plan-index.ts")]);
  const { model, plan, memo, contentState, loadedEveryFile } = await loadContentAndPlan(newsroom, state, context);
  // Bodies kept by the last build are read as the pages are rendered: its state is written once they are.
  let writeState: (() => void) | undefined = contentStateWriter(state.content, memo, contentState, write, context.progress);
  if (loadedEveryFile) {
    // Nothing is read from a last state: this one is written now, and its
    // memo (every file's entry, a third of the heap the pages start with)
    // is not held while they are rendered. Cleared, not just left unused:
    // saveContentState shares this scope's variables, so it would hold it.
    await timed(timings, "state", async () => writeState?.());
    writeState = undefined;
  }
  const saveContentState = () => {
    writeState?.();
    writePlanIndex(state.plan, plan.index);
  };
  return { model, plan, saveContentState };
}

/** Writes the content state of `memo` (into the body store of the last state it started from, which it closes), as a stage; holds only what it is given. */
function contentStateWriter(file: string, memo: ContentMemo, last: ContentState | undefined, write: typeof writeContentState, progress: Progress): () => void {
  return () => {
    const saving = progress.stage("state", memo.files.size);
    write(file, memo, last, () => saving.advance());
    saving.done(`${figure(memo.files.size)} files kept for the next build`);
  };
}

/** The content loaded and the plan made; the memo and the last state they started from, for the state's writer. */
async function loadContentAndPlan(newsroom: NewsroomOptions, state: SiteStateFiles, context: LoadContext) {
  const { isIncremental, timings, progress } = context;
  const [{ ContentStore }, { ContentMemo }, { lightenContentMemo, readContentState }, { planSite }, { readPlanIndex }] = await Promise.all([
    import("../eleventy/content-store.ts"),
    import("../assembly/content-memo.ts"),
    import("./content-state.ts"),
    import("./site-update.ts"),
    import("./plan-index.ts"),
  ]);
  const loading = progress.stage("content");
  const contentState = isIncremental ? await timed(timings, "state-read", async () => (await context.stateAhead) ?? readContentState(state.content)) : undefined;
  const memo = contentState?.memo ?? new ContentMemo();
  memo.takenStamps = context.takenStamps;
  // No state this code wrote (new code, a first build): every file is loaded, as in a cold build.
  const loadedEveryFile = memo.files.size === 0;
  if (loadedEveryFile) context.beforeLargeBuild();
  try {
    const model = await timed(timings, "content", () => new ContentStore({ ...newsroom, memo }).reload());
    loading.done(`${figure(model.articles.length)} articles`);
    lightenContentMemo(memo);
    if (loadedEveryFile) context.collectGarbage();
    let planning: StageProgress | undefined;
    const onStep = (total: number) => (planning ??= progress.stage("plan", total)).advance();
    const plan = await timed(timings, "plan", async () => planSite(model, newsroom, { articleHashes: memo.hashes, previous: isIncremental ? readPlanIndex(state.plan) : undefined, onStep }));
    (planning ?? progress.stage("plan")).done(`${figure(plan.pages.length)} pages, ${figure(plan.files.length)} other files`);
    return { model, plan, memo, contentState, loadedEveryFile };
  } catch (error) {
    contentState?.close();
    throw error;
  }
}

interface CommitContext {
  outputDir: string;
  state: SiteStateFiles;
  previous: OutputManifest | undefined;
  newsroom: NewsroomOptions;
  model: SiteModel;
  assets: AssetManifest;
  options: BuildOptions;
  timings: Map<string, number>;
  progress: Progress;
  onPagesDone: () => void;
  /** Waits for the search and adds its bundles' files to the changes. */
  addSearch: () => Promise<SearchSummary>;
}

/** Steps 3 and 4: the changed pages into a staging folder, the search's and other changed files too, then all into the output. */
async function writeAndCommit(changes: SiteChanges, context: CommitContext): Promise<SearchSummary> {
  const { outputDir, state, previous, newsroom, model, assets, options, timings, progress } = context;
  const { writeChanges } = await import("./site-update.ts");
  const stagingDir = await createStagingFolder(outputDir);
  try {
    const pagesPerBatch = options.pagesPerBatch ? { pagesPerBatch: options.pagesPerBatch } : {};
    const writeOptions = { newsroom, model, assets, timings, quiet: options.quiet ?? true, ...pagesPerBatch };
    await writeChanges({ pages: changes.pages, files: [] }, stagingDir, writeOptions);
    context.onPagesDone();
    const search = await context.addSearch();
    // Feeds, sitemaps, images and the search's bundles: at 100,000 articles, 10-30 s.
    const writing = changes.files.length > 0 ? progress.stage("files", changes.files.length) : undefined;
    await writeChanges({ pages: [], files: changes.files }, stagingDir, { ...writeOptions, ...(writing ? { onFileWritten: () => writing.advance() } : {}) });
    writing?.done(`${figure(changes.files.length)} written`);
    if (previous && changes.pages.length + changes.files.length + changes.removed.length === 0) {
      await discardStagingFolder(stagingDir);
      return search;
    }
    const committing = progress.stage("commit");
    let isSwapped = !previous;
    await timed(timings, "commit", async () => {
      if (previous) {
        const written = [...changes.pages, ...changes.files].map((file) => file.path);
        // Most of the site written again (new settings or code): the staging folder becomes the site, the kept files linked in.
        isSwapped = isCheaperToSwap(written.length, changes.kept) && (await commitBySwap(stagingDir, outputDir, written, state.manifest, { files: changes.manifest, stamps: previous.stamps }));
        if (!isSwapped) commitIntoOutput(stagingDir, outputDir, { written, removed: changes.removed }, state.journal, state.manifest, { outputId: previous.outputId, files: changes.manifest, stamps: previous.stamps, ...(previous.record ? { record: previous.record } : {}) });
      } else {
        await swapIn(stagingDir, outputDir);
        writeOutputManifest(state.manifest, { outputId: outputFolderId(outputDir)!, files: changes.manifest, stamps: stampsOf(outputDir, changes.manifest, "all") });
      }
    });
    committing.done(isSwapped ? "the new folder put in place" : `${figure(changes.pages.length + changes.files.length)} files in, ${figure(changes.removed.length)} out`);
    return search;
  } catch (error) {
    await discardStagingFolder(stagingDir);
    throw unwrapContentError(error) ?? error;
  }
}

/** Starts bringing the search bundles up to date with the content (src/search/); an article's record is known by the hash the plan gave the article. */
async function indexSearch(model: SiteModel, keys: PageKeys, rootDir: string, options: BuildOptions, onRecordIndexed: (total: number) => void): Promise<SearchUpdate> {
  const [{ updateSearch }, { searchCacheDir }, { searchRecordSources }] = await Promise.all([import("../search/update-search.ts"), import("../search/search-state.ts"), import("../search/site-records.ts")]);
  const records = searchRecordSources(model, { articleHash: (article) => keys.articleHash(article) });
  return updateSearch({ stateDir: searchCacheDir(rootDir), records, onRecordIndexed, ...(options.searchBundleSizes ? { sizes: options.searchBundleSizes } : {}) });
}

/**
 * When time alone changes this output: the next scheduled article goes
 * live, or the oldest story of the Google News sitemap leaves its two days.
 */
function validUntil(model: SiteModel, now: Date): number | null {
  const times: number[] = [];
  if (model.scheduled[0]) times.push(model.scheduled[0].publishAt.getTime());
  for (const article of model.articles) {
    const leaves = article.publishedAt.getTime() + NEWS_SITEMAP_MAX_AGE_MS;
    if (leaves > now.getTime()) times.push(leaves);
  }
  return times.length > 0 ? times.reduce((soonest, time) => Math.min(soonest, time)) : null;
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
    if (current && typeof current === "object" && (current as Error).name === "ContentError") return current as ContentError;
  }
  return undefined;
}

/** A count as a progress line shows it: "100,062". */
function figure(count: number): string {
  return count.toLocaleString("en");
}
