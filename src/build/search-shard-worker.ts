/**
 * A worker thread of the search index (search-index.ts): indexes one shard
 * and writes its bundle. The pagefind module, and so the Pagefind process it
 * starts, belongs to the thread: two workers index two shards at once, each
 * Pagefind process on a core of its own.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";

export interface ShardJob {
  pages: { url: string; html: string }[];
  outputPath: string;
}

export type ShardResult = { ok: true; pagefindPeakMB: number } | { ok: false; problems: string[] };

/** Pages handed to Pagefind before waiting for its answers (they queue in its pipe otherwise). */
const PAGES_IN_FLIGHT = 200;

const { pages, outputPath } = workerData as ShardJob;

async function indexShard(): Promise<ShardResult> {
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) return { ok: false, problems: errors };
    const problems: string[] = [];
    for (let start = 0; start < pages.length; start += PAGES_IN_FLIGHT) {
      const added = await Promise.all(pages.slice(start, start + PAGES_IN_FLIGHT).map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
      for (const result of added) problems.push(...result.errors);
    }
    if (problems.length > 0) return { ok: false, problems };
    const result = await index.writeFiles({ outputPath });
    if (result.errors.length > 0) return { ok: false, problems: result.errors };
    return { ok: true, pagefindPeakMB: childrenPeakMB() };
  } finally {
    await pagefind.close();
  }
}

/** The highest peak resident memory among the process's children (the Pagefind processes), in MB; 0 where /proc is missing. */
function childrenPeakMB(): number {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const peaks = children.map((pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return Math.round(Math.max(0, ...peaks) / 1024);
  } catch {
    return 0;
  }
}

parentPort!.postMessage(await indexShard());
