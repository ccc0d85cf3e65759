import path from "node:path";
import * as pagefind from "pagefind";

/** Pagefind indexes only pages that mark their searchable part, when any page does. */
const SEARCHABLE = "data-pagefind-body";

/**
 * The site's Pagefind index, fed each page as Eleventy renders it. Pagefind
 * runs in its own process, so indexing overlaps Eleventy's rendering on the
 * other core, and no page is read back from disk (at 10,000 articles,
 * indexing the written folder afterwards took about as long as Eleventy).
 */
export class SearchIndex {
  readonly #index: pagefind.PagefindIndex;
  readonly #pending: Promise<void>[] = [];
  readonly #errors: string[] = [];

  private constructor(index: pagefind.PagefindIndex) {
    this.#index = index;
  }

  static async open(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`internal error, please report: search index: ${errors.join("; ")}`);
    return new SearchIndex(index);
  }

  /**
   * Adds a rendered page (the pages that mark a searchable part: the
   * articles). Handing a page to Pagefind (JSON, base64, a pipe) is paid per
   * byte, so only what Pagefind would read is sent, and after the current
   * page is written rather than inside Eleventy's transform.
   */
  add(url: string, html: string): void {
    const searchable = searchablePart(html);
    if (!searchable) return;
    this.#pending.push(
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.#index.addHTMLFile({ url, content: searchable }))
        .then(({ errors }) => {
          this.#errors.push(...errors);
        }),
    );
  }

  /** Waits for every page and writes the index to `<siteDir>/pagefind/`. */
  async write(siteDir: string): Promise<void> {
    try {
      await Promise.all(this.#pending);
      if (this.#errors.length > 0) throw new Error(`internal error, please report: search index: ${this.#errors.join("; ")}`);
      const result = await this.#index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
      if (result.errors.length > 0) throw new Error(`internal error, please report: search index: ${result.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  }

  /** Stops Pagefind without writing (a failed build). */
  async discard(): Promise<void> {
    await Promise.allSettled(this.#pending);
    await pagefind.close();
  }
}

/**
 * The part of a page Pagefind indexes, as a document of its own: the element
 * marked `data-pagefind-body` (headline, byline filters, hero, body) under the
 * page's `<html lang>`. Everything Pagefind reads (title from the first h1,
 * image, filters, sort) is inside that element, so the index is the same as
 * for the whole page, for a third of the bytes. Undefined for pages without it.
 */
export function searchablePart(html: string): string | undefined {
  const marker = html.indexOf(SEARCHABLE);
  if (marker === -1) return undefined;
  const start = html.lastIndexOf("<", marker);
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start, marker))?.[1];
  if (!tag) return undefined;
  // Our own markup: find the element's closing tag, counting nested ones of the same name.
  const opening = new RegExp(`<${tag}[\\s>]|</${tag}>`, "gi");
  opening.lastIndex = start + 1;
  let depth = 1;
  let end = -1;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    depth += match[0].startsWith("</") ? -1 : 1;
    if (depth === 0) {
      end = match.index + match[0].length;
      break;
    }
  }
  if (end === -1) return undefined;
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"></head><body>${html.slice(start, end)}</body></html>`;
}
