import { availableParallelism } from "node:os";
import { VFile } from "vfile";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { mapLimit } from "../util/map-limit.ts";
import type { TextSpool } from "../util/text-spool.ts";
import { htmlHash } from "./html-hash.ts";
import type { MarkdownSource, RenderedMarkdown, RenderSettings } from "./pipeline.ts";
import { resolveMediaFile } from "./resolve-media.ts";
import type { LocalImagesOptions } from "./remark-local-images.ts";
import type { RelatedCardTarget, UnpublishedTarget } from "./remark-related-card.ts";
import type { RenderCache } from "./render-cache.ts";
import { RenderPool } from "./render-pool.ts";

export interface RenderBodiesOptions extends LocalImagesOptions {
  settings: RenderSettings;
  /** Published articles by id, for related cards. */
  articles: ReadonlyMap<string, RelatedCardTarget>;
  /** Articles held back (drafts, scheduled), by id: a card for one says so. */
  unpublished?: ReadonlyMap<string, UnpublishedTarget>;
  /** Rendered bodies kept between builds; none: render everything. */
  cache?: RenderCache;
  /**
   * Where each body's HTML goes as soon as it is settled (then `html` is empty
   * and `readHtml` reads it back): a large archive's bodies never all sit on
   * the heap at once.
   */
  spool?: TextSpool;
  /** Worker threads for uncached bodies; default: one per core. 0 or 1 renders on this thread. */
  workers?: number;
  /** Told of each body rendered (not from the cache), with how many are to render. */
  onRendered?: (total: number) => void;
  /** Workers already running (the caller's, left running): used for every uncached body instead of `workers`. */
  pool?: RenderPool;
  /** Checking, not building: bodies that cannot report a problem are not rendered (their HTML is empty). */
  checkOnly?: boolean;
}

export interface RenderBodiesSummary {
  fromCache: number;
  rendered: number;
  /** With checkOnly: bodies that could not fail, left unrendered. */
  skipped: number;
  workers: number;
}

/** A rendered body; with options.spool its HTML is in the spool, read back by `readHtml`. */
export type SettledBody = RenderedMarkdown & { readHtml?: () => string };

const UNRENDERED: RenderedMarkdown = Object.freeze({ html: "", htmlHash: htmlHash(""), wordCount: 0, diagnostics: [], dependencies: { relatedCards: {}, localImages: [], media: [], siteLinks: [] } });

/** Below this many bodies (or files) to work on, starting workers (1-2 s: each loads our modules and remark) costs more than it saves. */
export const POOL_THRESHOLD = 400;
/** Bodies in flight per worker: enough to cover image round trips to this thread. */
const IN_FLIGHT_PER_WORKER = 4;
/** Cached entries checked at once (each may resolve images). */
const CHECK_CONCURRENCY = 16;

/**
 * Loads the Markdown pipeline on this thread before a body must be rendered
 * here: the preview's first save would otherwise wait for it (about 0.45 s;
 * its first build renders in worker threads).
 */
export async function loadRendererHere(): Promise<void> {
  await import("./pipeline.ts");
}

/**
 * Renders many bodies, in input order. A cached render is used when what it
 * borrowed still resolves the same way (same related-card targets, same
 * images); the rest render on worker threads when there are many, and are
 * cached unless they carry errors (an error's hint can depend on every other
 * article, so it is worked out afresh each time).
 */
export async function renderBodies(
  sources: readonly MarkdownSource[],
  options: RenderBodiesOptions,
): Promise<{ bodies: SettledBody[]; summary: RenderBodiesSummary }> {
  const { cache, settings, spool } = options;
  const bodies = new Array<SettledBody>(sources.length);
  const settle = (index: number, body: RenderedMarkdown) => {
    bodies[index] = spool ? { ...body, html: "", readHtml: spool.put(body.html) } : body;
  };
  const keys = sources.map((source) => cache?.key(source, settings));
  const misses: number[] = [];
  let skipped = 0;
  // A check's filter parses Markdown: loaded only for a check.
  const { mayReportProblems } = options.checkOnly ? await import("./may-report-problems.ts") : { mayReportProblems: () => true };
  await mapLimit(sources, CHECK_CONCURRENCY, async (source, index) => {
    if (options.checkOnly && !mayReportProblems(source.body)) {
      bodies[index] = UNRENDERED;
      skipped++;
      return;
    }
    const cached = keys[index] === undefined ? undefined : cache?.read(keys[index]);
    if (cached && (await isStillValid(cached, source, options))) settle(index, cached);
    else misses.push(index);
  });
  misses.sort((a, b) => a - b);

  const workers = options.pool?.size ?? (misses.length >= POOL_THRESHOLD ? poolSize(options.workers) : 0);
  const ownPool = !options.pool && workers > 1 ? new RenderPool({ ...options, size: workers }) : undefined;
  const pool = options.pool ?? ownPool;
  if (options.pool && misses.length > 0) options.pool.useContext(settings, options.articles, options.unpublished);
  // Loaded only when something must render: a check of an unchanged archive never needs remark.
  const render = pool
    ? (source: MarkdownSource) => pool.render(source)
    : misses.length > 0
      ? (await import("./pipeline.ts")).createMarkdownRenderer({ ...options, resolveMedia: (written, file) => resolveMediaFile(settings, written, file) })
      : () => Promise.reject(new Error("internal error, please report: nothing to render"));
  try {
    await mapLimit(misses, pool ? workers * IN_FLIGHT_PER_WORKER : 1, async (index) => {
      const rendered = await render(sources[index]!);
      settle(index, rendered);
      options.onRendered?.(misses.length);
      const key = keys[index];
      if (key !== undefined && !hasErrors(rendered.diagnostics)) cache?.write(key, rendered);
    });
  } finally {
    await ownPool?.close();
    await cache?.flush();
  }
  return { bodies, summary: { fromCache: sources.length - misses.length - skipped, rendered: misses.length, skipped, workers: pool ? workers : 0 } };
}

/** Worker threads for a pool: `workers`, or one per core. */
export function poolSize(workers: number | undefined): number {
  return workers ?? availableParallelism();
}

/** Whether a cached render's borrowed parts are what this build would borrow. */
export async function isStillValid(cached: Pick<RenderedMarkdown, "dependencies">, source: Pick<MarkdownSource, "path" | "bodyLineOffset">, options: RenderBodiesOptions): Promise<boolean> {
  if (!showsSameCards(cached, options)) return false;
  if (!borrowsFiles(cached)) return true;
  const { localImages, media } = cached.dependencies;
  const file = new VFile({ path: source.path, data: { bodyLineOffset: source.bodyLineOffset } });
  for (const image of localImages) {
    const current = await options.resolveImage(image.written, file, image.context);
    if (JSON.stringify(current) !== JSON.stringify(image.result)) return false;
  }
  for (const shown of media) {
    if (JSON.stringify(resolveMediaFile(options.settings, shown.written, file)) !== JSON.stringify(shown.result)) return false;
  }
  return true;
}

/** Whether the related cards a cached render shows still show those articles as it does. */
export function showsSameCards(cached: Pick<RenderedMarkdown, "dependencies">, options: Pick<RenderBodiesOptions, "articles">): boolean {
  for (const [id, shown] of Object.entries(cached.dependencies.relatedCards)) {
    const current = options.articles.get(id);
    if (!current || current.title !== shown.title || current.dek !== shown.dek || current.url !== shown.url) return false;
  }
  return true;
}

/** Whether a render showed image or media files, which `isStillValid` resolves again; most bodies show none. */
export function borrowsFiles(cached: Pick<RenderedMarkdown, "dependencies">): boolean {
  return cached.dependencies.localImages.length > 0 || cached.dependencies.media.length > 0;
}
