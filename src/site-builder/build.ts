import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SiteModel } from "../collections/site-model.ts";
import { ContentError } from "../diagnostics/diagnostic.ts";
import { timed } from "../util/timed.ts";
import { newsroomPlugin, PUBLIC_DIR, type EleventyConfig, type LoadedBatch } from "../eleventy/plugin.ts";
import { ContentStore, type NewsroomOptions } from "../eleventy/content-store.ts";
import { pageDefinitions, SCOPED_FEEDS, scopedFeedDocument } from "../pages/page-definitions.ts";
import { planRenderBatches, type RenderBatch } from "../pages/render-batches.ts";
import { articlePageFile, keyArticlePages, pageCacheDir, PageReuse, reuseFeedFiles, reuseFiles, takeArticlePages, type ReusableFiles, type ScopedFeeds } from "../pages/page-reuse.ts";
import { articlePageInputs } from "../pages/page-inputs.ts";
import type { EleventyPageData, PageFrame } from "../pages/page-inputs.ts";
import { authorPageInputs } from "../pages/page-inputs.ts";
import { newsFeedPageInputs } from "../pages/page-inputs.ts";
import { tagPageInputs } from "../pages/page-inputs.ts";
import type { Article } from "../content/model.ts";
import { readPublicAssets, type AssetManifest } from "../eleventy/static-assets.ts";
import type { BundleSizes } from "../search/bundle-plan.ts";
import { searchCacheDir } from "../search/search-state.ts";
import { searchRecordSources } from "../search/site-records.ts";
import { updateSearch, type SearchSummary, type SearchUpdate } from "../search/update-search.ts";
import { linkTree } from "../util/link-tree.ts";
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
  /** Reuse article pages whose inputs are unchanged (default true; false renders every page). */
  reusePages?: boolean;
  /** Search bundle sizes (default DEFAULT_BUNDLE_SIZES in src/search/update-search.ts); tests use small ones. */
  searchBundleSizes?: Partial<BundleSizes>;
  /** Warnings fail the build too (`--strict`). */
  isStrict?: boolean;
}

/**
 * Pages rendered per Eleventy run. Eleventy holds a run's output until the
 * run ends (about 80 KB an article page); 5,000 pages bound that to a few
 * hundred megabytes, and a run costs well under a second to set up.
 */
export const PAGES_PER_BATCH = 5000;

export interface BuildResult {
  outputDir: string;
  fileCount: number;
  /** `schedule.json` beside the output: when the next scheduled article goes live. */
  schedulePath: string;
  /** Seconds per stage: content (load, validate, render Markdown), eleventy (pages, less the rest), images, assets, search, total. */
  timings: Record<string, number>;
  /** Search records and bundles indexed, bundles reused, and Pagefind's peak memory. */
  search: SearchSummary;
  /** Article pages taken from the page cache instead of rendered. */
  reusedPages: number;
  /** Tags' and authors' feed files taken from the page cache instead of rendered. */
  reusedFeeds: number;
  /** Tag, author and news-feed pages taken from the page cache instead of rendered. */
  reusedListings: number;
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
 * Builds the site into a staging folder beside the output and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous
 * site untouched, so a half-built site can never be deployed. What killed
 * builds left there is removed first (see staging-folder.ts).
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? "content";
  const outputDir = path.resolve(rootDir, options.outputDir ?? "_site");
  const schedulePath = path.join(path.dirname(outputDir), "schedule.json");
  const timings = new Map<string, number>();
  const started = performance.now();
  await removeStaleStagingFolders(outputDir);
  const stagingDir = await createStagingFolder(outputDir);
  let search: Promise<SearchUpdate> | undefined;
  try {
    const newsroomOptions = {
      rootDir,
      contentDir,
      isPreview: options.isPreview ?? false,
      isStrict: options.isStrict ?? false,
      now: () => options.now ?? new Date(),
      timings,
    };
    const model = await timed(timings, "content", () => new ContentStore(newsroomOptions).reload());
    // The search is indexed from the content, in Pagefind's own processes, while the pages are rendered.
    search = updateSearch({ stateDir: searchCacheDir(rootDir), records: searchRecordSources(model), ...(options.searchBundleSizes ? { sizes: options.searchBundleSizes } : {}) });
    search.catch(() => {}); // Awaited below, or on failure.
    // Article pages whose inputs are unchanged since an earlier build are reused, not rendered (see src/pages/page-reuse.ts).
    const reuse = options.reusePages === false ? undefined : new PageReuse(pageCacheDir(rootDir));
    const { manifest: assets } = await readPublicAssets(PUBLIC_DIR);
    const articlePages = reuse
      ? await timed(timings, "reuse", () => keyArticlePages(reuse, model.articles, (article) => articlePageInputs({ newsroom: model, article, assets, page: { url: article.url } })))
      : { toRender: [...model.articles], toTake: [], keys: new Map<Article, string>() };
    // Tags' and authors' feeds, and listing pages, whose inputs are unchanged, likewise.
    const feedFiles = reuse
      ? await timed(timings, "reuse", async () => reuseFeedFiles(reuse, scopedFeeds(model), (scope, format) => scopedFeedDocument(model.site, scope, format), stagingDir))
      : { toRender: {}, toStore: [], reused: 0 };
    const listingPages = reuse
      ? await timed(timings, "reuse", async () => reuseFiles(reuse, reusableListings(reuse, model, assets), stagingDir))
      : { toRender: {}, toStore: [], reused: 0 };
    let fileCount = feedFiles.reused + listingPages.reused;
    const pagesPerBatch = options.pagesPerBatch ?? PAGES_PER_BATCH;
    const render = async (pages: RenderBatch) => {
      fileCount += (await timed(timings, "eleventy", () => renderBatch(newsroomOptions, { model, pages }, stagingDir, options.quiet ?? true))).length;
    };
    // Reused article pages are copied once the changed ones are rendered (any order writes the same site).
    let reusedPages = 0;
    const takeReusedPages = async () => {
      if (!reuse) return;
      const taken = await timed(timings, "reuse", () => takeArticlePages(reuse, articlePages.toTake, stagingDir));
      reusedPages = taken.reused;
      fileCount += taken.reused;
      // Pruned by another build of this site since they were keyed: rendered after all.
      articlePages.toRender.push(...taken.missing);
      for (const pages of planRenderBatches(model, { article: pageDefinitions.article! }, pagesPerBatch, { article: taken.missing })) {
        if (pages.pageCount > 0) await render(pages);
      }
    };
    // One Eleventy run per batch of pages, so that no run holds the whole site's HTML (see src/pages/render-batches.ts);
    // article pages in runs of their own.
    const toRender = { article: [...articlePages.toRender], ...feedFiles.toRender, ...listingPages.toRender };
    let taken = false;
    for (const pages of planRenderBatches(model, pageDefinitions, pagesPerBatch, toRender, ["article"])) {
      if (!taken && !pages.slices.article) {
        await takeReusedPages();
        taken = true;
      }
      await render(pages);
    }
    if (!taken) await takeReusedPages();
    if (reuse) {
      // While Pagefind finishes in its own processes.
      await timed(timings, "reuse", async () => {
        const rendered = [...articlePages.toRender.map((article) => ({ key: articlePages.keys.get(article)!, file: articlePageFile(stagingDir, article.url) })), ...feedFiles.toStore, ...listingPages.toStore];
        for (const { key, file } of rendered) reuse.store(key, file);
        reuse.prune();
        reuse.close();
      });
    }
    const searchSummary = await timed(timings, "search", async () => linkSearchBundles(await search!, stagingDir));
    await swapIn(stagingDir, outputDir);
    await writeFile(schedulePath, `${JSON.stringify(scheduleOf(model), null, 2)}\n`);
    // Eleventy's time includes the stages that run inside it.
    const inside = ["images", "assets"].reduce((sum, name) => sum + (timings.get(name) ?? 0), 0);
    timings.set("eleventy", (timings.get("eleventy") ?? 0) - inside);
    timings.set("total", (performance.now() - started) / 1000);
    const rounded = Object.fromEntries([...timings].map(([name, seconds]) => [name, Number(seconds.toFixed(2))]));
    return { outputDir, fileCount, schedulePath, timings: rounded, search: searchSummary, reusedPages, reusedFeeds: feedFiles.reused, reusedListings: listingPages.reused };
  } catch (error) {
    await search?.catch(() => {});
    await discardStagingFolder(stagingDir);
    throw unwrapContentError(error) ?? error;
  }
}

/** Links the search bundles into the site (every one: the staging folder is new). */
async function linkSearchBundles(update: SearchUpdate, siteDir: string): Promise<SearchSummary> {
  await Promise.all(update.bundles.map((bundle) => linkTree(bundle.dir, path.join(siteDir, ...bundle.sitePath.split("/").filter(Boolean)))));
  return update.summary;
}

/** The model's scopes of each per-tag and per-author feed definition. */
function scopedFeeds(model: SiteModel): Record<string, ScopedFeeds> {
  return Object.fromEntries(Object.entries(SCOPED_FEEDS).map(([name, { scopes, format }]) => [name, { format, scopes: model.feeds[scopes] }]));
}

/**
 * The listing pages reused like article pages: tags' pages, authors' pages
 * and the news feed's pages, each keyed by the inputs its layout renders from
 * alone. (The home page and the indexes are single pages, rendered every time.)
 */
function reusableListings(reuse: PageReuse, model: SiteModel, assets: AssetManifest): Record<string, ReusableFiles<unknown>> {
  const listing = <T>(layout: string, items: readonly T[], urlOf: (item: T) => string, inputsOf: (data: EleventyPageData, item: T) => PageFrame) =>
    ({ items, urlOf, keyOf: (item: T) => reuse.listingKey(layout, inputsOf({ newsroom: model, assets, page: { url: urlOf(item) } }, item)) }) as ReusableFiles<unknown>;
  return {
    tag: listing("tag", model.tagPages, (item) => item.url, (data, tagPage) => tagPageInputs({ ...data, tagPage })),
    author: listing("author", model.authorGroups, (item) => item.author.url, (data, authorGroup) => authorPageInputs({ ...data, authorGroup })),
    newsFeed: listing("news-feed", model.feedPages, (item) => item.url, (data, feedPage) => newsFeedPageInputs({ ...data, feedPage })),
  };
}

/** One Eleventy run over one batch of the site's pages, written into `outputDir`; resolves with the files written. */
export async function renderBatch(newsroomOptions: NewsroomOptions, batch: LoadedBatch, outputDir: string, quiet = true): Promise<string[]> {
  // Every page is a virtual template: Eleventy's input is an empty folder, so
  // that no run lists the content folder (100,000 files at 100,000 articles).
  const inputDir = emptyInputDir(newsroomOptions.rootDir);
  const eleventy = new Eleventy(inputDir, outputDir, {
    quietMode: quiet,
    config(eleventyConfig: EleventyConfig) {
      newsroomPlugin(eleventyConfig, { ...newsroomOptions, batch, inputDir });
    },
  });
  eleventy.disableLogger?.();
  return writtenFiles(await eleventy.write());
}

/**
 * Eleventy's input folder for a batch: empty, as every page is virtual. It is
 * in the project's `.cache/`, not the system's temporary folder: Eleventy
 * globs it excluding the output and layouts folders, and tinyglobby starts
 * its walk where the three meet. From the temporary folder that was `/`, and
 * every Eleventy run listed all of `/tmp` (3,786 entries on one machine: 20-30
 * ms a run); from here it lists the folders on the way down, a few entries each.
 */
function emptyInputDir(rootDir: string): string {
  const dir = path.join(path.resolve(rootDir), ".cache", "eleventy-input");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function scheduleOf(model: SiteModel): Schedule {
  return {
    builtAt: model.builtAt.toISOString(),
    nextPublication: model.scheduled[0]?.publishAt.toISOString() ?? null,
    scheduled: model.scheduled.map((entry) => ({ id: entry.id, source: entry.sourcePath, publishAt: entry.publishAt.toISOString() })),
  };
}

/** Files in what Eleventy's write() resolves with (passthrough copies and pages; a page with permalink: false has no outputPath), as absolute paths. */
export function writtenFiles(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  return result
    .flat(Infinity)
    .map((entry) => (entry && typeof entry === "object" ? (entry as { outputPath?: unknown }).outputPath : undefined))
    .filter((outputPath): outputPath is string => typeof outputPath === "string")
    .map((outputPath) => path.resolve(outputPath));
}

/** Eleventy wraps errors thrown in event handlers; editors need ours, unwrapped. */
export function unwrapContentError(error: unknown): ContentError | undefined {
  for (let current = error; current; current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause) {
    if (current instanceof ContentError) return current;
    if (current && typeof current === "object" && (current as Error).name === "ContentError") return current as ContentError;
  }
  return undefined;
}
