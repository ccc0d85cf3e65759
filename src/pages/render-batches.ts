import type { SiteModel } from "../collections/site-model.ts";
import type { PageDefinition } from "./page-definitions.ts";

/**
 * A part of the site rendered by one Eleventy run: for each paginated page
 * definition, the slice of its items this run renders, and the unpaginated
 * definitions (home, indexes, site feeds) it renders.
 *
 * Eleventy keeps every page's output in memory until its build returns, so a
 * 100,000-article site rendered in one run would hold several gigabytes of
 * HTML; run by run, only one batch's pages are held at a time.
 */
export interface RenderBatch {
  /** 0-based. */
  index: number;
  /** Items per paginated definition name (only definitions with items in this batch). */
  slices: Readonly<Record<string, readonly unknown[]>>;
  /** Unpaginated definitions this batch renders. */
  singles: readonly string[];
  /** Pages this batch renders. */
  pageCount: number;
}

/** What a build renders: items of paginated definitions, and unpaginated definitions by name. */
export interface RenderWork {
  slices: Readonly<Record<string, readonly unknown[]>>;
  singles: readonly string[];
}

/** The global data key the batch's slices are published under; pagination reads `<key>.<definition>`. */
export const BATCH_DATA_KEY = "newsroomBatch";

/** Whether a definition pages over the model's items (without computing them: the sitemaps are computed on first use). */
export function isPaginated(definition: PageDefinition): boolean {
  return Boolean((definition.data.pagination as { data?: string } | undefined)?.data);
}

/** The model's items a paginated definition pages over ("newsroom.feeds.tags" → model.feeds.tags). */
export function paginatedItems(model: SiteModel, definition: PageDefinition): readonly unknown[] | undefined {
  const pagination = definition.data.pagination as { data?: string; size?: number } | undefined;
  if (!pagination?.data) return undefined;
  if (pagination.size !== 1) throw new Error(`internal error, please report: batched pagination needs size 1, got ${pagination.size} for ${pagination.data}`);
  const [root, ...keys] = pagination.data.split(".");
  if (root !== "newsroom") throw new Error(`internal error, please report: pagination over ${pagination.data} is not part of the site model`);
  let value: unknown = model;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(value)) throw new Error(`internal error, please report: ${pagination.data} is not a list`);
  return value;
}

/**
 * Splits the pages to render into batches of at most `pagesPerBatch`, in
 * the order given; the single pages go into the first batch. Every page is
 * in exactly one batch; nothing to render is no batch.
 */
export function planRenderBatches(work: RenderWork, pagesPerBatch: number): RenderBatch[] {
  if (!Number.isInteger(pagesPerBatch) || pagesPerBatch < 1) throw new Error(`internal error, please report: pages per batch must be a positive whole number, got ${pagesPerBatch}`);
  const batches: RenderBatch[] = [];
  let slices: Record<string, readonly unknown[]> = {};
  let singles: readonly string[] = work.singles;
  let pageCount = singles.length;
  const close = () => {
    batches.push({ index: batches.length, slices: Object.freeze(slices), singles, pageCount });
    slices = {};
    singles = [];
    pageCount = 0;
  };
  for (const [name, items] of Object.entries(work.slices)) {
    for (let start = 0; start < items.length; ) {
      const taken = Math.min(pagesPerBatch - pageCount, items.length - start);
      if (taken <= 0) {
        close();
        continue;
      }
      // Frozen, like the model: Eleventy passes frozen data by reference instead of copying it into every page.
      slices[name] = Object.freeze(items.slice(start, start + taken));
      start += taken;
      pageCount += taken;
      if (pageCount >= pagesPerBatch) close();
    }
  }
  if (pageCount > 0) close();
  return batches;
}
