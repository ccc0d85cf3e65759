import type { SiteModel } from "./site-model.ts";
import { routes } from "../content/routes.ts";
import { SITE_ICONS } from "../discovery/brand-images.ts";

/**
 * The site paths the build writes that content may link to: pages, feeds,
 * sitemaps and icons. Media files are checked where they are written
 * (content/audio/, content/video/), and derived images are no one's to link.
 */
export function publishedPaths(model: SiteModel): Set<string> {
  const paths = new Set<string>([
    routes.home(),
    routes.tagIndex(),
    routes.authorIndex(),
    routes.search(),
    "/404.html",
    "/robots.txt",
    routes.sitemap(),
    routes.newsSitemap(),
    routes.headlinesFeed(),
    ...Object.values(routes.siteFeeds()),
    ...Object.values(SITE_ICONS),
  ]);
  for (const article of model.articles) paths.add(article.url);
  for (const page of model.pages) paths.add(page.url);
  for (const page of model.feedPages) paths.add(page.url);
  for (const page of model.tagPages) paths.add(page.url);
  for (const group of model.authorGroups) paths.add(group.author.url);
  for (const scope of [...model.feeds.tags, ...model.feeds.authors]) for (const url of Object.values(scope.urls)) if (url) paths.add(url);
  for (const file of model.sitemapFiles) paths.add(file.url);
  return paths;
}

/**
 * A link's path as the published file's: "/news/x" and "/news/x/index.html"
 * are "/news/x/" (static hosts serve a folder's index), percent-escapes read.
 */
export function normalizedSitePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // An escape that is not UTF-8: compare as written.
  }
  if (decoded.endsWith("/index.html")) return decoded.slice(0, -"index.html".length);
  const last = decoded.slice(decoded.lastIndexOf("/") + 1);
  return last !== "" && !last.includes(".") ? `${decoded}/` : decoded;
}
