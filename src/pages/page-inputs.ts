import type { AuthorGroup } from "../collections/by-author.ts";
import { articlePageLists } from "../collections/page-lists.ts";
import type { Page } from "../collections/paginate.ts";
import type { RelatedItem } from "../collections/related.ts";
import { SIDE_FEED_SIZE, type SiteModel, type TagPage } from "../collections/site-model.ts";
import type { Article, ArticleSummary } from "../content/model.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { dayKey } from "../format/dates.ts";

/**
 * What each page shows, and nothing else: the layouts in `layouts/` render a
 * page from its inputs alone, so a page whose inputs are unchanged renders
 * the same bytes and the build keeps it. The page definitions
 * (page-definitions.ts) hand these to the layouts.
 */

/** What Eleventy passes every layout entry: our site model and the page's own URL. */
export interface EleventyPageData {
  newsroom: SiteModel;
  /** Published URLs of public/ files (CSS and JS carry content hashes). */
  assets: AssetManifest;
  page: { url: string };
}

/**
 * The year the frame shows (the footer's copyright): the newest article's, in
 * the site's time zone. Using the clock would make two builds of the same
 * content differ; using the newest article's date itself made every page's
 * inputs change with every story, where the year changes once a year.
 * Nothing that depends on the reader's day is rendered: a page is read on
 * later days too (public/js/fresh-news.js labels the news column).
 */
export function frameYear(model: Pick<SiteModel, "articles" | "site">): number {
  const newest = model.articles[0];
  return newest ? Number(dayKey(newest.publishedAt, model.site.timeZone).slice(0, 4)) : 1970;
}

/** What every page's frame (`Document`) depends on. */
export interface PageFrame {
  site: SiteModel["site"];
  url: string;
  /** The footer's year (`frameYear`). */
  year: number;
  assets: AssetManifest;
}

export function pageFrame(data: EleventyPageData): PageFrame {
  return { site: data.newsroom.site, url: data.page.url, year: frameYear(data.newsroom), assets: data.assets };
}

/** One summary object per article and build, so pages share them (and the page keys hash each once); and each one's article. */
const summaries = new WeakMap<Article, ArticleSummary>();
const summarized = new WeakMap<object, Article>();
export function summaryOf(article: Article): ArticleSummary {
  let summary = summaries.get(article);
  if (!summary) {
    const { id, url, title, dek, publishedAt, hero, tags, authors } = article;
    summaries.set(article, (summary = { id, url, title, dek, publishedAt, hero, tags, authors }));
    summarized.set(summary, article);
  }
  return summary;
}

/** The article `value` is the summary of, when it is one (made by `summaryOf`). */
export function summarizedArticle(value: object): Article | undefined {
  return summarized.get(value);
}

/** "Related" as an article page shows it: other articles as summaries, links as they are. */
export type RelatedListItem = { kind: "article"; article: ArticleSummary } | Extract<RelatedItem, { kind: "link" }>;

const MORE_NEWS_SIZE = 4;
const PICKS_SHOWN = 3;

/** Everything an article page shows. */
export interface ArticlePageInputs extends PageFrame {
  article: Article;
  isPreview: boolean;
  /** Other articles appear as summaries: no list can show another article's body. */
  related: RelatedListItem[];
  sideFeed: ArticleSummary[];
  moreNews: ArticleSummary[];
  picks: ArticleSummary[];
}

export function articlePageInputs(data: EleventyPageData & { article: Article }): ArticlePageInputs {
  const model = data.newsroom;
  const { article } = data;
  const related = model.relatedTo(article);
  const lists = articlePageLists(article, related, model.articles, { moreNews: MORE_NEWS_SIZE, picks: PICKS_SHOWN, sideFeed: SIDE_FEED_SIZE });
  return {
    ...pageFrame(data),
    article,
    isPreview: model.isPreview,
    related: related.map((item) => (item.kind === "article" ? { kind: "article", article: summaryOf(item.article) } : item)),
    sideFeed: lists.sideFeed.map(summaryOf),
    moreNews: lists.moreNews.map(summaryOf),
    picks: lists.picks.map(summaryOf),
  };
}

/** Everything a tag page shows. */
export interface TagPageInputs extends PageFrame {
  tagPage: Omit<TagPage, "items"> & { items: ArticleSummary[] };
}

export function tagPageInputs(data: EleventyPageData & { tagPage: TagPage }): TagPageInputs {
  const { items, ...page } = data.tagPage;
  return { ...pageFrame(data), tagPage: { ...page, items: items.map(summaryOf) } };
}

/** Everything an author page shows. */
export interface AuthorPageInputs extends PageFrame {
  authorGroup: { author: AuthorGroup["author"]; articles: ArticleSummary[] };
}

export function authorPageInputs(data: EleventyPageData & { authorGroup: AuthorGroup }): AuthorPageInputs {
  const { author, articles } = data.authorGroup;
  return { ...pageFrame(data), authorGroup: { author, articles: articles.map(summaryOf) } };
}

/** Everything a page of the news feed shows. */
export interface NewsFeedPageInputs extends PageFrame {
  feedPage: Page<ArticleSummary>;
}

export function newsFeedPageInputs(data: EleventyPageData & { feedPage: Page<Article> }): NewsFeedPageInputs {
  const { items, ...page } = data.feedPage;
  return { ...pageFrame(data), feedPage: { ...page, items: items.map(summaryOf) } };
}
