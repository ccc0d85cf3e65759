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

  /** Adds a rendered page (the pages that mark a searchable part: the articles). */
  add(url: string, html: string): void {
    if (!html.includes(SEARCHABLE)) return;
    this.#pending.push(
      this.#index.addHTMLFile({ url, content: html }).then(({ errors }) => {
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
