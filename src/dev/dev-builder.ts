import { rm } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import path from "node:path";
import { ContentMemo } from "../assembly/content-memo.ts";
import { sourcePathOf } from "../assembly/load-content.ts";
import { ContentStore, type NewsroomOptions } from "../eleventy/content-store.ts";
import { PUBLIC_DIR, readPublicAssets, type AssetManifest } from "../eleventy/static-assets.ts";
import { removeFromOutput } from "../site-builder/output-commit.ts";
import { sitePathOfUrl, type PlannedPage } from "../site-builder/output-plan.ts";
import { changesSince, planSite, writeChanges } from "../site-builder/site-update.ts";
import type { PlanIndex } from "../site-builder/plan-index.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { isInside } from "../util/paths.ts";
import { isMarkdownFile } from "../content/discover-files.ts";
import { loadRendererHere } from "../markdown/render-bodies.ts";
import { writeSavedArticleFirst, type GoodLoad } from "./saved-first.ts";

/**
 * Pages per Eleventy run in the dev server: small, so that a save arriving
 * while the listings are being rendered waits for at most one short run.
 */
export const DEV_PAGES_PER_BATCH = 500;

/** How long the rest waits after the saved pages are written: a browser reloads one within this. */
const RELOAD_HEAD_START_MS = 200;

export interface DevUpdate {
  /** Article pages rendered first: those of the saved files. */
  saved: string[];
  /** Article pages rendered after them, because what they show changed. */
  articlesRendered: number;
  /** Files rendered or written in all, the saved pages, listings and feeds included. */
  pagesRendered: number;
  /** Files left as they were. */
  kept: number;
  /** True when a newer save stopped this update before the listings were done. */
  interrupted: boolean;
}

export interface DevUpdateHooks {
  /** Called once the content has loaded without errors (before any page is written). */
  onContentLoaded?: () => void;
  /** Called as soon as the saved articles' own pages are written (the page an editor is looking at). */
  onSavedPages?: (urls: string[]) => void;
  /** Asked between Eleventy runs; true stops the update (a newer save is waiting). */
  shouldStop?: () => boolean;
}

/**
 * The dev server's builder, on the build's own render path
 * (src/site-builder/site-update.ts): it keeps the content and the key of
 * every file it wrote between saves, so that a save costs what it changed.
 * On every save it
 *
 * 0. writes the saved article's page at once, from the last good load, when
 *    the save keeps the article's place in the site (saved-first.ts), and
 *    says so (the browser showing it reloads);
 * 1. loads the content again, reusing every file and article the save did
 *    not touch (ContentMemo);
 * 2. otherwise renders the saved articles' pages now, in one small Eleventy
 *    run, and says so; then plans the site (an early page whose key is not
 *    the plan's is rendered again in step 3);
 * 3. then renders every other file whose key changed, in runs of
 *    DEV_PAGES_PER_BATCH, stopping early for a newer save, and deletes what
 *    is no longer planned.
 *
 * Files are written into the output folder in place: it is a preview.
 */
export class DevBuilder {
  readonly memo = new ContentMemo();
  readonly #store: ContentStore;
  /** The key of every file now in the output folder, by site path. */
  readonly #written = new Map<string, string>();
  #assets: AssetManifest | undefined;
  /** The last load without errors (saved-first.ts); none after a load with errors. */
  #lastGood: GoodLoad | undefined;
  /** The last plan's index: the next keeps the keys of pages whose articles did not change (src/site-builder/plan-index.ts). */
  #planIndex: PlanIndex | undefined;

  constructor(
    readonly options: NewsroomOptions,
    readonly outputDir: string,
  ) {
    // The dev server's watcher reports every save (see update).
    this.memo.watched = true;
    this.#store = new ContentStore({ ...options, memo: this.memo });
  }

  get articlesDir(): string {
    return path.resolve(this.options.rootDir, this.options.contentDir, "articles");
  }

  /**
   * Brings the output folder up to date after `saved` (absolute paths) changed;
   * "all" for the first build. Throws ContentError when the content has errors:
   * the output keeps the last good pages.
   */
  async update(saved: readonly string[] | "all", hooks: DevUpdateHooks = {}): Promise<DevUpdate> {
    // What articles refer to (authors, settings, images, audio) is not stamped by the memo: start over.
    if (saved !== "all" && saved.some((file) => !isInside(this.articlesDir, file))) {
      this.memo.clear();
      this.#lastGood = undefined;
    }
    if (saved !== "all") for (const file of saved) this.memo.saved.add(file);
    const update: DevUpdate = { saved: [], articlesRendered: 0, pagesRendered: 0, kept: 0, interrupted: false };
    const assets = (this.#assets ??= (await readPublicAssets(PUBLIC_DIR)).manifest);
    // One saved article's page first, from the last good load (saved-first.ts): it shows before the content is loaded again.
    // An editor's save by rename reports its temporary file too (`x.md.tmp`, `x.md___jb_tmp___`): not content.
    const savedMarkdown = saved === "all" ? [] : saved.filter(isMarkdownFile);
    const early = savedMarkdown.length === 1 && this.#lastGood ? await writeSavedArticleFirst(this.#lastGood, savedMarkdown[0]!, { newsroom: this.options, outputDir: this.outputDir, assets, pagesPerBatch: DEV_PAGES_PER_BATCH, articleHashes: this.memo.hashes }) : undefined;
    if (early) await this.#announce([early], update, hooks);
    const model = await this.#reload();
    hooks.onContentLoaded?.();
    if (saved === "all") {
      // The preview starts from an empty folder: nothing of an earlier build or preview lingers.
      await rm(this.outputDir, { recursive: true, force: true });
      this.#written.clear();
    }
    // Otherwise the saved articles' own pages first, before the site is planned (keying 23,000 files at 10,000 articles takes a second):
    // the page an editor is looking at reloads in a fraction of that.
    const savedSources = new Set(saved === "all" || early ? [] : saved.map((file) => sourcePathOf(this.options.rootDir, file)));
    const firstPages: PlannedPage[] = model.articles
      .filter((article) => savedSources.has(article.sourcePath))
      .map((article) => ({ definition: "article", item: article, url: article.url, path: sitePathOfUrl(article.url), key: "" }));
    if (firstPages.length > 0) {
      await writeChanges({ pages: firstPages, files: [] }, this.outputDir, { newsroom: this.options, model, assets, pagesPerBatch: DEV_PAGES_PER_BATCH });
      await this.#announce(firstPages, update, hooks);
    }
    const plan = await planSite(model, this.options, { articleHashes: this.memo.hashes, previous: this.#planIndex });
    this.#planIndex = plan.index;
    // Written above from this very model: their keys now are the ones they were written with.
    const planned = new Map(plan.pages.map((page) => [page.path, page.key]));
    for (const page of firstPages) this.#written.set(page.path, planned.get(page.path)!);
    // The early page is the plan's when their keys agree; otherwise it is rendered again below, and its tab told at the end.
    if (early && planned.get(early.path) === early.key) this.#written.set(early.path, early.key);
    else if (early) update.saved = [];
    const changes = changesSince(this.#written, plan);
    update.kept = changes.kept;
    const writeOptions = {
      newsroom: this.options,
      model,
      assets: plan.assets,
      pagesPerBatch: DEV_PAGES_PER_BATCH,
      // A file keeps its old key until it is written: an interrupted update leaves it to the next.
      onWritten: (sitePaths: readonly string[]) => {
        for (const sitePath of sitePaths) this.#written.set(sitePath, changes.manifest.get(sitePath)!);
        update.pagesRendered += sitePaths.length;
      },
    };
    const rest = { pages: changes.pages, files: changes.files };
    update.articlesRendered = rest.pages.filter((page) => page.definition === "article").length;
    const finished = await writeChanges(rest, this.outputDir, { ...writeOptions, ...(hooks.shouldStop ? { shouldStop: hooks.shouldStop } : {}) });
    if (!finished) return { ...update, interrupted: true };
    this.#remove(changes.removed);
    if (saved === "all") await loadRendererHere();
    return update;
  }

  /** Says that the saved articles' pages are written: their open tabs reload, and the server answers them before the rest takes the (single) thread. */
  async #announce(pages: readonly PlannedPage[], update: DevUpdate, hooks: DevUpdateHooks): Promise<void> {
    update.saved = pages.map((page) => page.url);
    update.pagesRendered += pages.length;
    hooks.onSavedPages?.(update.saved);
    await delay(RELOAD_HEAD_START_MS);
  }

  /** Loads the whole content again; the last good load is what the next save's page is built against. */
  async #reload(): Promise<SiteModel> {
    this.#lastGood = undefined;
    const model = await this.#store.reload();
    if (this.memo.loaded) this.#lastGood = { linkable: this.#store.linkable, loaded: this.memo.loaded };
    return model;
  }

  /** Deletes files no longer planned (a renamed article's page, a tag no article carries now), and the folders they leave empty. */
  #remove(sitePaths: readonly string[]): void {
    removeFromOutput(this.outputDir, sitePaths);
    for (const sitePath of sitePaths) this.#written.delete(sitePath);
  }
}
