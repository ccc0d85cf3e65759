import type { SiteModel } from "../collections/site-model.ts";
import type { Article } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import { absoluteUrl } from "./absolute-urls.ts";
import { element } from "./xml.ts";

/** sitemaps.org: at most 50,000 URLs per sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News: only articles of the last two days, at most 1,000 of them. */
export const NEWS_SITEMAP_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1000;

export interface SitemapEntry {
  /** Root-relative. */
  url: string;
  lastmod: Date;
}

/** A file to write: its root-relative URL and its XML (made when first read: checking links needs only the URLs). */
export interface SitemapFile {
  readonly url: string;
  readonly xml: string;
  /**
   * What its XML is made from, each URL with its time in milliseconds (also
   * made when first read): what the build keys the file by. Writing the XML
   * to key it took most of a second at 100,000 articles, this a tenth of that.
   */
  readonly inputs: unknown;
}

const changedAt = (article: Article) => article.updatedAt ?? article.publishedAt;
const newest = (articles: readonly Article[]) => latestOf(articles, changedAt);

/**
 * The latest of the items' times (the epoch for none). Compared as numbers:
 * comparing Dates converts both on every comparison, and a tag page's
 * newest is asked of 30,000 articles, the sitemap index of every URL.
 */
function latestOf<T>(items: readonly T[], timeOf: (item: T) => Date): Date {
  let latest = 0;
  for (const item of items) latest = Math.max(latest, timeOf(item).getTime());
  return new Date(latest);
}

/** The sitemaps' URLs in two parts, cut apart so that a publication changes only the newest sitemap file. */
export interface SitemapSections {
  /** Every article, oldest first: archive files are cut from the oldest, and keep their articles. */
  articles: SitemapEntry[];
  /** The site's other pages (home, listings, indexes, standalone pages): their times move with every publication. */
  pages: SitemapEntry[];
}

/**
 * An entry whose time is worked out when first read, then kept: checking
 * links asks the sitemap files only for their URLs (the preview does on
 * every save), and finding each listing's newest story read every story's
 * times again.
 */
class LazyEntry implements SitemapEntry {
  #lastmod: Date | undefined;
  readonly #timeOf: () => Date;
  constructor(
    readonly url: string,
    timeOf: () => Date,
  ) {
    this.#timeOf = timeOf;
  }
  get lastmod(): Date {
    return (this.#lastmod ??= this.#timeOf());
  }
}

/** An article's entry: its time read from the article when asked. */
class ArticleEntry implements SitemapEntry {
  readonly url: string;
  readonly #article: Article;
  constructor(article: Article) {
    this.url = article.url;
    this.#article = article;
  }
  get lastmod(): Date {
    return changedAt(this.#article);
  }
}

/** Every public page with the time its content last changed (each time found when it is first read). */
export function sitemapEntries(model: Pick<SiteModel, "articles" | "pages" | "feedPages" | "tagPages" | "authorGroups">): SitemapSections {
  let latest: Date | undefined;
  const everything = () => (latest ??= newest(model.articles));
  const newestOf = (articles: readonly Article[]) => () => newest(articles);
  const pages: SitemapEntry[] = [
    new LazyEntry(routes.home(), everything),
    // A page without an `updated` date changes with the site as a whole.
    ...model.pages.map((page) => new LazyEntry(page.url, () => page.updatedAt ?? everything())),
    ...model.feedPages.map((page) => new LazyEntry(page.url, newestOf(page.items))),
    new LazyEntry(routes.tagIndex(), everything),
    ...model.tagPages.map((page) => new LazyEntry(page.url, newestOf(page.items))),
    new LazyEntry(routes.authorIndex(), everything),
    ...model.authorGroups.map((group) => new LazyEntry(group.author.url, newestOf(group.articles))),
    new LazyEntry(routes.search(), everything),
  ];
  const articles: SitemapEntry[] = model.articles.map((article) => new ArticleEntry(article)).reverse();
  return { articles, pages };
}

function urlset(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `<url>${element("loc", absoluteUrl(baseUrl, entry.url))}${element("lastmod", entry.lastmod.toISOString())}</url>`,
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, "</urlset>", ""].join("\n");
}

/** A sitemap file's URLs before they are written. */
interface SitemapPart {
  url: string;
  entries: readonly SitemapEntry[];
}

/**
 * The parts of a sitemap index: archive files of half the limit of articles
 * each, counted from the oldest (`/sitemaps/articles-N.xml`), which a
 * publication leaves as they are; then the newest file
 * (`/sitemaps/newest.xml`): the site's other pages and the articles after
 * the last whole archive file. Half: so that those (fewer than half the
 * limit) and the site's pages fit one file, unless the pages alone are more
 * than half the limit (then `newest-2.xml`, ...).
 */
function sitemapParts({ articles, pages }: SitemapSections, limit: number): SitemapPart[] {
  const perArchive = Math.max(1, Math.floor(limit / 2));
  const archived = Math.floor(articles.length / perArchive) * perArchive;
  const parts: SitemapPart[] = [];
  for (let start = 0; start < archived; start += perArchive) {
    parts.push({ url: `/sitemaps/articles-${parts.length + 1}.xml`, entries: articles.slice(start, start + perArchive) });
  }
  const rest = [...pages, ...articles.slice(archived)];
  for (let start = 0, count = 1; start < rest.length; start += limit, count++) {
    parts.push({ url: count === 1 ? "/sitemaps/newest.xml" : `/sitemaps/newest-${count}.xml`, entries: rest.slice(start, start + limit) });
  }
  return parts;
}

/**
 * `/sitemap.xml`; past 50,000 URLs it becomes a sitemap index over parts of
 * at most 50,000 URLs each (see sitemapParts), of which a publication
 * changes the newest and the index.
 */
export function sitemapFiles(baseUrl: string, sections: SitemapSections, limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (sections.pages.length + sections.articles.length <= limit) {
    const entries = () => [...sections.pages, ...[...sections.articles].reverse()];
    return [sitemapFile(routes.sitemap(), () => urlset(baseUrl, entries()), () => inputsOf(baseUrl, entries()))];
  }
  const parts = sitemapParts(sections, limit);
  const latest = (entries: readonly SitemapEntry[]) => latestOf(entries, (entry) => entry.lastmod);
  const index = () =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...parts.map((part) => `<sitemap>${element("loc", absoluteUrl(baseUrl, part.url))}${element("lastmod", latest(part.entries).toISOString())}</sitemap>`),
      "</sitemapindex>",
      "",
    ].join("\n");
  const indexInputs = () => [baseUrl, parts.map((part) => [part.url, latest(part.entries).getTime()])];
  return [sitemapFile(routes.sitemap(), index, indexInputs), ...parts.map((part) => sitemapFile(part.url, () => urlset(baseUrl, part.entries), () => inputsOf(baseUrl, part.entries)))];
}

/** What a urlset is written from: the base URL, and each entry's URL and time, in order. */
function inputsOf(baseUrl: string, entries: readonly SitemapEntry[]): unknown {
  return [baseUrl, entries.map((entry) => [entry.url, entry.lastmod.getTime()])];
}

/** A sitemap file whose XML, and what it is made from, are each worked out when first read, then kept. */
function sitemapFile(url: string, render: () => string, inputsOf: () => unknown): SitemapFile {
  let xml: string | undefined;
  let inputs: { value: unknown } | undefined;
  return {
    url,
    get xml() {
      return (xml ??= render());
    },
    get inputs() {
      return (inputs ??= { value: inputsOf() }).value;
    },
  };
}

/**
 * Google News sitemap: the articles published in the two days before `now`,
 * newest first, each with its `news:news` (`articles` newest first, as the
 * site model holds them). On a quiet day, with none that
 * recent, it lists the newest article without `news:news`, as Google's
 * guidelines allow for articles past two days
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * an empty `urlset` breaks the sitemaps.org schema, and a file that comes
 * and goes would have Search Console report the submitted sitemap missing.
 * Before the first article, it lists the home page.
 */
export function renderNewsSitemap(model: Pick<SiteModel, "site" | "articles">, now: Date): string {
  const { articles } = model;
  const nowTime = now.getTime();
  const since = nowTime - NEWS_SITEMAP_MAX_AGE_MS;
  // The model's articles are newest first: those scheduled after `now` (a preview's) lead, then the recent ones.
  // Only those are read, not the whole archive: filtering 100,000 articles took a quarter of a second of every plan.
  let first = 0;
  while (first < articles.length && articles[first]!.publishedAt.getTime() > nowTime) first++;
  const recent: Article[] = [];
  for (let at = first; at < articles.length && recent.length < NEWS_SITEMAP_LIMIT && articles[at]!.publishedAt.getTime() >= since; at++) recent.push(articles[at]!);
  const urls = recent.length > 0 ? recent.map((article) => newsUrl(model.site, article)) : [quietDayUrl(model.site.baseUrl, articles[first])];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

function newsUrl(site: SiteModel["site"], article: Article): string {
  // Google wants ISO 639 codes: "en", not "en-GB" (but zh-cn / zh-tw keep the region).
  const language = /^zh-(cn|tw)$/i.test(site.language) ? site.language.toLowerCase() : site.language.split("-")[0]!.toLowerCase();
  return [
    "<url>",
    element("loc", absoluteUrl(site.baseUrl, article.url)),
    "<news:news>",
    `<news:publication>${element("news:name", site.name)}${element("news:language", language)}</news:publication>`,
    element("news:publication_date", article.publishedAt.toISOString()),
    element("news:title", article.title),
    "</news:news>",
    "</url>",
  ].join("");
}

/** The newest article as a plain sitemap URL, or the home page when there is none. */
function quietDayUrl(baseUrl: string, newest: Article | undefined): string {
  if (!newest) return `<url>${element("loc", absoluteUrl(baseUrl, routes.home()))}</url>`;
  return `<url>${element("loc", absoluteUrl(baseUrl, newest.url))}${element("lastmod", changedAt(newest).toISOString())}</url>`;
}

/** Names both sitemaps: the news sitemap exists every day (see renderNewsSitemap). */
export function renderRobotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${absoluteUrl(baseUrl, routes.sitemap())}`,
    `Sitemap: ${absoluteUrl(baseUrl, routes.newsSitemap())}`,
    "",
  ].join("\n");
}
