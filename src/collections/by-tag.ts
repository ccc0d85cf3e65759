import type { Article, Tag } from "../content/model.ts";

export interface TagGroup {
  tag: Tag;
  /** Newest first. */
  articles: Article[];
}

/** Every tag with its articles, most used first, then alphabetically. */
export function articlesByTag(articles: readonly Article[]): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const article of articles) {
    for (const tag of article.tags) {
      let group = groups.get(tag.slug);
      if (!group) groups.set(tag.slug, (group = { tag, articles: [] }));
      group.articles.push(article);
    }
  }
  return [...groups.values()].sort((a, b) => b.articles.length - a.articles.length || a.tag.slug.localeCompare(b.tag.slug));
}
