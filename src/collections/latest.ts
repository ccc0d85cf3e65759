import type { Article } from "../content/model.ts";

export interface ListOptions {
  limit: number;
  /** Ids left out, e.g. the article being read or the lead story. */
  excludeIds?: readonly string[];
}

/** The newest articles; input must be newest first (as loadContent returns it). */
export function latestArticles(articles: readonly Article[], { limit, excludeIds = [] }: ListOptions): Article[] {
  const result: Article[] = [];
  for (const article of articles) {
    if (result.length >= limit) break;
    if (!excludeIds.includes(article.id)) result.push(article);
  }
  return result;
}

/** Editors' picks (`featured: true`), newest first. */
export function editorsPicks(articles: readonly Article[], options: ListOptions): Article[] {
  return latestArticles(articles.filter((article) => article.isFeatured), options);
}
