import type { Article, SiteSettings } from "../content/model.ts";
import { largestJpeg } from "../discovery/article-images.ts";
import { absoluteUrl, absolutizeHtml } from "./absolute-urls.ts";
import { FEED_BODY_LIMITS, fullBodies, readFullStoryHtml, type BodyLimits } from "./full-bodies.ts";

/** How many entries a feed carries. */
export const FEED_SIZE = 50;

/** What one feed is about: the whole site, a tag or an author. */
export interface FeedScope {
  title: string;
  description: string;
  /** The HTML page the feed mirrors, root-relative. */
  pageUrl: string;
  /** Root-relative URLs of this scope's feeds. */
  urls: FeedUrls;
  /** Newest first; the feed keeps the first FEED_SIZE. */
  articles: readonly Article[];
}

export interface FeedUrls {
  rss: string;
  atom: string;
  json?: string;
}

/** Everything a feed format needs, with absolute URLs, in one shape. */
export interface FeedDocument {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  selfUrl: string;
  /** Newest change of any entry: keeps output independent of the clock. */
  updated: Date;
  entries: FeedEntry[];
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  /**
   * The whole body with absolute URLs, or the dek and a link to the story
   * when the body is past the feeds' limits (full-bodies.ts); absent from a
   * feed of headlines (see feedDocument).
   */
  contentHtml?: string;
  published: Date;
  updated: Date;
  authors: { name: string; url: string }[];
  categories: { term: string; label: string }[];
  /** The hero's largest JPEG; absent for a text-only article. */
  image?: { url: string; width: number; height: number; alt: string; credit?: string; mimeType: string };
}

/**
 * A scope's feed. With `bodies: false` its entries are headlines (title,
 * dek, hero, authors, tags) without the body: what tags' and authors' feeds
 * and the pages' light headlines feed carry. With bodies, each body within
 * `bodyLimits` is carried whole.
 */
export function feedDocument(
  site: SiteSettings,
  scope: FeedScope,
  selfUrl: string,
  { bodies = true, bodyLimits = FEED_BODY_LIMITS }: { bodies?: boolean; bodyLimits?: BodyLimits } = {},
): FeedDocument {
  const base = site.baseUrl;
  const articles = scope.articles.slice(0, FEED_SIZE);
  const entries = bodies ? entriesWithBodies(base, articles, bodyLimits) : articles.map((article) => headlineEntry(base, article));
  const updated = entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), new Date(0));
  return {
    title: scope.title,
    description: scope.description,
    language: site.language,
    homeUrl: absoluteUrl(base, scope.pageUrl),
    selfUrl: absoluteUrl(base, selfUrl),
    updated,
    entries,
  };
}

/**
 * Each article's headline entry, for the base URL it was made with: an
 * article is in several feeds (its tags', its authors', in RSS and Atom),
 * all carrying the same entry object. Feed writers only read entries.
 */
const headlineEntries = new WeakMap<Article, { base: string; entry: FeedEntry }>();

function headlineEntry(base: string, article: Article): FeedEntry {
  const known = headlineEntries.get(article);
  if (known?.base === base) return known.entry;
  const entry = feedEntry(base, article);
  headlineEntries.set(article, { base, entry });
  return entry;
}

function entriesWithBodies(base: string, articles: readonly Article[], limits: BodyLimits): FeedEntry[] {
  const bodies = articles.map((article) => absolutizeHtml(article.bodyHtml, base));
  const isWhole = fullBodies(bodies.map((body) => Buffer.byteLength(body)), limits);
  return articles.map((article, i) =>
    feedEntry(base, article, isWhole[i] ? bodies[i] : readFullStoryHtml(article.dek, absoluteUrl(base, article.url))),
  );
}

function feedEntry(base: string, article: Article, contentHtml?: string): FeedEntry {
  const url = absoluteUrl(base, article.url);
  const { hero } = article;
  const image = hero ? largestJpeg(hero) : undefined;
  return {
    id: url,
    url,
    title: article.title,
    summary: article.dek,
    ...(contentHtml === undefined ? {} : { contentHtml }),
    published: article.publishedAt,
    updated: article.updatedAt ?? article.publishedAt,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(base, author.url) })),
    categories: article.tags.map((tag) => ({ term: tag.slug, label: tag.label })),
    ...(hero && image
      ? {
          image: {
            url: absoluteUrl(base, image.url),
            width: image.width,
            height: image.height,
            alt: hero.alt,
            ...(hero.credit ? { credit: hero.credit } : {}),
            mimeType: "image/jpeg",
          },
        }
      : {}),
  };
}
