import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { cacheKey, codeFingerprint } from "../cache/keyed-json-cache.ts";
import type { SearchShard } from "../collections/search-shards.ts";
import { linkTree } from "../util/link-tree.ts";
import { TextSpool } from "../util/text-spool.ts";
import { cacheFolder } from "../cache/cache-folders.ts";

/** Pagefind indexes only pages that mark their searchable part, when any page does. */
const SEARCHABLE = "data-pagefind-body";
/** Elements whose text Pagefind leaves out of the index. */
const IGNORED = "data-pagefind-ignore";

/** What a reused shard depends on besides its pages: this module and Pagefind's locked version. */
const SEARCH_INDEX_SOURCES = ["src/site-builder/search-index.ts", "package-lock.json"];

/**
 * Pagefind's ready-made search UIs, which it writes into every bundle. The
 * search page has its own (public/js/search.js): the default UI put filter
 * values into the page as HTML, so none of them is published.
 */
const DEFAULT_UI_FILES = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css"];

/** Pages handed to Pagefind before waiting for its answers (they queue in its pipe otherwise). */
const PAGES_IN_FLIGHT = 200;

/**
 * Pagefind processes indexing at once. A process indexes on one core, so a
 * second one keeps both cores busy once Eleventy is done; each holds one
 * shard's index (about 700 MB at 2,500 articles), in its own process.
 */
const PAGEFIND_PROCESSES = 2;

type Pagefind = typeof import("pagefind");

/** `.cache/search/` of a project (NEWSROOM_SEARCH_CACHE overrides it): one folder per built shard. */
export function searchCacheDir(rootDir: string): string {
  return cacheFolder(rootDir, "search");
}

/** What writing the indexes did, for the build's report and the benchmark. */
export interface SearchIndexSummary {
  /** Shards indexed by Pagefind in this build, and shards reused from the cache. */
  indexed: number;
  reused: number;
  /** Highest resident memory of the Pagefind processes running at once, in MB (Linux; 0 elsewhere). */
  pagefindPeakMB: number;
}

export interface SearchIndexOptions {
  /** Where built shards are kept between builds (false: nowhere). */
  cacheDir: string | false;
  /**
   * A key of what a shard's pages are made from, known before they are
   * rendered. A shard whose key led to a stored shard last time is expected
   * to be reused and not indexed as its pages arrive; its pages still decide.
   */
  inputKeyOf?: (urls: readonly string[]) => string;
}

interface StoredPage {
  read: () => string;
  hash: string;
}

/** One shard on its way: the pages in, and whether a stored shard is expected to fit them. */
interface ShardWork {
  shard: SearchShard;
  /** By position in `shard.urls`. */
  pages: (StoredPage | undefined)[];
  received: number;
  /** The prediction file's name in the cache, and the stored shard it names. */
  inputKey?: string;
  expected?: string;
  /** The indexer waiting for the page at `position`. */
  waiting?: { position: number; wake: () => void };
  started: boolean;
}

/**
 * The site's Pagefind indexes, one per search shard (see
 * src/collections/search-shards.ts). Pages are collected as Eleventy renders
 * them (only their searchable part, spooled to a file) and handed to
 * Pagefind in order as they arrive, in up to two Pagefind processes of their
 * own, so that indexing runs beside Eleventy instead of after it. A shard is
 * linked from `.cache/search/` instead when its pages are byte for byte
 * those of an earlier build: a shard whose inputs (see `inputKeyOf`) match
 * such a build waits for its pages and compares them; others are indexed
 * while they arrive and compared afterwards.
 */
export class SearchIndex {
  readonly #spool = new TextSpool();
  readonly #work: ShardWork[];
  readonly #positions = new Map<string, { work: ShardWork; position: number }>();
  readonly #slots = new PagefindSlots(PAGEFIND_PROCESSES);
  readonly #tasks: Promise<void>[] = [];
  readonly #used = new Set<string>();
  readonly #summary: SearchIndexSummary = { indexed: 0, reused: 0, pagefindPeakMB: 0 };
  readonly #cacheDir: string | false;
  #failure: unknown;
  #discarded = false;

  /** Writes each shard's bundle under `siteDir` (the primary at `pagefind/`). */
  constructor(
    readonly shards: readonly SearchShard[],
    readonly siteDir: string,
    { cacheDir, inputKeyOf }: SearchIndexOptions,
  ) {
    this.#cacheDir = cacheDir;
    this.#work = shards.map((shard) => {
      const work: ShardWork = { shard, pages: new Array<StoredPage | undefined>(shard.urls.length), received: 0, started: false };
      shard.urls.forEach((url, position) => this.#positions.set(url, { work, position }));
      if (cacheDir && inputKeyOf) {
        work.inputKey = `${inputKeyOf(shard.urls)}.inputs`;
        const expected = readPrediction(path.join(cacheDir, work.inputKey));
        if (expected && existsSync(path.join(cacheDir, expected))) work.expected = expected;
      }
      return work;
    });
    // A site without articles still gets its (empty) index.
    for (const work of this.#work) if (work.shard.urls.length === 0) this.#start(work);
  }

  /**
   * Whether `url`'s shard is being indexed as its pages arrive (no stored
   * shard is expected to fit): the build hands such pages over first.
   */
  isIndexing(url: string): boolean {
    const place = this.#positions.get(url);
    return place !== undefined && place.work.expected === undefined;
  }

  /**
   * Adds a rendered page (the pages that mark a searchable part: the
   * articles). Only what Pagefind reads is kept: the searchable element.
   */
  add(url: string, html: string): void {
    const place = this.#positions.get(url);
    if (!place || place.work.pages[place.position]) return;
    const searchable = searchablePart(html);
    if (!searchable) return;
    const { work, position } = place;
    work.pages[position] = { read: this.#spool.put(searchable), hash: createHash("sha256").update(searchable).digest("hex") };
    work.received++;
    if (work.waiting?.position === position) work.waiting.wake();
    // Expected to be reused: nothing to do before the last page is in.
    if (!work.expected || work.received === work.pages.length) this.#start(work);
  }

  /** Waits for every shard; fails if a page never arrived. */
  async write(): Promise<SearchIndexSummary> {
    const incomplete = this.#work.find((work) => work.received < work.pages.length);
    if (incomplete) {
      const url = incomplete.shard.urls.find((_, position) => !incomplete.pages[position]);
      await this.discard();
      throw new Error(`internal error, please report: the search index got no page for ${url}`);
    }
    await Promise.all(this.#tasks);
    if (this.#failure) throw this.#failure;
    if (this.#cacheDir) await pruneShards(this.#cacheDir, this.#used);
    return this.#summary;
  }

  /** Stops indexing (a failed build). */
  async discard(): Promise<void> {
    this.#discarded = true;
    for (const work of this.#work) work.waiting?.wake();
    await Promise.all(this.#tasks);
  }

  #start(work: ShardWork): void {
    if (work.started) return;
    work.started = true;
    const task = this.#finish(work).catch((error: unknown) => {
      this.#failure ??= error;
    });
    this.#tasks.push(task);
  }

  /** Links the expected stored shard if the pages are the ones it was built from, or indexes them. */
  async #finish(work: ShardWork): Promise<void> {
    const target = path.join(this.siteDir, ...work.shard.bundlePath.split("/").filter(Boolean));
    if (work.expected) {
      const key = this.#contentKey(work);
      if (key === work.expected && (await this.#link(key, target))) {
        this.#remember(work, key);
        this.#summary.reused++;
        return;
      }
      await rm(target, { recursive: true, force: true });
    }
    if (!(await this.#index(work, target))) return;
    this.#summary.indexed++;
    const key = this.#contentKey(work);
    this.#remember(work, key);
    if (!this.#cacheDir) return;
    const cached = path.join(this.#cacheDir, key);
    if (existsSync(cached)) return;
    // Through a temporary name: a killed build never leaves half a shard behind.
    const temporary = `${cached}.${process.pid}.tmp`;
    await linkTree(target, temporary);
    // Another build of the same site may have stored the same shard first: keep that one.
    await rename(temporary, cached).catch(() => rm(temporary, { recursive: true, force: true }));
  }

  /** Hands the shard's pages to a Pagefind process in order, as they arrive, and writes the bundle; false when discarded. */
  async #index(work: ShardWork, outputPath: string): Promise<boolean> {
    const slot = await this.#slots.acquire();
    try {
      if (this.#discarded) return false;
      const pagefind = await pagefindProcess(slot);
      try {
        const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
        if (!index) throw new Error(`internal error, please report: search index: ${errors.join("; ")}`);
        const problems: string[] = [];
        // A window of pages in flight, topped up as answers come: Pagefind never waits for a whole round.
        let inFlight = 0;
        let answered: (() => void) | undefined;
        const nextAnswer = () => new Promise<void>((resolve) => (answered = resolve));
        const settle = () => {
          inFlight--;
          answered?.();
          answered = undefined;
        };
        for (let position = 0; position < work.pages.length; position++) {
          await this.#arrival(work, position);
          if (this.#discarded) return false;
          inFlight++;
          index.addHTMLFile({ url: work.shard.urls[position]!, content: work.pages[position]!.read() }).then(
            (result) => {
              problems.push(...result.errors);
              settle();
            },
            (error: unknown) => {
              problems.push(String(error));
              settle();
            },
          );
          if (inFlight >= PAGES_IN_FLIGHT) await nextAnswer();
        }
        while (inFlight > 0) await nextAnswer();
        if (problems.length > 0) throw new Error(`internal error, please report: search index: ${problems.join("; ")}`);
        const result = await index.writeFiles({ outputPath });
        if (result.errors.length > 0) throw new Error(`internal error, please report: search index: ${result.errors.join("; ")}`);
        await Promise.all(DEFAULT_UI_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
        this.#summary.pagefindPeakMB = Math.max(this.#summary.pagefindPeakMB, childrenPeakMB());
        return true;
      } finally {
        await pagefind.close();
      }
    } finally {
      this.#slots.release(slot);
    }
  }

  /** Resolves when the page at `position` is in (or the index is discarded). */
  #arrival(work: ShardWork, position: number): Promise<void> {
    if (work.pages[position] || this.#discarded) return Promise.resolve();
    return new Promise((resolve) => {
      work.waiting = {
        position,
        wake: () => {
          work.waiting = undefined;
          resolve();
        },
      };
    });
  }

  /** The shard as Pagefind sees it: its pages' searchable parts, with this module and Pagefind's version. */
  #contentKey(work: ShardWork): string {
    return cacheKey(codeFingerprint(SEARCH_INDEX_SOURCES), ...work.shard.urls.flatMap((url, position) => [url, work.pages[position]!.hash]));
  }

  /** Records that the shard's inputs led to the stored shard `key`, for the next build's expectation. */
  #remember(work: ShardWork, key: string): void {
    this.#used.add(key);
    if (!this.#cacheDir || !work.inputKey) return;
    this.#used.add(work.inputKey);
    if (work.expected === key) return;
    try {
      mkdirSync(this.#cacheDir, { recursive: true });
      writeFileSync(path.join(this.#cacheDir, work.inputKey), key);
    } catch {
      // Only an expectation: the next build indexes the shard as its pages arrive.
    }
  }

  /** Links the stored shard `key` to `target`; false when it is gone (pruned by another build of the same site meanwhile). */
  async #link(key: string, target: string): Promise<boolean> {
    if (!this.#cacheDir) return false;
    try {
      await linkTree(path.join(this.#cacheDir, key), target);
      return true;
    } catch {
      return false;
    }
  }
}

/** The stored shard a prediction file names, if there is one. */
function readPrediction(file: string): string | undefined {
  try {
    const key = readFileSync(file, "utf8").trim();
    return /^[0-9a-f]{64}$/.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pagefind's module keeps one service process per module instance: importing
 * it again under another URL gives a process of its own.
 */
const pagefindProcesses = new Map<number, Promise<Pagefind>>();
function pagefindProcess(slot: number): Promise<Pagefind> {
  let module = pagefindProcesses.get(slot);
  if (!module) {
    module = slot === 0 ? Promise.resolve(pagefind) : (import(`${import.meta.resolve("pagefind")}?process=${slot}`) as Promise<Pagefind>);
    pagefindProcesses.set(slot, module);
  }
  return module;
}

/** Numbered places for at most `count` Pagefind processes at a time, taken in the order asked for. */
class PagefindSlots {
  readonly #free: number[];
  readonly #waiting: ((slot: number) => void)[] = [];

  constructor(count: number) {
    this.#free = Array.from({ length: count }, (_, slot) => slot);
  }

  acquire(): Promise<number> {
    const slot = this.#free.shift();
    return slot === undefined ? new Promise((resolve) => this.#waiting.push(resolve)) : Promise.resolve(slot);
  }

  release(slot: number): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else this.#free.unshift(slot);
  }
}

/** Deletes cached shards this build did not use (edits leave old versions behind). */
async function pruneShards(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (!used.has(name)) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/** The peak resident memory of this process's children (the Pagefind processes running now), added up, in MB; 0 where /proc is missing. */
function childrenPeakMB(): number {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const peaks = children.map((pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return Math.round(peaks.reduce((sum, peak) => sum + peak, 0) / 1024);
  } catch {
    return 0;
  }
}

/**
 * The part of a page Pagefind indexes, as a document of its own: the element
 * marked `data-pagefind-body` (headline, byline filters, hero, body) under the
 * page's `<html lang>`, without the elements it marks `data-pagefind-ignore`
 * (the related list, which other articles' headlines change without changing
 * what a search finds on this page). Everything Pagefind reads (title from
 * the first h1, image, filters, sort) is kept, so the index is the same as
 * for the whole page, for a third of the bytes. Undefined for pages without it.
 */
export function searchablePart(html: string): string | undefined {
  const body = markedElement(html, SEARCHABLE, 0);
  if (!body) return undefined;
  let searchable = html.slice(body.start, body.end);
  for (let ignored = markedElement(searchable, IGNORED, 0); ignored; ) {
    const element = searchable.slice(ignored.start, ignored.end);
    // Pagefind still reads filters and metadata inside an ignored element: such an element stays.
    const keep = /data-pagefind-(filter|meta|sort|default-meta)/.test(element);
    if (!keep) searchable = searchable.slice(0, ignored.start) + searchable.slice(ignored.end);
    ignored = markedElement(searchable, IGNORED, keep ? ignored.end : ignored.start);
  }
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"></head><body>${searchable}</body></html>`;
}

/** Start and end offsets of the first element from `from` on carrying the attribute `marker`; our own markup, so a tag scan is enough. */
function markedElement(html: string, marker: string, from: number): { start: number; end: number } | undefined {
  let at = html.indexOf(marker, from);
  let start = html.lastIndexOf("<", at);
  // The marker as text (an article about search markup) is not an attribute: look further.
  while (at !== -1 && (start === -1 || html.slice(start, at).includes(">"))) {
    at = html.indexOf(marker, at + 1);
    start = html.lastIndexOf("<", at);
  }
  if (at === -1) return undefined;
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start, at))?.[1];
  if (!tag) return undefined;
  // The element's closing tag, counting nested ones of the same name.
  const opening = new RegExp(`<${tag}[\\s>]|</${tag}>`, "gi");
  opening.lastIndex = start + 1;
  let depth = 1;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    depth += match[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return { start, end: match.index + match[0].length };
  }
  return undefined;
}
