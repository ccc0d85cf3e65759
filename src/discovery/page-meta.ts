import type { SiteSettings } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import type { FeedUrls } from "../feeds/feed-model.ts";
import { SITE_CARD } from "./brand-images.ts";
import type { JsonLd } from "./structured-data.ts";

export interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface FeedLink {
  title: string;
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
  url: string;
}

/** What a page tells search engines, feed readers and social networks about itself. */
export interface PageMeta {
  title: string;
  description: string;
  /** Root-relative URL of the page: its canonical address. */
  path: string;
  type: "website" | "article" | "profile";
  image: SocialImage;
  article?: { publishedAt: Date; updatedAt?: Date; authorUrls: string[]; tags: string[]; section?: string };
  feeds: FeedLink[];
  jsonLd: JsonLd[];
}

/** Feed links for one scope, in the order readers' tools pick the first. */
export function feedLinks(title: string, urls: FeedUrls): FeedLink[] {
  return [
    { title: `${title} (RSS)`, type: "application/rss+xml", url: urls.rss },
    { title: `${title} (Atom)`, type: "application/atom+xml", url: urls.atom },
    ...(urls.json ? [{ title: `${title} (JSON Feed)`, type: "application/feed+json" as const, url: urls.json }] : []),
  ];
}

/** A page with nothing special: the site card as its image, the site's feeds. */
export function defaultPageMeta(site: SiteSettings, page: { title: string; description: string; path: string }): PageMeta {
  return {
    ...page,
    type: "website",
    image: { ...SITE_CARD, alt: site.name },
    feeds: feedLinks(site.name, routes.siteFeeds()),
    jsonLd: [],
  };
}
