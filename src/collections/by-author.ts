import type { Article, Author } from "../content/model.ts";

export interface AuthorGroup {
  author: Author;
  /** Newest first; empty for an author who has not published yet. */
  articles: Article[];
}

/** Every author with their articles, in the order of `authors`. */
export function articlesByAuthor(articles: readonly Article[], authors: ReadonlyMap<string, Author>): AuthorGroup[] {
  const groups = new Map<string, AuthorGroup>([...authors.values()].map((author) => [author.id, { author, articles: [] }]));
  for (const article of articles) {
    for (const ref of article.authors) groups.get(ref.id)?.articles.push(article);
  }
  return [...groups.values()];
}
