import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import type { ArticleHashes } from "../assembly/content-memo.ts";
import type { Article } from "../content/model.ts";
import { codeFingerprint } from "../cache/keyed-json-cache.ts";
import { PAGE_CODE } from "../cache/code-fingerprints.ts";
import type { NewsroomOptions } from "../eleventy/content-store.ts";
import { PUBLIC_DIR, readPublicAssets, type AssetManifest } from "../eleventy/static-assets.ts";
import { imageCacheDir } from "../images/image-options.ts";
import { timed } from "../util/timed.ts";
import type { SiteChanges } from "./output-changes.ts";
import { sitePathOf } from "./output-manifest.ts";
import { plannedArticlePage, planPages, type PlannedPage } from "./output-plan.ts";
import { PageKeys } from "./page-keys.ts";
import type { PlanIndex } from "./plan-index.ts";
import { renderPages } from "./render-pages.ts";
import { planSiteFiles, type SiteFile } from "./site-files.ts";

/**
 * The one render path of `npm run build` and `npm start`: from a loaded site
 * model to the files to write (`planSite`, `changesSince`), then writing
 * them (`writeChanges`). The build writes into a staging folder and commits
 * it (build-site.ts); the preview writes into its folder in place,
 * the saved article's page first (src/dev/dev-builder.ts).
 */
export interface SitePlan {
  pages: PlannedPage[];
  files: SiteFile[];
  assets: AssetManifest;
  /** The keys the plan was made with (files planned later, the search's, are keyed with them too). */
  keys: PageKeys;
  /** What the next plan starts from (plan-index.ts). */
  index: PlanIndex;
  /** Pages whose key was kept from the last plan's index, their inputs not worked out again. */
  keptKeys: number;
}

export interface PlanKnown {
  articleHashes?: WeakMap<Article, ArticleHashes>;
  previous?: PlanIndex | undefined;
  /** Told of each step of keying the pages (an article hashed, a page keyed), with how many there are. */
  onStep?: (total: number) => void;
}

/**
 * Every file the site has for this model, each with its key. `articleHashes`:
 * the content memo's (src/assembly/content-memo.ts), so that articles hashed
 * by an earlier build are not hashed again; `previous`: the last plan's
 * index, so that pages whose articles did not change keep their key.
 */
export async function planSite(model: SiteModel, options: Pick<NewsroomOptions, "rootDir" | "contentDir">, known: PlanKnown = {}): Promise<SitePlan> {
  const publicAssets = await readPublicAssets(PUBLIC_DIR);
  const keys = new PageKeys(codeFingerprint(PAGE_CODE), known.articleHashes);
  const rootDir = path.resolve(options.rootDir);
  const files = await planSiteFiles(model, { rootDir, contentDir: options.contentDir, imageCacheDir: imageCacheDir(rootDir), publicFiles: publicAssets.files, assets: publicAssets.manifest }, keys);
  return { ...planPages(model, publicAssets.manifest, keys, { previous: known.previous, ...(known.onStep ? { onStep: known.onStep } : {}) }), files, assets: publicAssets.manifest, keys };
}

/** One article's page, keyed as `planSite` keys it (the preview writes a saved article's page before it plans the site). */
export function planArticlePage(model: SiteModel, assets: AssetManifest, article: Article, articleHashes?: WeakMap<Article, ArticleHashes>): PlannedPage {
  return plannedArticlePage(model, assets, new PageKeys(codeFingerprint(PAGE_CODE), articleHashes), article);
}

export { addFiles, changesSince, type SiteChanges } from "./output-changes.ts";

export interface WriteOptions {
  newsroom: NewsroomOptions;
  model: SiteModel;
  assets: AssetManifest;
  timings?: Map<string, number>;
  pagesPerBatch?: number;
  quiet?: boolean;
  /** Asked between Eleventy runs: true stops (a newer save is waiting). */
  shouldStop?: () => boolean;
  /** Told each site path once it is written. */
  onWritten?: (sitePaths: readonly string[]) => void;
  /** Told of each file other than a page as it is written (the build's progress). */
  onFileWritten?: () => void;
}

/** Renders the changed pages and writes the changed files into `siteDir`; resolves false when stopped early. */
export async function writeChanges(changes: Pick<SiteChanges, "pages" | "files">, siteDir: string, options: WriteOptions): Promise<boolean> {
  const { newsroom, model, assets, timings } = options;
  const rendered = await timed(timings, "pages", () =>
    renderPages(changes.pages, siteDir, {
      newsroom,
      model,
      assets,
      quiet: options.quiet ?? true,
      ...(options.pagesPerBatch ? { pagesPerBatch: options.pagesPerBatch } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
      ...(options.onWritten ? { onFiles: (files: readonly string[]) => options.onWritten!(files.map((file) => sitePathOf(siteDir, file))) } : {}),
    }),
  );
  if (rendered.interrupted) return false;
  await timed(timings, "files", async () => {
    for (const file of changes.files) {
      await file.write(siteDir);
      options.onFileWritten?.();
    }
  });
  options.onWritten?.(changes.files.map((file) => file.path));
  return true;
}
