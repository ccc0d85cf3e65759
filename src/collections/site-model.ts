import type { Article, Author, Content, ScheduledArticle, SiteSettings, StandalonePage, Tag } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import { articlesByAuthor, type AuthorGroup } from "./by-author.ts";
import { articlesByTag, type TagGroup } from "./by-tag.ts";
import { editorsPicks } from "./latest.ts";
import { paginate, type Page } from "./paginate.ts";
import { relatedArticles, type RelatedItem } from "./related.ts";
import type { FeedScope } from "../feeds/feed-model.ts";
import { sitemapEntries, sitemapFiles, type SitemapFile } from "../feeds/sitemap.ts";

export const SIDE_FEED_SIZE = 8;
export const PICKS_SIZE = 4;

/** A page of a tag's listing; only its front page counts the tag's stories (numbered pages stay as they are when one is published). */
export type TagPage = Page<Article> & { tag: Tag; articleCount?: number };

export interface Redirect {
  from: string;
  to: string;
}

/** Everything the layouts need, computed once per build from the loaded content. */
export interface SiteModel {
  site: SiteSettings;
  isPreview: boolean;
  /** When this build ran; only the Google News sitemap depends on it. */
  builtAt: Date;
  articles: Article[];
  authors: ReadonlyMap<string, Author>;
  /** Standalone pages (About, Corrections policy). */
  pages: readonly StandalonePage[];
  /** Old addresses and where each now is (the content's `aliases`), in path order. */
  redirects: readonly Redirect[];
  /** Articles held back until their date, soonest first. */
  scheduled: readonly ScheduledArticle[];
  /** Editors' picks, newest first. */
  picks: Article[];
  tagGroups: TagGroup[];
  authorGroups: AuthorGroup[];
  /** The news feed's front page, then its numbered pages (src/collections/paginate.ts). */
  feedPages: Page<Article>[];
  /** Each tag's front page, then its numbered pages. */
  tagPages: TagPage[];
  relatedTo(article: Article): RelatedItem[];
  feeds: { site: FeedScope; tags: FeedScope[]; authors: FeedScope[] };
  /** sitemap.xml, or a sitemap index and its parts past 50,000 URLs. */
  sitemapFiles: SitemapFile[];
}

export function buildSiteModel(content: Content, options: { isPreview: boolean; builtAt: Date }): SiteModel {
  const { site, articles, authors } = content;
  // Each list is made on first use: the dev server renders a saved article's
  // page before anything else, and that page reads only a few of them.
  const byId = once(() => new Map(articles.map((article) => [article.id, article])));
  const tagGroups = once(() => articlesByTag(articles));
  const byTag = once(() => new Map(tagGroups().map((group) => [group.tag.slug, group.articles])));
  const authorGroups = once(() => articlesByAuthor(articles, authors));
  const feedPages = once(() => paginate(articles, site.pageSizes.newsFeed, { front: routes.newsFeed(), page: (page) => routes.newsFeed(page) }));
  const tagPages = once(() =>
    tagGroups().flatMap(({ tag, articles: tagged }) =>
      paginate(tagged, site.pageSizes.tag, { front: routes.tag(tag.slug), page: (page) => routes.tag(tag.slug, page) }).map(
        (page): TagPage => (page.pageNumber === undefined ? { ...page, tag, articleCount: tagged.length } : { ...page, tag }),
      ),
    ),
  );
  const sitemaps = once(() => sitemapFiles(site.baseUrl, sitemapEntries({ articles, pages: content.pages, feedPages: feedPages(), tagPages: tagPages(), authorGroups: authorGroups() })));
  const feeds = once(() => ({
    site: {
      title: site.name,
      description: site.tagline ?? `The latest news from ${site.name}`,
      pageUrl: routes.home(),
      urls: routes.siteFeeds(),
      articles,
    },
    tags: tagGroups().map(({ tag, articles: tagged }) => ({
      title: `${tag.label} | ${site.name}`,
      description: `The latest ${tag.label} stories from ${site.name}`,
      pageUrl: tag.url,
      urls: routes.tagFeeds(tag.slug),
      articles: tagged,
    })),
    authors: authorGroups().map(({ author, articles: written }) => ({
      title: `${author.name} | ${site.name}`,
      description: `The latest stories by ${author.name} for ${site.name}`,
      pageUrl: author.url,
      urls: routes.authorFeeds(author.id),
      articles: written,
    })),
  }));
  const related = new Map<string, RelatedItem[]>();
  // Frozen: Eleventy passes frozen objects to every page by reference instead
  // of deep-copying them into each page's data (so it calls no getter either).
  return Object.freeze<SiteModel>({
    site,
    isPreview: options.isPreview,
    builtAt: options.builtAt,
    articles,
    authors,
    pages: content.pages,
    redirects: [...new Map(content.aliases.map((alias) => [alias.from, { from: alias.from, to: alias.to }])).values()].sort((a, b) => a.from.localeCompare(b.from)),
    scheduled: content.scheduled,
    picks: editorsPicks(articles, { limit: PICKS_SIZE }),
    get tagGroups() {
      return tagGroups();
    },
    get authorGroups() {
      return authorGroups();
    },
    get feedPages() {
      return feedPages();
    },
    get tagPages() {
      return tagPages();
    },
    get sitemapFiles() {
      return sitemaps();
    },
    get feeds() {
      return feeds();
    },
    relatedTo(article) {
      let items = related.get(article.id);
      if (!items) related.set(article.id, (items = relatedArticles(article, { byId: byId(), byTag: byTag() })));
      return items;
    },
  });
}

/** `compute`, called the first time its result is asked for. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: compute() }).value;
}
