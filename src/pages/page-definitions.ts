import type { AuthorGroup } from "../collections/by-author.ts";
import type { Page } from "../collections/paginate.ts";
import type { Redirect, SiteModel, TagPage } from "../collections/site-model.ts";
import { redirectPagePath, renderRedirectPage, renderRedirectsFile } from "../feeds/redirects.ts";
import type { Article, SiteSettings, StandalonePage } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import { renderAtom } from "../feeds/atom.ts";
import { feedDocument, type FeedDocument, type FeedScope } from "../feeds/feed-model.ts";
import { renderJsonFeed } from "../feeds/json-feed.ts";
import { headerRules, renderHeaders } from "../feeds/headers.ts";
import { renderRss } from "../feeds/rss.ts";
import { renderNewsSitemap, renderRobotsTxt, type SitemapFile } from "../feeds/sitemap.ts";

/**
 * The site's pages that are not articles: which layout renders them (or
 * which function, for feeds and sitemaps), at which URL, over which data.
 * Layouts live in `layouts/`; these definitions are code, so editorial
 * folders hold none.
 */
export interface PageDefinition {
  /** The layout entry in `layouts/` that renders an HTML page. */
  layout?: string;
  /** Renders a non-HTML file (feed, sitemap) from the page's data. */
  render?: (data: PageData & Record<string, unknown>) => string;
  data: Record<string, unknown>;
}

export interface PageData {
  newsroom: SiteModel;
}

const writeFeed = (document: FeedDocument, format: "rss" | "atom" | "json"): string =>
  format === "rss" ? renderRss(document) : format === "atom" ? renderAtom(document) : renderJsonFeed(document);

/** One of the site's own feeds: the newest articles in full. */
const feedFile = (scopeOf: (data: PageData & Record<string, unknown>) => FeedScope, format: "rss" | "atom" | "json"): Pick<PageDefinition, "render"> => ({
  render: (data) => {
    const scope = scopeOf(data);
    return writeFeed(feedDocument(data.newsroom.site, scope, scope.urls[format] ?? ""), format);
  },
});

const notInCollections = { eleventyExcludeFromCollections: true };

/** The definitions with one RSS or Atom feed per tag or per author: which scopes and which format (the build keys their files by document, see src/site-builder/output-plan.ts). */
export const SCOPED_FEEDS = {
  tagRss: { scopes: "tags", format: "rss" },
  tagAtom: { scopes: "tags", format: "atom" },
  authorRss: { scopes: "authors", format: "rss" },
  authorAtom: { scopes: "authors", format: "atom" },
} as const;

/** Each scope's feed documents, by format, for the site they were built for. */
const scopedDocuments = new WeakMap<FeedScope, { site: SiteSettings; documents: Partial<Record<"rss" | "atom", FeedDocument>> }>();

/**
 * A tag's or author's feed: headlines, not bodies (the site's feeds carry
 * those; see the README's feed decision). The build keys the feed's file by
 * this document, so a change it does not show (a body) keeps the file.
 * Built once per scope and format: the key and the file are made from the
 * same document. Scopes belong to one loaded model, so a reload (the dev
 * server's) starts afresh.
 */
export function scopedFeedDocument(site: SiteSettings, scope: FeedScope, format: "rss" | "atom"): FeedDocument {
  let built = scopedDocuments.get(scope);
  if (built?.site !== site) scopedDocuments.set(scope, (built = { site, documents: {} }));
  return (built.documents[format] ??= feedDocument(site, scope, scope.urls[format], { bodies: false }));
}

/** One RSS or Atom feed per tag or per author, paginated over the model's feed scopes. */
function feedPerScope(scopes: "tags" | "authors", format: "rss" | "atom"): PageDefinition {
  return {
    render: (data) => writeFeed(scopedFeedDocument(data.newsroom.site, data.feed as FeedScope, format), format),
    data: {
      pagination: { data: `newsroom.feeds.${scopes}`, size: 1, alias: "feed" },
      permalink: (data: { feed: FeedScope }) => data.feed.urls[format],
      ...notInCollections,
    },
  };
}
/** Headlines in the light feed: enough to refill any news column. */
const HEADLINES_SIZE = 20;

export const pageDefinitions: Record<string, PageDefinition> = {
  // One page per article, paginated over the loaded model rather than one
  // Eleventy template per Markdown file (see README, Decisions: article pages).
  article: {
    layout: "article.11ty.tsx",
    data: {
      pagination: { data: "newsroom.articles", size: 1, alias: "article" },
      permalink: (data: { article: Article }) => data.article.url,
      ...notInCollections,
    },
  },
  home: { layout: "home.11ty.tsx", data: { permalink: routes.home() } },
  newsFeed: {
    layout: "news-feed.11ty.tsx",
    data: {
      pagination: { data: "newsroom.feedPages", size: 1, alias: "feedPage" },
      permalink: (data: { feedPage: Page<Article> }) => data.feedPage.url,
    },
  },
  tagIndex: { layout: "tag-index.11ty.tsx", data: { permalink: routes.tagIndex() } },
  tag: {
    layout: "tag.11ty.tsx",
    data: {
      pagination: { data: "newsroom.tagPages", size: 1, alias: "tagPage" },
      permalink: (data: { tagPage: TagPage }) => data.tagPage.url,
    },
  },
  authorIndex: { layout: "author-index.11ty.tsx", data: { permalink: routes.authorIndex() } },
  author: {
    layout: "author.11ty.tsx",
    data: {
      pagination: { data: "newsroom.authorGroups", size: 1, alias: "authorGroup" },
      permalink: (data: { authorGroup: AuthorGroup }) => data.authorGroup.author.url,
    },
  },
  search: { layout: "search.11ty.tsx", data: { permalink: routes.search() } },
  standalonePage: {
    layout: "page.11ty.tsx",
    data: {
      pagination: { data: "newsroom.pages", size: 1, alias: "standalonePage" },
      permalink: (data: { standalonePage: StandalonePage }) => data.standalonePage.url,
    },
  },
  notFound: { layout: "not-found.11ty.tsx", data: { permalink: "/404.html" } },

  rss: { ...feedFile((data) => data.newsroom.feeds.site, "rss"), data: { permalink: routes.siteFeeds().rss, ...notInCollections } },
  atom: { ...feedFile((data) => data.newsroom.feeds.site, "atom"), data: { permalink: routes.siteFeeds().atom, ...notInCollections } },
  jsonFeed: { ...feedFile((data) => data.newsroom.feeds.site, "json"), data: { permalink: routes.siteFeeds().json, ...notInCollections } },
  headlines: {
    render: (data) => {
      const scope = { ...data.newsroom.feeds.site, articles: data.newsroom.feeds.site.articles.slice(0, HEADLINES_SIZE) };
      // A few KB for the pages' freshness script, not every body.
      return renderJsonFeed(feedDocument(data.newsroom.site, scope, routes.headlinesFeed(), { bodies: false }));
    },
    data: { permalink: routes.headlinesFeed(), ...notInCollections },
  },
  tagRss: feedPerScope(SCOPED_FEEDS.tagRss.scopes, SCOPED_FEEDS.tagRss.format),
  tagAtom: feedPerScope(SCOPED_FEEDS.tagAtom.scopes, SCOPED_FEEDS.tagAtom.format),
  authorRss: feedPerScope(SCOPED_FEEDS.authorRss.scopes, SCOPED_FEEDS.authorRss.format),
  authorAtom: feedPerScope(SCOPED_FEEDS.authorAtom.scopes, SCOPED_FEEDS.authorAtom.format),

  sitemap: {
    render: (data) => (data.sitemapFile as SitemapFile).xml,
    data: {
      pagination: { data: "newsroom.sitemapFiles", size: 1, alias: "sitemapFile" },
      permalink: (data: { sitemapFile: SitemapFile }) => data.sitemapFile.url,
      ...notInCollections,
    },
  },
  newsSitemap: {
    render: (data) => renderNewsSitemap(data.newsroom, data.newsroom.builtAt),
    data: { permalink: routes.newsSitemap(), ...notInCollections },
  },
  redirectsFile: {
    render: (data) => renderRedirectsFile(data.newsroom.redirects),
    data: { permalink: "/_redirects", ...notInCollections },
  },
  redirectPage: {
    render: (data) => renderRedirectPage(data.redirect as Redirect, data.newsroom.site),
    data: {
      pagination: { data: "newsroom.redirects", size: 1, alias: "redirect" },
      permalink: (data: { redirect: Redirect }) => redirectPagePath(data.redirect),
      ...notInCollections,
    },
  },
  hostHeaders: {
    render: (data) => renderHeaders(headerRules(data.newsroom.pages.map((page) => page.url))),
    data: { permalink: "/_headers", ...notInCollections },
  },
  robots: {
    render: (data) => renderRobotsTxt(data.newsroom.site.baseUrl),
    data: { permalink: "/robots.txt", ...notInCollections },
  },
};
