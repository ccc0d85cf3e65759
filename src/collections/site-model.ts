import type { Article, Author, Content, SiteSettings, Tag } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import { articlesByAuthor, type AuthorGroup } from "./by-author.ts";
import { articlesByTag, type TagGroup } from "./by-tag.ts";
import { editorsPicks, latestArticles } from "./latest.ts";
import { paginate, type Page } from "./paginate.ts";
import { relatedArticles, type RelatedItem } from "./related.ts";

export const SIDE_FEED_SIZE = 8;
export const PICKS_SIZE = 4;

export type TagPage = Page<Article> & { tag: Tag; articleCount: number };

/** Everything the layouts need, computed once per build from the loaded content. */
export interface SiteModel {
  site: SiteSettings;
  isPreview: boolean;
  articles: Article[];
  authors: ReadonlyMap<string, Author>;
  articlesBySource: ReadonlyMap<string, Article>;
  /** Newest first, for the "News feed" side column. */
  latest: Article[];
  picks: Article[];
  tagGroups: TagGroup[];
  authorGroups: AuthorGroup[];
  feedPages: Page<Article>[];
  tagPages: TagPage[];
  relatedTo(article: Article): RelatedItem[];
}

export function buildSiteModel(content: Content, options: { isPreview: boolean }): SiteModel {
  const { site, articles, authors } = content;
  const byId = new Map(articles.map((article) => [article.id, article]));
  const tagGroups = articlesByTag(articles);
  const byTag = new Map(tagGroups.map((group) => [group.tag.slug, group.articles]));
  const related = new Map<string, RelatedItem[]>();
  // Frozen: Eleventy passes frozen objects to every page by reference instead
  // of deep-copying them into each page's data.
  return Object.freeze<SiteModel>({
    site,
    isPreview: options.isPreview,
    articles,
    authors,
    articlesBySource: new Map(articles.map((article) => [article.sourcePath, article])),
    latest: latestArticles(articles, { limit: SIDE_FEED_SIZE }),
    picks: editorsPicks(articles, { limit: PICKS_SIZE }),
    tagGroups,
    authorGroups: articlesByAuthor(articles, authors),
    feedPages: paginate(articles, site.pageSizes.newsFeed, (page) => routes.newsFeed(page)),
    tagPages: tagGroups.flatMap((group) =>
      paginate(group.articles, site.pageSizes.tag, (page) => routes.tag(group.tag.slug, page)).map((page) => ({
        ...page,
        tag: group.tag,
        articleCount: group.articles.length,
      })),
    ),
    relatedTo(article) {
      let items = related.get(article.id);
      if (!items) related.set(article.id, (items = relatedArticles(article, { byId, byTag })));
      return items;
    },
  });
}
