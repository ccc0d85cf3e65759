/** The site's URL scheme, in one place. URLs are stable: changing one breaks every link to it. */
export const routes = {
  home: () => "/",
  article: (slug: string) => `/news/${slug}/`,
  /** The news feed's front page (the newest stories), or its numbered page N, counted from the oldest: see src/collections/paginate.ts. */
  newsFeed: (page?: number) => (page === undefined ? "/news-feed/" : `/news-feed/page/${page}/`),
  tagIndex: () => "/tags/",
  /** A tag's front page, or its numbered page N (as the news feed's). */
  tag: (slug: string, page?: number) => (page === undefined ? `/tags/${slug}/` : `/tags/${slug}/page/${page}/`),
  authorIndex: () => "/authors/",
  author: (id: string) => `/authors/${id}/`,
  search: () => "/search/",
  /** A standalone page, content/pages/<id>.md: /about/, /corrections/. */
  page: (id: string) => `/${id}/`,
  siteFeeds: () => ({ rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json" }),
  /** A light JSON Feed of the latest headlines, for pages refreshing their news column. */
  headlinesFeed: () => "/headlines.json",
  tagFeeds: (slug: string) => ({ rss: `/tags/${slug}/feed.xml`, atom: `/tags/${slug}/atom.xml` }),
  authorFeeds: (id: string) => ({ rss: `/authors/${id}/feed.xml`, atom: `/authors/${id}/atom.xml` }),
  sitemap: () => "/sitemap.xml",
  newsSitemap: () => "/news-sitemap.xml",
} as const;


/** Where a masthead or footer link leads. */
export function siteLinkUrl(link: { tag: string } | { page: string } | { url: string }): string {
  return "tag" in link ? routes.tag(link.tag) : "page" in link ? routes.page(link.page) : link.url;
}

/**
 * A site path as the published file's: "/news/x" and "/news/x/index.html"
 * are "/news/x/" (static hosts serve a folder's index), percent-escapes read.
 */
export function normalizedSitePath(sitePath: string): string {
  let decoded = sitePath;
  try {
    decoded = decodeURI(sitePath);
  } catch {
    // An escape that is not UTF-8: compare as written.
  }
  if (decoded.endsWith("/index.html")) return decoded.slice(0, -"index.html".length);
  const last = decoded.slice(decoded.lastIndexOf("/") + 1);
  return last !== "" && !last.includes(".") ? `${decoded}/` : decoded;
}
