import type { ExternalLink } from "../content/article-schema.ts";
import type { Article } from "../content/model.ts";

export type RelatedItem = { kind: "article"; article: Article } | ({ kind: "link" } & ExternalLink);

/**
 * What "Related" shows under an article: the editor's explicit list first, in
 * their order, then filled up to `limit` with the articles sharing the most
 * tags (newest first among equals). `byTag` maps tag slug to articles.
 */
export function relatedArticles(
  article: Article,
  context: { byId: ReadonlyMap<string, Article>; byTag: ReadonlyMap<string, readonly Article[]> },
  limit = 3,
): RelatedItem[] {
  const items: RelatedItem[] = [];
  const seen = new Set([article.id]);
  for (const entry of article.related) {
    if ("url" in entry) {
      items.push({ kind: "link", title: entry.title, url: entry.url });
    } else {
      const target = context.byId.get(entry.id);
      if (target && !seen.has(target.id)) {
        items.push({ kind: "article", article: target });
        seen.add(target.id);
      }
    }
  }
  if (items.length >= limit) return items;

  // Shared-tag counts over every article of the article's tags, then the best
  // few picked in one pass: sorting every candidate (thousands per article
  // in a large archive) made this the costliest part of page rendering.
  const sharedTags = new Map<Article, number>();
  for (const tag of article.tags) {
    for (const other of context.byTag.get(tag.slug) ?? []) {
      if (!seen.has(other.id)) sharedTags.set(other, (sharedTags.get(other) ?? 0) + 1);
    }
  }
  const ranksBefore = (a: Article, countA: number, b: Article, countB: number) =>
    countA !== countB
      ? countA > countB
      : a.publishedAt.getTime() !== b.publishedAt.getTime()
        ? a.publishedAt.getTime() > b.publishedAt.getTime()
        : a.id.localeCompare(b.id) < 0;
  const best: { article: Article; count: number }[] = [];
  const wanted = limit - items.length;
  for (const [other, count] of sharedTags) {
    if (best.length === wanted && !ranksBefore(other, count, best[wanted - 1]!.article, best[wanted - 1]!.count)) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(other, count, best[at - 1]!.article, best[at - 1]!.count)) at--;
    best.splice(at, 0, { article: other, count });
    if (best.length > wanted) best.pop();
  }
  for (const { article: other } of best) items.push({ kind: "article", article: other });
  return items;
}
