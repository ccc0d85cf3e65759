import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticlePageInputs } from "./page-inputs.ts";
import { isArticleSummary, summaryOf, type PageFrame } from "./page-inputs.ts";
import { cacheKey, codeFingerprint } from "../cache/keyed-json-cache.ts";
import { PackStore } from "../cache/pack-store.ts";
import type { Article, ArticleSummary } from "../content/model.ts";
import { isHeadlineEntry, type FeedDocument, type FeedEntry, type FeedScope } from "../feeds/feed-model.ts";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** `.cache/pages/` of a project (NEWSROOM_PAGE_CACHE overrides it): article pages by a hash of their inputs. */
export function pageCacheDir(rootDir: string): string {
  const fromEnv = process.env.NEWSROOM_PAGE_CACHE;
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(rootDir, ".cache", "pages");
}

/** Every file of the code that renders a page: layouts, src and the locked dependencies. */
function renderingCode(): string[] {
  const files = (folder: string) =>
    readdirSync(path.join(PACKAGE_DIR, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => path.extname(name) !== "")
      .map((name) => path.posix.join(folder, name.split(path.sep).join("/")))
      .sort();
  return [...files("layouts"), ...files("src"), "package-lock.json"];
}

/**
 * Article pages kept between builds, keyed by a hash of everything the page
 * shows (`ArticlePageInputs`: the article, its related items, the news
 * column, More news, the picks, the site settings, the asset names) and of
 * the code that renders pages. The article layout renders from those inputs
 * alone, so an equal key means equal bytes; a build copies such a page from
 * the cache instead of rendering it. Tags' and authors' feed files
 * (`feedKey`) and the listing pages with many instances (`listingKey`) are
 * kept the same way.
 */
export class PageReuse {
  readonly #code = codeFingerprint(renderingCode());
  /**
   * Hash of each article (`#articleHash`), summary and headline feed entry,
   * once per build: pages share their neighbours, feeds their entries.
   */
  readonly #hashes = new WeakMap<object, string>();
  /** A page's frame (site settings, asset names, year, preview) is the same for every page of a kind and build: hashed once. */
  readonly #frames: { parts: readonly unknown[]; hash: string }[] = [];
  readonly #store: PackStore;

  constructor(readonly dir: string) {
    this.#store = new PackStore(dir);
  }

  key(inputs: ArticlePageInputs): string {
    const { article, related, sideFeed, moreNews, picks, site, url, year, assets, isPreview } = inputs;
    const frameHash = this.#frameHash([site, year, assets, isPreview]);
    const list = (summaries: readonly ArticleSummary[]) => summaries.map((summary) => this.#hash(summary)).join(",");
    const relatedItems = related.map((item) => (item.kind === "article" ? this.#hash(item.article) : JSON.stringify(item))).join(",");
    const key = cacheKey(this.#code, frameHash, url, this.#articleHash(article), relatedItems, list(sideFeed), list(moreNews), list(picks));
    this.#store.use(key);
    return key;
  }

  /**
   * The key of a listing page (a tag's, an author's, a page of the news
   * feed): the inputs its layout renders from alone (`TagPageInputs` and the
   * like), and the code. Articles are listed as summaries, so a body edit
   * keeps every listing, and a headline edit renders only the pages that
   * show it.
   */
  listingKey(layout: string, inputs: PageFrame): string {
    const { site, year, assets, url, ...shown } = inputs;
    // A summary is hashed once per build, however many listings show it.
    const summaryHash = (_: string, value: unknown) => (isArticleSummary(value) ? this.#hash(value) : value);
    const key = cacheKey(this.#code, "listing", layout, this.#frameHash([site, year, assets]), url, sha256(JSON.stringify(shown, summaryHash)));
    this.#store.use(key);
    return key;
  }

  /**
   * A key of what the articles' own parts of their pages are made from (each
   * article, the site settings, preview or not), leaving out what their
   * neighbours add (related list, news column) and the code: the search index
   * uses it to expect a stored shard before the pages exist, and the pages
   * themselves decide in the end. A code change seldom changes what search
   * reads, and a new story changes every page's news column.
   */
  ownPartsKey(articles: readonly Article[], site: unknown, isPreview: boolean): string {
    return cacheKey(sha256(JSON.stringify({ site, isPreview })), ...articles.flatMap((article) => [article.url, this.#articleHash(article)]));
  }

  /**
   * The key of a tag's or author's feed file: the document its writer
   * serialises, and the code. An edit changes only the feeds that show it
   * (a body, which those feeds leave out, changes none).
   */
  feedKey(format: string, document: FeedDocument): string {
    // A headline entry is hashed once per build, however many feeds carry it.
    const entryHash = (_: string, value: unknown) => (isHeadlineEntry(value) ? this.#hash(value) : value);
    const key = cacheKey(this.#code, "feed", format, sha256(JSON.stringify(document, entryHash)));
    this.#store.use(key);
    return key;
  }

  /** Whether a page is stored for `key` (it may still be pruned by another build before it is taken). */
  has(key: string): boolean {
    return this.#store.has(key);
  }

  /**
   * Writes the stored page for `key` to `target` and returns it (for the
   * search index); undefined when there is none (never built, or pruned by
   * another build of the same site meanwhile). Synchronous: for 10,000 small
   * files, the promise API's file handles cost several times the copying.
   */
  take(key: string, target: string): string | undefined {
    const html = this.#store.get(key);
    if (html === undefined) return undefined;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    return html;
  }

  /**
   * Stores a page the build wrote to `builtFile` (a copy: the dev server
   * rewrites `_site/` in place). Other builds see it after `flush`.
   */
  store(key: string, builtFile: string): void {
    this.#store.putFile(key, builtFile);
  }

  /** Makes the pages stored so far readable by other builds. */
  flush(): void {
    this.#store.flush();
  }

  /**
   * Deletes stored pages this build did not use (every edit leaves one
   * behind), once they outnumber the used ones: another build of the same
   * site (a branch, a preview) may still want them. Returns how many.
   */
  prune(): number {
    return this.#store.prune();
  }

  /** Flushes and closes the cache's files. */
  close(): void {
    this.#store.close();
  }

  #frameHash(parts: readonly unknown[]): string {
    let frame = this.#frames.find((known) => known.parts.length === parts.length && known.parts.every((part, index) => part === parts[index]));
    if (!frame) this.#frames.push((frame = { parts, hash: sha256(JSON.stringify(parts)) }));
    return frame.hash;
  }

  #hash(value: ArticleSummary | FeedEntry): string {
    let hash = this.#hashes.get(value);
    if (!hash) this.#hashes.set(value, (hash = sha256(JSON.stringify(value))));
    return hash;
  }

  /**
   * An article's hash: its summary's (which the pages listing it need
   * anyway) and the JSON of the fields the summary leaves out (the body by
   * its hash: src/content/article-body.ts), so that the hero, most of both,
   * is hashed once.
   */
  #articleHash(article: Article): string {
    let hash = this.#hashes.get(article);
    if (!hash) {
      const summary = summaryOf(article);
      let fields: unknown;
      const rest = JSON.stringify(article, function (this: unknown, key: string, value: unknown) {
        // The first call hands over the article's JSON form (article-body.ts); its own fields follow.
        if (key === "") return (fields = value);
        return this === fields && Object.hasOwn(summary, key) ? undefined : value;
      });
      this.#hashes.set(article, (hash = cacheKey(this.#hash(summary), rest)));
    }
    return hash;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Where an article page is written ("/news/x/" → news/x/index.html under the site). */
export function articlePageFile(siteDir: string, url: string): string {
  return siteFile(siteDir, url.endsWith("/") ? url : `${url}/`);
}

/** How `reuseArticlePages` treats pages besides taking them from the cache. */
export interface ReuseOptions {
  /** Called with each page taken from the cache, as if rendered (the build's search index). */
  onPage?: (url: string, html: string) => void;
  /** Pages already in `siteDir` as they should be (the dev server's, by key): neither taken nor rendered. */
  isCurrent?: (article: Article, key: string) => boolean;
}

/** Articles between two turns of the event loop: at 10,000 articles the keys take about half a second, the copies a few seconds. */
const ARTICLES_PER_TURN = 200;

/**
 * Splits the articles into pages to render and pages reused: those are put
 * into `siteDir` from the cache. Returns the articles to render, with every
 * page's key.
 */
export async function reuseArticlePages(
  reuse: PageReuse,
  articles: readonly Article[],
  inputsOf: (article: Article) => ArticlePageInputs,
  siteDir: string,
  { onPage, isCurrent }: ReuseOptions = {},
): Promise<{ toRender: Article[]; keys: Map<Article, string>; reused: number }> {
  const planned = await keyArticlePages(reuse, articles, inputsOf, isCurrent ? { isCurrent } : {});
  const taken = await takeArticlePages(reuse, planned.toTake, siteDir, onPage ? { onPage } : {});
  return { toRender: [...planned.toRender, ...taken.missing], keys: planned.keys, reused: taken.reused };
}

/**
 * Every article page's key, and whether the cache holds its page: those are
 * to take (`takeArticlePages`), the rest to render. The build renders first
 * and takes afterwards, so that the search index gets a changed article's
 * page early instead of waiting for it behind the copies.
 */
export async function keyArticlePages(
  reuse: PageReuse,
  articles: readonly Article[],
  inputsOf: (article: Article) => ArticlePageInputs,
  { isCurrent }: Pick<ReuseOptions, "isCurrent"> = {},
): Promise<{ toRender: Article[]; toTake: { article: Article; key: string }[]; keys: Map<Article, string> }> {
  const keys = new Map<Article, string>();
  const toRender: Article[] = [];
  const toTake: { article: Article; key: string }[] = [];
  for (const [index, article] of articles.entries()) {
    // The dev server keeps answering requests meanwhile.
    if (index % ARTICLES_PER_TURN === ARTICLES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const key = reuse.key(inputsOf(article));
    keys.set(article, key);
    if (isCurrent?.(article, key)) continue;
    if (reuse.has(key)) toTake.push({ article, key });
    else toRender.push(article);
  }
  return { toRender, toTake, keys };
}

/**
 * Puts the keyed pages into `siteDir` from the cache. `missing`: pages
 * another build of the same site pruned since they were keyed (to render
 * after all).
 */
export async function takeArticlePages(
  reuse: PageReuse,
  toTake: readonly { article: Article; key: string }[],
  siteDir: string,
  { onPage }: Pick<ReuseOptions, "onPage"> = {},
): Promise<{ reused: number; missing: Article[] }> {
  const missing: Article[] = [];
  for (const [index, { article, key }] of toTake.entries()) {
    if (index % ARTICLES_PER_TURN === ARTICLES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const html = reuse.take(key, articlePageFile(siteDir, article.url));
    if (html === undefined) missing.push(article);
    else onPage?.(article.url, html);
  }
  return { reused: toTake.length - missing.length, missing };
}

/** Where a page or file is written under the site ("/news/x/" → news/x/index.html, "/tags/x/feed.xml" as it is). */
export function siteFile(siteDir: string, url: string): string {
  const parts = url.split("/").filter(Boolean);
  return path.join(siteDir, ...parts, ...(url.endsWith("/") ? ["index.html"] : []));
}

/** A feed definition's scopes (SCOPED_FEEDS), and its format. */
export interface ScopedFeeds {
  format: "rss" | "atom";
  scopes: readonly FeedScope[];
}

/** A definition's pages or files that the build may take from the cache instead of rendering. */
export interface ReusableFiles<T> {
  items: readonly T[];
  urlOf: (item: T) => string;
  keyOf: (item: T) => string;
}

/**
 * Puts the files whose key is in the cache into `siteDir`; returns, per
 * definition, the items whose files must be rendered, and every rendered
 * file's key (to store it once written).
 */
export function reuseFiles(
  reuse: PageReuse,
  definitions: Readonly<Record<string, ReusableFiles<unknown>>>,
  siteDir: string,
): { toRender: Record<string, unknown[]>; toStore: { key: string; file: string }[]; reused: number } {
  const toRender: Record<string, unknown[]> = {};
  const toStore: { key: string; file: string }[] = [];
  let reused = 0;
  for (const [name, { items, urlOf, keyOf }] of Object.entries(definitions)) {
    toRender[name] = [];
    for (const item of items) {
      const key = keyOf(item);
      const file = siteFile(siteDir, urlOf(item));
      if (reuse.take(key, file) === undefined) {
        toRender[name].push(item);
        toStore.push({ key, file });
      } else {
        reused++;
      }
    }
  }
  return { toRender, toStore, reused };
}

/** `reuseFiles` for the feed definitions; `documentOf` is what a feed's definition renders. */
export function reuseFeedFiles(
  reuse: PageReuse,
  feeds: Readonly<Record<string, ScopedFeeds>>,
  documentOf: (scope: FeedScope, format: ScopedFeeds["format"]) => FeedDocument,
  siteDir: string,
): ReturnType<typeof reuseFiles> {
  const definitions = Object.fromEntries(
    Object.entries(feeds).map(([name, { format, scopes }]): [string, ReusableFiles<FeedScope>] => [
      name,
      { items: scopes, urlOf: (scope) => scope.urls[format], keyOf: (scope) => reuse.feedKey(format, documentOf(scope, format)) },
    ]),
  );
  return reuseFiles(reuse, definitions as Record<string, ReusableFiles<unknown>>, siteDir);
}
