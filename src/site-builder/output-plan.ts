import type { AuthorGroup } from "../collections/by-author.ts";
import type { Page } from "../collections/paginate.ts";
import type { SiteModel, TagPage } from "../collections/site-model.ts";
import type { Article, StandalonePage } from "../content/model.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { FEED_SIZE, feedDocument, type FeedScope } from "../feeds/feed-model.ts";
import { renderNewsSitemap, type SitemapFile } from "../feeds/sitemap.ts";
import { articlePageInputs, authorPageInputs, newsFeedPageInputs, pageFrame, tagPageInputs, type EleventyPageData } from "../pages/page-inputs.ts";
import { pageDefinitions, SCOPED_FEEDS, scopedFeedDocument, type PageDefinition } from "../pages/page-definitions.ts";
import { isPaginated, paginatedItems } from "../pages/render-batches.ts";
import { routes } from "../content/routes.ts";
import { sha256, type PageKeys } from "./page-keys.ts";
import { articleStructures, frameDigest, KeptKeys, type IndexedListing, type IndexedPage, type PlanIndex } from "./plan-index.ts";

/** One file a page definition renders: for a paginated definition, one of its items. */
export interface PlannedPage {
  definition: string;
  /** The pagination item (an article, a tag's page); absent for a single page. */
  item?: unknown;
  url: string;
  /** Site path of the written file: "news/x/index.html", "feed.xml". */
  path: string;
  key: string;
}

interface KeyContext {
  model: SiteModel;
  assets: AssetManifest;
  keys: PageKeys;
  /** What every page showing the whole site depends on (see `siteDigest`). */
  digest: () => string;
}

type KeyOf = (context: KeyContext, url: string, item: unknown) => string;

const data = (context: KeyContext, url: string): EleventyPageData => ({ newsroom: context.model, assets: context.assets, page: { url } });

/** Pages that show what the whole site holds (the home page, the indexes): keyed by all of it, so any article's change renders them again. */
const wholeSite: KeyOf = (context, url) => context.keys.file("page", url, [pageFrame(data(context, url)), context.digest()]);

/**
 * A page that shows a list of articles (plan-index.ts): what it is besides
 * its articles (its shape: a tag and its page number, an author, a feed's
 * title and URLs) and the articles it shows, in order, as its definition's
 * item holds them; and its key, from what it shows. Its inputs are its
 * frame, its shape and its articles, nothing else: what lets a plan keep
 * its key when those are the same (KeptKeys.listingShowing).
 */
interface ListingKind {
  listed: (item: unknown) => { shape: object; shown: readonly Article[] };
  keyOf: KeyOf;
}

const pageOfArticles = (item: unknown) => {
  const { items, ...shape } = item as Page<Article>;
  return { shape, shown: items };
};

/** A tag's or author's feed: headlines only, its entries the scope's newest articles, in order (PageKeys.feed checks they match). */
const feedOfArticles = (item: unknown) => {
  const { articles, ...shape } = item as FeedScope;
  return { shape, shown: articles.slice(0, FEED_SIZE) };
};

const scopedFeed = (name: keyof typeof SCOPED_FEEDS): ListingKind => ({
  listed: feedOfArticles,
  keyOf: (context, url, item) => {
    const { format } = SCOPED_FEEDS[name];
    const document = scopedFeedDocument(context.model.site, item as FeedScope, format);
    return context.keys.feed(format, url, document, { base: context.model.site.baseUrl, articles: feedOfArticles(item).shown });
  },
});

const siteFeed = (format: "rss" | "atom" | "json"): KeyOf => (context, url) => context.keys.feed(format, url, feedDocument(context.model.site, context.model.feeds.site, url));

/** An article's page: its key, and the articles it shows (its own, then its lists'), so that the next plan can keep it (plan-index.ts). */
function articlePageKey(context: KeyContext, url: string, article: Article): { key: string; shows: readonly { id: string }[] } {
  const inputs = articlePageInputs({ ...data(context, url), article });
  const related = inputs.related.flatMap((entry) => (entry.kind === "article" ? [entry.article] : []));
  return { key: context.keys.article(inputs), shows: [inputs.article, ...related, ...inputs.sideFeed, ...inputs.moreNews, ...inputs.picks] };
}

/**
 * How the pages that show a list of articles are keyed, by what they show
 * (src/pages/page-inputs.ts), nothing more, nothing less; and which articles
 * they show, so that the next plan can keep the key of a page none of whose
 * articles changed (plan-index.ts).
 */
const LISTINGS: Record<string, ListingKind> = {
  newsFeed: { listed: pageOfArticles, keyOf: (context, url, item) => context.keys.listing("news-feed", newsFeedPageInputs({ ...data(context, url), feedPage: item as Page<Article> }) as never) },
  tag: { listed: pageOfArticles, keyOf: (context, url, item) => context.keys.listing("tag", tagPageInputs({ ...data(context, url), tagPage: item as TagPage }) as never) },
  author: {
    listed: (item) => {
      const { articles, ...shape } = item as AuthorGroup;
      return { shape, shown: articles };
    },
    keyOf: (context, url, item) => context.keys.listing("author", authorPageInputs({ ...data(context, url), authorGroup: item as AuthorGroup }) as never),
  },
  tagRss: scopedFeed("tagRss"),
  tagAtom: scopedFeed("tagAtom"),
  authorRss: scopedFeed("authorRss"),
  authorAtom: scopedFeed("authorAtom"),
};

/** How every other page definition's files are keyed: by what they show, nothing more, nothing less. */
const PAGE_KEYS: Record<string, KeyOf> = {
  home: wholeSite,
  tagIndex: wholeSite,
  authorIndex: wholeSite,
  search: wholeSite,
  standalonePage: (context, url, item) => context.keys.listing("page", { ...pageFrame(data(context, url)), standalonePage: item as StandalonePage }),
  notFound: wholeSite,
  rss: siteFeed("rss"),
  atom: siteFeed("atom"),
  jsonFeed: siteFeed("json"),
  headlines: (context, url) => context.keys.file("headlines", url, context.digest()),
  // By what its XML is written from (src/feeds/sitemap.ts), not by the XML: writing it is the cost.
  sitemap: (context, url, item) => context.keys.file("sitemap", url, (item as SitemapFile).inputs),
  newsSitemap: (context, url) => context.keys.file("news-sitemap", url, renderNewsSitemap(context.model, context.model.builtAt)),
  redirectsFile: (context, url) => context.keys.file("redirects", url, context.model.redirects),
  redirectPage: (context, url, item) => context.keys.file("redirect", url, [item, context.model.site]),
  hostHeaders: (context, url) => context.keys.file("headers", url, context.model.pages.map((page) => page.url)),
  robots: (context, url) => context.keys.file("robots", url, context.model.site.baseUrl),
};

/**
 * Every file the page definitions render for this model, with its key, and
 * the index the next plan starts from. With the last plan's index
 * (`previous`), the pages that show lists of articles keep their key when
 * none of their articles changed and what decides which articles they show
 * did not change either, or when they show the same articles as before
 * (KeptKeys in plan-index.ts); the rest are keyed from what they show.
 * Keying all 23,000 files of a 10,000-article site takes about a second; an
 * edit of what one article says keys a few dozen, a new story its own
 * tags' and authors' listings.
 */
export function planPages(model: SiteModel, assets: AssetManifest, keys: PageKeys, known: { previous?: PlanIndex | undefined; onStep?: (total: number) => void } = {}): { pages: PlannedPage[]; index: PlanIndex; keptKeys: number } {
  const { previous } = known;
  const context: KeyContext = { model, assets, keys, digest: once(() => siteDigest(model, keys)) };
  const definitions = Object.entries(pageDefinitions).map(([name, definition]) => ({ name, definition, items: isPaginated(definition) ? paginatedItems(model, definition)! : [undefined] }));
  // Its steps, for the build's progress: each article hashed, then each page keyed.
  const steps = model.articles.length + definitions.reduce((sum, { items }) => sum + items.length, 0);
  const step = known.onStep ? () => known.onStep!(steps) : () => {};
  const articleHashes = model.articles.map((article) => {
    step();
    return keys.articleHash(article);
  });
  const now = { code: keys.code, frame: frameDigest(model, assets), articleHashes, structures: articleStructures(model.articles, articleHashes, keys.code, previous) };
  const kept = new KeptKeys(previous, now);
  const placeOf = once(() => new Map(model.articles.map((article, place) => [article.id, place])));
  const articlePages: IndexedPage[] = [];
  const listingPages: IndexedListing[] = [];
  const planned: PlannedPage[] = [];
  let keptKeys = 0;
  for (const { name, definition, items } of definitions) {
    const listing = LISTINGS[name];
    const keyOf = PAGE_KEYS[name];
    // Article pages are indexed by their article's place: their items are the model's articles, in order.
    const isArticle = name === "article";
    if (!keyOf && !listing && !isArticle) throw new Error(`internal error, please report: page definition ${name} has no key`);
    if (isArticle && items !== model.articles) throw new Error("internal error, please report: article pages are not the model's articles");
    items.forEach((item, ordinal) => {
      const url = urlOf(definition, item);
      let key: string;
      if (isArticle) {
        let page = kept.articlePage(ordinal);
        if (page) keptKeys++;
        else {
          const made = articlePageKey(context, url, item as Article);
          page = { key: made.key, shows: placesOf(made.shows, placeOf()) };
        }
        articlePages.push(page);
        key = page.key;
      } else if (listing) {
        const page = keyListing(listing, name, url, item);
        listingPages.push(page);
        key = page.key;
      } else key = keyOf!(context, url, item);
      planned.push({ definition: name, ...(item === undefined ? {} : { item }), url, path: sitePathOfUrl(url), key });
      step();
    });
  }
  return { pages: planned, index: { ...now, articlePages, listingPages }, keptKeys };

  /** A listing page's key and index entry: kept when the structure is the same, or when it shows what it showed (plan-index.ts); else worked out. */
  function keyListing(listing: ListingKind, name: string, url: string, item: unknown): IndexedListing {
    const same = kept.listingPage(listingPages.length);
    if (same) {
      keptKeys++;
      return same;
    }
    const { shape: fields, shown } = listing.listed(item);
    const shape = sha256(JSON.stringify([name, fields]));
    const showing = kept.listingShowing(url, shape, shown, model.articles);
    if (showing) {
      keptKeys++;
      return showing;
    }
    return { key: listing.keyOf(context, url, item), shows: placesOf(shown, placeOf()), url, shape };
  }
}

/**
 * The one article page the preview writes before it plans the site
 * (src/dev/dev-builder.ts), keyed as `planPages` keys it: once the site is
 * planned, the same key says it was written as the plan would write it.
 */
export function plannedArticlePage(model: SiteModel, assets: AssetManifest, keys: PageKeys, article: Article): PlannedPage {
  const definition = pageDefinitions.article!;
  const url = urlOf(definition, article);
  const context: KeyContext = { model, assets, keys, digest: () => siteDigest(model, keys) };
  return { definition: "article", item: article, url, path: sitePathOfUrl(url), key: articlePageKey(context, url, article).key };
}

/** The places of the shown articles among the model's articles. */
function placesOf(shown: readonly { id: string }[], places: ReadonlyMap<string, number>): Int32Array {
  const result = new Int32Array(shown.length);
  for (let at = 0; at < shown.length; at++) {
    const place = places.get(shown[at]!.id);
    if (place === undefined) throw new Error(`internal error, please report: a page shows ${shown[at]!.id}, which is not among the site's articles`);
    result[at] = place;
  }
  return result;
}

/** The URL a definition gives one of its items (or its single page). */
function urlOf(definition: PageDefinition, item: unknown): string {
  const { permalink, pagination } = definition.data as { permalink: string | ((data: Record<string, unknown>) => string); pagination?: { alias: string } };
  if (typeof permalink === "string") return permalink;
  return permalink({ [pagination?.alias ?? "item"]: item });
}

/** Where a URL is written: "/news/x/" is news/x/index.html, "/tags/x/feed.xml" itself. */
export function sitePathOfUrl(url: string): string {
  // The common case, as strings: splitting 240,000 URLs took 150 ms at 100,000 articles.
  if (url.startsWith("/") && !url.includes("//")) return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
  const parts = url.split("/").filter(Boolean);
  return [...parts, ...(url.endsWith("/") ? ["index.html"] : [])].join("/");
}

/**
 * Everything any article, author, page or setting holds (bodies by their
 * hash), hashed once per build: the key of the few pages that show the
 * whole site.
 */
function siteDigest(model: SiteModel, keys: PageKeys): string {
  return keys.file("site", "", [
    model.site,
    model.isPreview,
    model.articles.map((article) => keys.articleHash(article)),
    [...model.authors.values()],
    model.pages,
    model.redirects,
    routes.home(),
  ]);
}

function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: compute() }).value;
}
