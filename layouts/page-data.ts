import type { SiteModel } from "../src/collections/site-model.ts";
import type { Article, ArticleSummary } from "../src/content/model.ts";
import type { AssetManifest } from "../src/eleventy/static-assets.ts";
import { defaultPageMeta, type PageMeta } from "../src/discovery/page-meta.ts";

/** What Eleventy passes every layout entry: our site model and the page's own URL. */
export interface EleventyPageData {
  newsroom: SiteModel;
  /** Published URLs of public/ files (CSS and JS carry content hashes). */
  assets: AssetManifest;
  page: { url: string };
}

/**
 * The date that stands for "now" in rendered pages (the footer's year): the
 * newest article's. Using the clock would make two builds of the same content
 * differ. Nothing that depends on the reader's day is rendered from it: a page
 * is read on later days too (public/js/fresh-news.js labels the news column).
 */
export function referenceDate(model: SiteModel): Date {
  return model.articles[0]?.publishedAt ?? new Date(0);
}

/** What every page's frame (`Document`) depends on. */
export interface PageFrame {
  site: SiteModel["site"];
  url: string;
  referenceDate: Date;
  assets: AssetManifest;
}

export function pageFrame(data: EleventyPageData): PageFrame {
  return { site: data.newsroom.site, url: data.page.url, referenceDate: referenceDate(data.newsroom), assets: data.assets };
}

/** Shared props every page passes to `Document`; `meta` overrides the defaults. */
export function documentProps(data: EleventyPageData | PageFrame, title: string, description: string, bodyClass: string, meta: Partial<PageMeta> = {}) {
  const frame = "newsroom" in data ? pageFrame(data) : data;
  return {
    site: frame.site,
    meta: { ...defaultPageMeta(frame.site, { title, description, path: frame.url }), ...meta },
    year: frame.referenceDate.getUTCFullYear(),
    assets: frame.assets,
    bodyClass,
  };
}

/** One summary object per article and build, so pages share them (and the page cache hashes each once). */
const summaries = new WeakMap<Article, ArticleSummary>();
const madeSummaries = new WeakSet<object>();
export function summaryOf(article: Article): ArticleSummary {
  let summary = summaries.get(article);
  if (!summary) {
    const { id, url, title, dek, publishedAt, hero, tags, authors } = article;
    summaries.set(article, (summary = { id, url, title, dek, publishedAt, hero, tags, authors }));
    madeSummaries.add(summary);
  }
  return summary;
}

/** Whether `value` is a summary `summaryOf` made (the page cache hashes those once per build). */
export function isArticleSummary(value: unknown): value is ArticleSummary {
  return typeof value === "object" && value !== null && madeSummaries.has(value);
}
