import { readFileSync } from "node:fs";
import * as pagefind from "pagefind";

export type Pagefind = typeof import("pagefind");

/**
 * Pagefind indexes in a service process of its own, on one core; its module
 * keeps one such process per module instance, so importing it again under
 * another URL gives another process. Indexing two bundles at once keeps two
 * cores busy, each bundle's index in its own process (no worker thread, no
 * memory in the build's own process).
 */
const modules = new Map<number, Promise<Pagefind>>();
function pagefindModule(slot: number): Promise<Pagefind> {
  let module = modules.get(slot);
  if (!module) {
    module = slot === 0 ? Promise.resolve(pagefind) : (import(`${import.meta.resolve("pagefind")}?process=${slot}`) as Promise<Pagefind>);
    modules.set(slot, module);
  }
  return module;
}

/** Slots in use by any update of this process: two at once never share a Pagefind process. */
const busy = new Set<number>();

/** Runs jobs with at most `count` Pagefind processes at a time, in the order given; each job's process is closed after it. */
export class PagefindProcesses {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1) throw new Error(`internal error, please report: Pagefind processes must be a positive whole number, got ${count}`);
  }

  async run<T>(job: (pagefind: Pagefind) => Promise<T>): Promise<T> {
    // A finished job hands its place to the next one waiting.
    if (this.#running < this.count) this.#running++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let slot = 0;
    while (busy.has(slot)) slot++;
    busy.add(slot);
    try {
      const module = await pagefindModule(slot);
      try {
        return await job(module);
      } finally {
        // The process holds the whole index until it exits.
        await module.close();
      }
    } finally {
      busy.delete(slot);
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

/** The peak resident memory of this process's children (the Pagefind processes running now), added up, in MB; 0 where /proc is missing. */
export function childrenPeakMB(): number {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const peaks = children.map((pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return Math.round(peaks.reduce((sum, peak) => sum + peak, 0) / 1024);
  } catch {
    return 0;
  }
}
