import type { AuthorGroup } from "../collections/by-author.ts";
import type { Page } from "../collections/paginate.ts";
import type { SiteModel, TagPage } from "../collections/site-model.ts";
import type { Article, StandalonePage } from "../content/model.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { feedDocument, type FeedScope } from "../feeds/feed-model.ts";
import { renderNewsSitemap } from "../feeds/sitemap.ts";
import { articlePageInputs, authorPageInputs, newsFeedPageInputs, pageFrame, tagPageInputs, type EleventyPageData } from "../pages/page-inputs.ts";
import { pageDefinitions, SCOPED_FEEDS, scopedFeedDocument, type PageDefinition } from "../pages/page-definitions.ts";
import { isPaginated, paginatedItems } from "../pages/render-batches.ts";
import { routes } from "../content/routes.ts";
import type { PageKeys } from "./page-keys.ts";

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

const scopedFeed = (name: keyof typeof SCOPED_FEEDS): KeyOf => (context, url, item) => {
  const { format } = SCOPED_FEEDS[name];
  const document = scopedFeedDocument(context.model.site, item as FeedScope, format);
  // Headlines only: their entries are the scope's newest articles, in order.
  return context.keys.feed(format, url, document, { base: context.model.site.baseUrl, articles: (item as FeedScope).articles.slice(0, document.entries.length) });
};

const siteFeed = (format: "rss" | "atom" | "json"): KeyOf => (context, url) => context.keys.feed(format, url, feedDocument(context.model.site, context.model.feeds.site, url));

/** How each page definition's files are keyed: by what they show (src/pages/page-inputs.ts), nothing more, nothing less. */
const PAGE_KEYS: Record<string, KeyOf> = {
  article: (context, url, item) => context.keys.article(articlePageInputs({ ...data(context, url), article: item as Article })),
  home: wholeSite,
  newsFeed: (context, url, item) => context.keys.listing("news-feed", newsFeedPageInputs({ ...data(context, url), feedPage: item as Page<Article> }) as never),
  tagIndex: wholeSite,
  tag: (context, url, item) => context.keys.listing("tag", tagPageInputs({ ...data(context, url), tagPage: item as TagPage }) as never),
  authorIndex: wholeSite,
  author: (context, url, item) => context.keys.listing("author", authorPageInputs({ ...data(context, url), authorGroup: item as AuthorGroup }) as never),
  search: wholeSite,
  standalonePage: (context, url, item) => context.keys.listing("page", { ...pageFrame(data(context, url)), standalonePage: item as StandalonePage }),
  notFound: wholeSite,
  rss: siteFeed("rss"),
  atom: siteFeed("atom"),
  jsonFeed: siteFeed("json"),
  headlines: (context, url) => context.keys.file("headlines", url, context.digest()),
  tagRss: scopedFeed("tagRss"),
  tagAtom: scopedFeed("tagAtom"),
  authorRss: scopedFeed("authorRss"),
  authorAtom: scopedFeed("authorAtom"),
  sitemap: (context, url, item) => context.keys.file("sitemap", url, (item as { xml: string }).xml),
  newsSitemap: (context, url) => context.keys.file("news-sitemap", url, renderNewsSitemap(context.model, context.model.builtAt)),
  redirectsFile: (context, url) => context.keys.file("redirects", url, context.model.redirects),
  redirectPage: (context, url, item) => context.keys.file("redirect", url, [item, context.model.site]),
  hostHeaders: (context, url) => context.keys.file("headers", url, context.model.pages.map((page) => page.url)),
  robots: (context, url) => context.keys.file("robots", url, context.model.site.baseUrl),
};

/**
 * Every file the page definitions render for this model, with its key.
 * Keying all 23,000 files of a 10,000-article site takes a fraction of a
 * second: each article and summary is hashed once (PageKeys).
 */
export function planPages(model: SiteModel, assets: AssetManifest, keys: PageKeys): PlannedPage[] {
  const context: KeyContext = { model, assets, keys, digest: once(() => siteDigest(model, keys)) };
  keys.registerSummaries(model.articles);
  const planned: PlannedPage[] = [];
  for (const [name, definition] of Object.entries(pageDefinitions)) {
    const keyOf = PAGE_KEYS[name];
    if (!keyOf) throw new Error(`internal error, please report: page definition ${name} has no key`);
    const items = isPaginated(definition) ? paginatedItems(model, definition)! : [undefined];
    for (const item of items) {
      const url = urlOf(definition, item);
      planned.push({ definition: name, ...(item === undefined ? {} : { item }), url, path: sitePathOfUrl(url), key: keyOf(context, url, item) });
    }
  }
  return planned;
}

/** The URL a definition gives one of its items (or its single page). */
function urlOf(definition: PageDefinition, item: unknown): string {
  const { permalink, pagination } = definition.data as { permalink: string | ((data: Record<string, unknown>) => string); pagination?: { alias: string } };
  if (typeof permalink === "string") return permalink;
  return permalink({ [pagination?.alias ?? "item"]: item });
}

/** Where a URL is written: "/news/x/" is news/x/index.html, "/tags/x/feed.xml" itself. */
export function sitePathOfUrl(url: string): string {
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
