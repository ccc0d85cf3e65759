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

export { normalizedSitePath } from "../content/routes.ts";
