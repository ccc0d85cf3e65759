import { createHash } from "node:crypto";
import type { Article, ArticleSummary } from "../content/model.ts";
import type { FeedDocument, FeedEntry } from "../feeds/feed-model.ts";
import { summarizedArticle, summaryOf, type ArticlePageInputs, type PageFrame } from "../pages/page-inputs.ts";
import { cacheKey } from "../cache/keyed-json-cache.ts";
import type { ArticleHashes } from "../assembly/content-memo.ts";

/**
 * The key of each output file: a hash of everything the file shows (the
 * inputs its layout or writer reads, see src/pages/page-inputs.ts) and of
 * the code that renders it. Equal keys mean equal bytes, so a build renders
 * only the files whose key is not the one their written file was made with
 * (the output manifest, output-manifest.ts).
 *
 * One instance per build: it hashes each article, summary and feed entry
 * once, however many files show it.
 */
export class PageKeys {
  readonly #hashes = new WeakMap<object, string>();
  /** Each article's headline entry hash, for the base URL it was made with. */
  readonly #headlines = new WeakMap<Article, { base: string; hash: string }>();
  /** The site settings and asset names every page shows, hashed once (by identity: they are the same objects for every page of a build). */
  readonly #frames: { site: object; assets: object; hash: string }[] = [];

  /**
   * `code`: the fingerprint of the code that renders pages (src/cache/code-fingerprints.ts).
   * `known`: articles' hashes known from earlier builds (src/assembly/content-memo.ts), used
   * instead of hashing them again; the hashes this build works out are added to it.
   */
  constructor(
    readonly code: string,
    readonly known: WeakMap<Article, ArticleHashes> = new WeakMap(),
  ) {}

  /** An article page: the article, what its lists show of other articles, and the frame. */
  article(inputs: ArticlePageInputs): string {
    const { article, related, sideFeed, moreNews, picks, site, url, assets, isPreview, ...rest } = inputs;
    // `rest`: what else the frame shows (the year), whatever the page inputs call it.
    const frameHash = cacheKey(this.#frameHash(site, assets), JSON.stringify({ isPreview, ...rest }));
    const list = (summaries: readonly ArticleSummary[]) => summaries.map((summary) => this.#hash(summary)).join(",");
    const relatedItems = related.map((item) => (item.kind === "article" ? this.#hash(item.article) : JSON.stringify(item))).join(",");
    return cacheKey(this.code, "article", frameHash, url, this.articleHash(article), relatedItems, list(sideFeed), list(moreNews), list(picks));
  }

  /**
   * A page rendered from inputs in which articles appear as summaries (a
   * listing, a standalone page, the home page): a body edit keeps it, a
   * headline edit renders only the pages that show that headline.
   */
  listing(kind: string, inputs: PageFrame & Record<string, unknown>): string {
    const { site, assets, url, ...shown } = inputs;
    // A listing's JSON shows each article summary as its hash: hashed once, however many listings show it.
    const summaryHash = (_: string, value: unknown) => (typeof value === "object" && value !== null && summarizedArticle(value) ? this.#hash(value as ArticleSummary) : value);
    return cacheKey(this.code, "listing", kind, this.#frameHash(site, assets), url, sha256(JSON.stringify(shown, summaryHash)));
  }

  /**
   * A feed file: the document its writer serialises. A feed of headlines
   * (no bodies) names the articles its entries are made from, in order: each
   * entry shows its article's summary and time of update, as the site's base
   * URL makes them (src/feeds/feed-model.ts), so their hashes stand for it (a
   * summary's hash is often known already, and a body edit keeps it).
   */
  feed(format: string, url: string, document: FeedDocument, headlines?: { base: string; articles: readonly Article[] }): string {
    if (headlines && headlines.articles.length !== document.entries.length) throw new Error(`internal error, please report: ${url} has ${document.entries.length} entries for ${headlines.articles.length} articles`);
    const entries = headlines ? headlines.articles.map((article) => this.#headlineHash(headlines.base, article)) : document.entries.map((entry) => this.#hash(entry));
    return cacheKey(this.code, "feed", format, url, sha256(JSON.stringify({ ...document, entries })));
  }

  /** Any other file: its kind, its URL and a value standing for everything it shows. */
  file(kind: string, url: string, shown: unknown): string {
    return cacheKey(this.code, "file", kind, url, sha256(JSON.stringify(shown)));
  }

  /**
   * An article's hash: its summary's and the JSON of the fields the summary
   * leaves out (the body by its hash: src/content/article-body.ts).
   */
  articleHash(article: Article): string {
    let hash = this.#hashes.get(article) ?? this.known.get(article)?.article;
    if (!hash) {
      const summary = summaryOf(article);
      let fields: unknown;
      const sharedParts = this.#sharedParts;
      const rest = JSON.stringify(article, function (this: unknown, key: string, value: unknown) {
        // The first call hands over the article's JSON form (article-body.ts); its own fields follow.
        if (key === "") return (fields = value);
        return this === fields && Object.hasOwn(summary, key) ? undefined : sharedParts(key, value);
      });
      const summaryHash = this.#hash(summary);
      this.#hashes.set(article, (hash = cacheKey(summaryHash, rest)));
      this.known.set(article, { article: hash, summary: summaryHash });
    }
    return hash;
  }

  /** An article's headline entry in a feed whose home is at `base`, by its summary's hash and its time of update; once per article. */
  #headlineHash(base: string, article: Article): string {
    let hash = this.#headlines.get(article);
    if (hash?.base !== base) {
      hash = { base, hash: cacheKey("headline", base, this.#hash(summaryOf(article)), (article.updatedAt ?? article.publishedAt).toISOString()) };
      this.#headlines.set(article, hash);
    }
    return hash.hash;
  }

  #frameHash(site: object, assets: object): string {
    let frame = this.#frames.find((known) => known.site === site && known.assets === assets);
    if (!frame) this.#frames.push((frame = { site, assets, hash: sha256(JSON.stringify([site, assets])) }));
    return frame.hash;
  }

  /** A summary's or feed entry's hash; a summary's is known already when its article's hashes are (`known`). */
  #hash(value: ArticleSummary | FeedEntry): string {
    let hash = this.#hashes.get(value);
    if (!hash) {
      const article = summarizedArticle(value);
      hash = (article && this.known.get(article)?.summary) ?? sha256(JSON.stringify(value, this.#sharedParts));
      this.#hashes.set(value, hash);
    }
    return hash;
  }

  /**
   * A replacer that puts the hash of an image's parts in place of their
   * JSON: every article showing one photo shares them (its sources, crops
   * and preview are planned once, src/images/responsive-image.ts), and
   * writing them out for each of 10,000 articles was most of hashing them.
   */
  readonly #sharedParts = (key: string, value: unknown): unknown => {
    if (!SHARED_IMAGE_PARTS.has(key) || typeof value !== "object" || value === null) return value;
    let hash = this.#hashes.get(value);
    if (!hash) this.#hashes.set(value, (hash = sha256(JSON.stringify(value))));
    return hash;
  };
}

/** A hero's parts shared by the articles showing one photo. */
const SHARED_IMAGE_PARTS = new Set(["sources", "thumbnail", "social", "searchCrops", "placeholder"]);

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
