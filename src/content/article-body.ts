import type { Article } from "./model.ts";

/** An article but its body. */
export type ArticleFields = Omit<Article, "bodyHtml" | "bodyHash">;

/** A rendered body as an article holds it: a reader (it waits in the spool, not on the heap) and its hash. */
export interface StoredBody {
  readHtml: () => string;
  /** `htmlHash` of the HTML (src/markdown/html-hash.ts). */
  hash: string;
}

/** Where an article keeps its body's reader: not enumerable, so no copy or JSON carries it. */
const BODY = Symbol("body");

/**
 * An article whose `bodyHtml` is read back on each access. Its JSON, which
 * the page keys hash (src/site-builder/page-keys.ts), carries `bodyHash` in place
 * of the body: keying every page used to read and hash every body again.
 *
 * Every article gets its properties in the same way and order, with the same
 * getter and `toJSON` functions, so that articles share V8's hidden classes.
 * A getter written in a literal after a spread gave each article a class of
 * its own, and every read of an article's property then missed V8's caches:
 * reading one property of 10,000 articles took 13-21 ms instead of 3-7
 * (bench/site-model.ts). The fields are copied by name, not in a loop over
 * the keys: V8 gives an object more than a dozen properties added by a
 * computed key a hash table instead of a hidden class, and every article
 * with an update (a fifth of them) lost its class that way.
 */
export function articleWithBody(fields: ArticleFields, body: StoredBody): Article {
  // In the order buildArticle (src/assembly/build-articles.ts) writes them: the order of the article's JSON.
  const article: Record<string, unknown> = { id: fields.id, slug: fields.slug, url: fields.url, sourcePath: fields.sourcePath, title: fields.title, dek: fields.dek, authors: fields.authors, publishedAt: fields.publishedAt };
  // An article without an update or audio has no such property, rather than one set to undefined.
  if (fields.updatedAt !== undefined) article.updatedAt = fields.updatedAt;
  article.corrections = fields.corrections;
  article.tags = fields.tags;
  article.related = fields.related;
  article.aliases = fields.aliases;
  article.hero = fields.hero;
  article.bodyImages = fields.bodyImages;
  if (fields.audio !== undefined) article.audio = fields.audio;
  article.isFeatured = fields.isFeatured;
  article.isDraft = fields.isDraft;
  article.isScheduled = fields.isScheduled;
  article.wordCount = fields.wordCount;
  article.readingMinutes = fields.readingMinutes;
  Object.defineProperty(article, "bodyHtml", { get: readBody, enumerable: true, configurable: true });
  article.bodyHash = body.hash;
  // Not enumerable, so a copy does not inherit them: `{ ...article, bodyHtml }`
  // holds its body as a value, and its JSON shows that body.
  Object.defineProperty(article, BODY, { value: body });
  Object.defineProperty(article, "toJSON", { value: jsonWithoutBody });
  return article as unknown as Article;
}

function readBody(this: { [BODY]: StoredBody }): string {
  return this[BODY].readHtml();
}

function jsonWithoutBody(this: Article): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  // By key, not entries: reading `bodyHtml` is what this avoids.
  for (const key of Object.keys(this)) if (key !== "bodyHtml") json[key] = this[key as keyof Article];
  return json;
}
