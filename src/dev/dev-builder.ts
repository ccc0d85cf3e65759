import { rm } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import path from "node:path";
import { articlePageInputs } from "../pages/page-inputs.ts";
import { renderBatch } from "../site-builder/build.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { ContentMemo } from "../content/content-memo.ts";
import { sourcePathOf } from "../content/load-content.ts";
import type { Article } from "../content/model.ts";
import { ContentStore, type NewsroomOptions } from "../eleventy/content-store.ts";
import { PUBLIC_DIR } from "../eleventy/plugin.ts";
import { readPublicAssets, type AssetManifest } from "../eleventy/static-assets.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
import { articlePageFile, pageCacheDir, PageReuse, reuseArticlePages } from "../pages/page-reuse.ts";
import { planRenderBatches, type RenderBatch } from "../pages/render-batches.ts";

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
  /** Article pages copied from the page cache (`.cache/pages/`). */
  articlesReused: number;
  /** Pages rendered in all, the listings and feeds included. */
  pagesRendered: number;
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
 * The dev server's builder: keeps the content and the pages it wrote between
 * saves, so that a save costs what it changed. On every save it
 *
 * 1. loads the content again, reusing every file and article the save did
 *    not touch (ContentMemo: about 0.4 s at 10,000 articles);
 * 2. renders the saved articles' pages first, in one small Eleventy run,
 *    and says so (the browser showing one reloads);
 * 3. then renders the article pages whose inputs changed (a new headline
 *    shows in other pages' lists) and every listing, feed and sitemap, in
 *    runs of DEV_PAGES_PER_BATCH, stopping early for a newer save.
 *
 * Pages are written into the output folder in place: it is a preview.
 */
export class DevBuilder {
  readonly memo = new ContentMemo();
  readonly #store: ContentStore;
  readonly #reuse: PageReuse;
  /** The key of every article page now in the output folder, by URL. */
  readonly #written = new Map<string, string>();
  /** Files Eleventy wrote since the last update that ran to the end: what the next complete one did not write is stale. */
  #files = new Set<string>();
  #assets: AssetManifest | undefined;

  constructor(
    readonly options: NewsroomOptions,
    readonly outputDir: string,
  ) {
    // The dev server's watcher reports every save (see update).
    this.memo.watched = true;
    this.#store = new ContentStore({ ...options, memo: this.memo });
    this.#reuse = new PageReuse(pageCacheDir(options.rootDir));
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
    if (saved !== "all" && saved.some((file) => path.dirname(file) !== this.articlesDir)) this.memo.clear();
    if (saved !== "all") for (const file of saved) this.memo.saved.add(file);
    const model = await this.#store.reload();
    hooks.onContentLoaded?.();
    // The preview starts from an empty folder: nothing of an earlier build or preview lingers.
    if (saved === "all") await rm(this.outputDir, { recursive: true, force: true });
    const writtenNow = new Set<string>();
    this.#assets ??= (await readPublicAssets(PUBLIC_DIR)).manifest;
    const assets = this.#assets;
    const update: DevUpdate = { saved: [], articlesRendered: 0, articlesReused: 0, pagesRendered: 0, interrupted: false };

    // By source path, as articles carry it: joining 10,000 paths on every save took tens of milliseconds.
    const savedSources = new Set(saved === "all" ? [] : saved.map((file) => sourcePathOf(this.options.rootDir, file)));
    const savedArticles = new Set(model.articles.filter((article) => savedSources.has(article.sourcePath)));
    if (savedArticles.size > 0) {
      update.pagesRendered += await this.#render(model, { index: 0, slices: { article: [...savedArticles] }, rendersSinglePages: false, pageCount: savedArticles.size }, writtenNow);
      update.saved = [...savedArticles].map((article) => article.url);
      hooks.onSavedPages?.(update.saved);
      // The open tab reloads now: let the server answer it before the rest takes the (single) thread.
      await delay(RELOAD_HEAD_START_MS);
    }

    // Every article page's key; a page already written with its key stays, one in the page cache is copied, the rest are rendered.
    const articlePages = await reuseArticlePages(this.#reuse, model.articles, (article) => articlePageInputs({ newsroom: model, article, assets, page: { url: article.url } }), this.outputDir, {
      isCurrent: (article, key) => savedArticles.has(article) || this.#written.get(article.url) === key,
    });
    update.articlesReused = articlePages.reused;
    const toRender = new Set(articlePages.toRender);
    // A page to render keeps its old key until it is written: an interrupted update leaves it to the next.
    for (const [article, key] of articlePages.keys) if (!toRender.has(article)) this.#written.set(article.url, key);
    // An article renamed, unpublished or deleted leaves no page behind.
    const current = new Set(model.articles.map((article) => article.url));
    for (const url of this.#written.keys()) {
      if (current.has(url)) continue;
      this.#written.delete(url);
      await rm(path.dirname(articlePageFile(this.outputDir, url)), { recursive: true, force: true });
    }

    for (const pages of planRenderBatches(model, pageDefinitions, DEV_PAGES_PER_BATCH, { article: articlePages.toRender })) {
      if (hooks.shouldStop?.()) return { ...update, interrupted: true };
      update.pagesRendered += await this.#render(model, pages, writtenNow);
      for (const article of (pages.slices.article ?? []) as Article[]) {
        const key = articlePages.keys.get(article)!;
        this.#written.set(article.url, key);
        // Into the page cache too: the next start of the dev server (or a build) reuses them.
        this.#reuse.store(key, articlePageFile(this.outputDir, article.url));
        update.articlesRendered++;
      }
    }
    this.#reuse.flush();
    // A listing that is gone (a tag no article carries now, a shorter feed) leaves no page behind.
    const articleFiles = new Set([...current].map((url) => articlePageFile(this.outputDir, url)));
    for (const file of this.#files) {
      if (!writtenNow.has(file) && !articleFiles.has(file)) await rm(file, { force: true });
    }
    this.#files = writtenNow;
    return update;
  }

  /** Renders one batch into the output folder. */
  async #render(model: SiteModel, pages: RenderBatch, writtenNow: Set<string>): Promise<number> {
    const files = await renderBatch(this.options, { model, pages }, this.outputDir);
    for (const file of files) {
      writtenNow.add(file);
      this.#files.add(file);
    }
    return files.length;
  }
}
