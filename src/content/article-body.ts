import type { Article } from "./model.ts";

/** An article but its body. */
export type ArticleFields = Omit<Article, "bodyHtml" | "bodyHash">;

/** A rendered body as an article holds it: a reader (it waits in the spool, not on the heap) and its hash. */
export interface StoredBody {
  readHtml: () => string;
  /** `htmlHash` of the HTML (src/markdown/html-hash.ts). */
  hash: string;
}

/**
 * An article whose `bodyHtml` is read back on each access. Its JSON, which
 * the page keys hash (src/pages/page-reuse.ts), carries `bodyHash` in place
 * of the body: keying every page used to read and hash every body again.
 */
export function articleWithBody(fields: ArticleFields, body: StoredBody): Article {
  const article: Article = {
    ...fields,
    get bodyHtml() {
      return body.readHtml();
    },
    bodyHash: body.hash,
  };
  // Not enumerable, so a copy does not inherit it: `{ ...article, bodyHtml }`
  // holds its body as a value, and its JSON shows that body.
  Object.defineProperty(article, "toJSON", { value: jsonWithoutBody });
  return article;
}

function jsonWithoutBody(this: Article): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  // By key, not entries: reading `bodyHtml` is what this avoids.
  for (const key of Object.keys(this)) if (key !== "bodyHtml") json[key] = this[key as keyof Article];
  return json;
}
