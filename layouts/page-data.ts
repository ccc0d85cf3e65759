import type { SiteModel } from "../src/collections/site-model.ts";

/** What Eleventy passes every layout entry: our site model and the page's own URL. */
export interface EleventyPageData {
  newsroom: SiteModel;
  page: { url: string };
}

/**
 * The date that stands for "now" in rendered pages: the newest article's.
 * Using the clock would make two builds of the same content differ.
 */
export function referenceDate(model: SiteModel): Date {
  return model.articles[0]?.publishedAt ?? new Date(0);
}

/** Shared props every page passes to `Document`. */
export function documentProps(data: EleventyPageData, title: string, description: string, bodyClass: string) {
  const site = data.newsroom.site;
  return { site, title, description, url: data.page.url, year: referenceDate(data.newsroom).getUTCFullYear(), bodyClass };
}
