import type { SiteModel } from "../collections/site-model.ts";
import type { PageDefinition } from "./page-definitions.ts";

/**
 * A part of the site rendered by one Eleventy run: for each paginated page
 * definition, the slice of its items this run renders, and whether this run
 * also renders the pages that are not paginated (home, indexes, site feeds).
 *
 * Eleventy keeps every page's output in memory until its build returns, so a
 * 100,000-article site rendered in one run would hold several gigabytes of
 * HTML; run by run, only one batch's pages are held at a time.
 */
export interface RenderBatch {
  /** 0-based; the first batch also renders the unpaginated pages. */
  index: number;
  /** Items per paginated definition name (only definitions with items in this batch). */
  slices: Readonly<Record<string, readonly unknown[]>>;
  /** Whether this batch renders the unpaginated definitions. */
  rendersSinglePages: boolean;
  /** Pages this batch renders. */
  pageCount: number;
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
 * Splits the site's pages into batches of at most `pagesPerBatch` paginated
 * pages, in definition order. Every page is in exactly one batch, and there is
 * always at least one batch (the first renders the unpaginated pages).
 */
export function planRenderBatches(
  model: SiteModel,
  definitions: Record<string, PageDefinition>,
  pagesPerBatch: number,
  /** Items to render instead of all of a definition's (the build leaves out article pages it reuses). */
  only: Readonly<Record<string, readonly unknown[]>> = {},
  /** Definitions whose last page ends a batch: their pages are done after fewer pages of the rest (the build's search index waits for article pages). */
  endBatchAfter: readonly string[] = [],
): RenderBatch[] {
  if (!Number.isInteger(pagesPerBatch) || pagesPerBatch < 1) throw new Error(`internal error, please report: pages per batch must be a positive whole number, got ${pagesPerBatch}`);
  const singles = Object.values(definitions).filter((definition) => !isPaginated(definition)).length;
  const batches: RenderBatch[] = [];
  let slices: Record<string, readonly unknown[]> = {};
  let pageCount = 0;
  const close = () => {
    const index = batches.length;
    const rendersSinglePages = index === 0;
    batches.push({ index, slices: Object.freeze(slices), rendersSinglePages, pageCount: pageCount + (rendersSinglePages ? singles : 0) });
    slices = {};
    pageCount = 0;
  };
  for (const [name, definition] of Object.entries(definitions)) {
    const all = paginatedItems(model, definition);
    if (!all) continue;
    const items = only[name] ?? all;
    for (let start = 0; start < items.length; ) {
      const taken = Math.min(pagesPerBatch - pageCount, items.length - start);
      // Frozen, like the model: Eleventy passes frozen data by reference instead of copying it into every page.
      slices[name] = Object.freeze(items.slice(start, start + taken));
      start += taken;
      pageCount += taken;
      if (pageCount === pagesPerBatch) close();
    }
    if (endBatchAfter.includes(name) && pageCount > 0) close();
  }
  if (pageCount > 0 || batches.length === 0) close();
  return batches;
}
