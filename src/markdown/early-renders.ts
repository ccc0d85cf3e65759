import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { TextSpool } from "../util/text-spool.ts";
import type { MarkdownSource } from "./pipeline.ts";
import type { SettledBody } from "./render-bodies.ts";
import type { RenderCache } from "./render-cache.ts";
import type { RenderPool } from "./render-pool.ts";

/** Bodies in flight per worker, as in renderBodies. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Bodies rendered while the rest of the archive's frontmatter is still being
 * parsed: a cold load's workers would otherwise wait, idle, until every file
 * is read and the related-card targets are known (about 8 s at 10,000
 * articles). Only a body without `::related` is rendered early, since only
 * that directive reads the other articles; the result is what `renderBodies`
 * would get, and it takes it from here (`take`).
 *
 * A finished body goes to the spool and the render cache at once, so that
 * bodies rendered ahead do not pile up on the heap.
 */
export class EarlyRenders {
  readonly #queued: MarkdownSource[] = [];
  readonly #started = new Map<string, { source: MarkdownSource; settled: Promise<SettledBody | undefined> }>();
  #inFlight = 0;
  #stopped = false;

  constructor(
    readonly pool: RenderPool,
    readonly options: { siteOrigin: string; spool: TextSpool; cache?: RenderCache },
  ) {}

  /** A body to render now if a worker is free, or as soon as one is (unless `stop` comes first). */
  offer(source: MarkdownSource): void {
    if (this.#stopped || source.body.includes("::related")) return;
    const { cache, siteOrigin } = this.options;
    // A body the cache holds costs a read, not a render (renderBodies reads it).
    if (cache?.has(cache.key(source, siteOrigin))) return;
    this.#queued.push(source);
    this.#startMore();
  }

  /** No more bodies start: those not started yet are left to `renderBodies`, with the related-card targets known. */
  stop(): void {
    this.#stopped = true;
    this.#queued.length = 0;
  }

  /** Whether `source` was started early (and so is to be taken, not looked up in the cache). */
  holds(source: MarkdownSource): boolean {
    return this.#matching(source) !== undefined;
  }

  /**
   * The early render of `source`, once; undefined when it was not started, or
   * when it failed or found errors (those are rendered again the usual way,
   * so that their messages come from a render that knew every article).
   */
  take(source: MarkdownSource): Promise<SettledBody | undefined> | undefined {
    const started = this.#matching(source);
    if (!started) return undefined;
    this.#started.delete(source.path);
    return started.settled;
  }

  #matching(source: MarkdownSource): { settled: Promise<SettledBody | undefined> } | undefined {
    const started = this.#started.get(source.path);
    const same = started && started.source.body === source.body && started.source.bodyLineOffset === source.bodyLineOffset;
    return same ? started : undefined;
  }

  #startMore(): void {
    while (!this.#stopped && this.#inFlight < this.pool.size * IN_FLIGHT_PER_WORKER && this.#queued.length > 0) {
      const source = this.#queued.shift()!;
      this.#inFlight++;
      const settled = this.pool.render(source).then(
        (rendered): SettledBody | undefined => {
          if (hasErrors(rendered.diagnostics)) return undefined;
          const { cache, siteOrigin, spool } = this.options;
          cache?.write(cache.key(source, siteOrigin), rendered);
          return { ...rendered, html: "", readHtml: spool.put(rendered.html) };
        },
        () => undefined,
      );
      void settled.finally(() => {
        this.#inFlight--;
        this.#startMore();
      });
      this.#started.set(source.path, { source, settled });
    }
  }
}
