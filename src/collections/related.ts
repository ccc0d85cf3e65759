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

  const sharedTags = new Map<string, { article: Article; count: number }>();
  for (const tag of article.tags) {
    for (const other of context.byTag.get(tag.slug) ?? []) {
      if (seen.has(other.id)) continue;
      const entry = sharedTags.get(other.id);
      if (entry) entry.count++;
      else sharedTags.set(other.id, { article: other, count: 1 });
    }
  }
  const candidates = [...sharedTags.values()].sort(
    (a, b) => b.count - a.count || b.article.publishedAt.getTime() - a.article.publishedAt.getTime() || a.article.id.localeCompare(b.article.id),
  );
  for (const { article: other } of candidates.slice(0, limit - items.length)) items.push({ kind: "article", article: other });
  return items;
}
