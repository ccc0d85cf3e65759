import { Worker } from "node:worker_threads";
import type { Position } from "unist";
import { VFile } from "vfile";
import type { MarkdownSource, RenderedMarkdown, RenderSettings } from "./pipeline.ts";
import type { LocalImageContext, LocalImageResult, LocalImagesOptions } from "./remark-local-images.ts";
import type { RelatedCardTarget, UnpublishedTarget } from "./remark-related-card.ts";

export type ToWorker =
  | { type: "render"; id: number; source: MarkdownSource }
  | { type: "image-resolved"; id: number; result: LocalImageResult }
  | { type: "context"; settings: RenderSettings; articles: [string, RelatedCardTarget][]; unpublished: [string, UnpublishedTarget][] };

export type FromWorker =
  | { type: "rendered"; id: number; rendered: RenderedMarkdown }
  | { type: "failed"; id: number; message: string; stack: string | undefined }
  | { type: "resolve-image"; id: number; written: string; path: string; bodyLineOffset: number; context: LocalImageContext & { position: Position | undefined } };

export interface RenderPoolOptions extends LocalImagesOptions {
  settings: RenderSettings;
  /** Published articles by id, for related cards (see `useArticles`). */
  articles?: ReadonlyMap<string, RelatedCardTarget>;
  unpublished?: ReadonlyMap<string, UnpublishedTarget>;
  /** Worker threads to start. */
  size: number;
}

interface PooledWorker {
  worker: Worker;
  inFlight: number;
}

const WORKER_URL = new URL("./render-worker.mjs", import.meta.url);
/**
 * A worker's default young generation is small; parsing makes many
 * short-lived objects, and with the default a worker spent a third of its
 * time collecting them (1,000 bodies: 13.6 s on one worker, 8.2 s with 64 MB).
 */
const YOUNG_GENERATION_MB = 64;

/**
 * Renders Markdown bodies on worker threads: micromark's tokenising is most
 * of a cold build's CPU time, and one thread leaves the other cores idle.
 * Each worker registers the project's TypeScript hooks itself
 * (render-worker.mjs: threads do not inherit them), so it runs this same
 * TypeScript source.
 */
export class RenderPool {
  readonly #workers: PooledWorker[];
  readonly #waiting = new Map<number, { resolve: (rendered: RenderedMarkdown) => void; reject: (error: Error) => void; worker: PooledWorker }>();
  #nextId = 0;
  #failure: Error | undefined;
  #closing = false;

  get size(): number {
    return this.#workers.length;
  }

  constructor(options: RenderPoolOptions) {
    const workerData = { settings: options.settings, articles: [...(options.articles ?? [])], unpublished: [...(options.unpublished ?? [])] };
    this.#workers = Array.from({ length: Math.max(1, options.size) }, () => {
      const pooled: PooledWorker = { worker: new Worker(WORKER_URL, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), inFlight: 0 };
      pooled.worker.on("message", (message: FromWorker) => void this.#receive(pooled, message, options.resolveImage));
      pooled.worker.on("error", (error) => this.#fail(error));
      pooled.worker.on("exit", (code) => {
        if (code !== 0 && !this.#closing) this.#fail(new Error(`a Markdown render worker stopped with exit code ${code}`));
      });
      return pooled;
    });
  }

  render(source: MarkdownSource): Promise<RenderedMarkdown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const pooled = this.#workers.reduce((least, candidate) => (candidate.inFlight < least.inFlight ? candidate : least));
    const id = this.#nextId++;
    pooled.inFlight++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, worker: pooled });
      pooled.worker.postMessage({ type: "render", id, source } satisfies ToWorker);
    });
  }

  /**
   * The settings and related-card targets for the bodies rendered from now on:
   * a pool started before the files were read knows neither the articles nor
   * the aliases they declare.
   */
  useContext(settings: RenderSettings, articles: ReadonlyMap<string, RelatedCardTarget>, unpublished: ReadonlyMap<string, UnpublishedTarget> = new Map()): void {
    const message: ToWorker = { type: "context", settings, articles: [...articles], unpublished: [...unpublished] };
    for (const { worker } of this.#workers) worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  async #receive(pooled: PooledWorker, message: FromWorker, resolveImage: LocalImagesOptions["resolveImage"]): Promise<void> {
    if (message.type === "resolve-image") {
      const file = new VFile({ path: message.path, data: { bodyLineOffset: message.bodyLineOffset } });
      const result = await resolveImage(message.written, file, message.context).catch(
        (error: unknown): LocalImageResult => ({ ok: false, problem: `image could not be read (${error instanceof Error ? error.message : String(error)})`, hint: "export the image again", ruleId: "images/not-an-image" }),
      );
      pooled.worker.postMessage({ type: "image-resolved", id: message.id, result } satisfies ToWorker);
      return;
    }
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    pooled.inFlight--;
    if (message.type === "rendered") {
      waiting.resolve(message.rendered);
    } else {
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      waiting.reject(error);
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}
