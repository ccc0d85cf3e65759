import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { cacheKey, codeFingerprint } from "../cache/keyed-json-cache.ts";
import type { SearchShard } from "../collections/search-shards.ts";
import { linkTree } from "../util/link-tree.ts";
import { TextSpool } from "../util/text-spool.ts";

/** Pagefind indexes only pages that mark their searchable part, when any page does. */
const SEARCHABLE = "data-pagefind-body";
/** Elements whose text Pagefind leaves out of the index. */
const IGNORED = "data-pagefind-ignore";

/** What a reused shard depends on besides its pages: this module and Pagefind's locked version. */
const SEARCH_INDEX_SOURCES = ["src/build/search-index.ts", "package-lock.json"];

/** Pages handed to Pagefind before waiting for its answers (they queue in its pipe otherwise). */
const PAGES_IN_FLIGHT = 200;

/** `.cache/search/` of a project (NEWSROOM_SEARCH_CACHE overrides it): one folder per built shard. */
export function searchCacheDir(rootDir: string): string {
  const fromEnv = process.env.NEWSROOM_SEARCH_CACHE;
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(rootDir, ".cache", "search");
}

/** What writing the indexes did, for the build's report and the benchmark. */
export interface SearchIndexSummary {
  /** Shards indexed by Pagefind in this build, and shards reused from the cache. */
  indexed: number;
  reused: number;
  /** Highest resident memory of a Pagefind process, in MB (Linux; 0 elsewhere). */
  pagefindPeakMB: number;
}

/**
 * The site's Pagefind indexes, one per search shard (see
 * src/collections/search-shards.ts). Pages are collected as Eleventy renders
 * them (only their searchable part, spooled to a file). As soon as every page
 * of a shard is in, the shard is indexed in a Pagefind process of its own
 * (one at a time, on the other core while Eleventy renders on), or linked
 * from `.cache/search/` when its pages are byte for byte those of an earlier
 * build.
 */
export class SearchIndex {
  readonly #pages = new Map<string, { read: () => string; hash: string }>();
  readonly #spool = new TextSpool();
  readonly #shardOf = new Map<string, SearchShard>();
  readonly #missing = new Map<SearchShard, number>();
  readonly #used = new Set<string>();
  readonly #summary: SearchIndexSummary = { indexed: 0, reused: 0, pagefindPeakMB: 0 };
  /** Shards are written one after another, in the order they fill up. */
  #writing: Promise<void> = Promise.resolve();
  #failure: unknown;
  #discarded = false;

  /** Writes each shard's bundle under `siteDir` (the primary at `pagefind/`). */
  constructor(
    readonly shards: readonly SearchShard[],
    readonly siteDir: string,
    readonly cacheDir: string | false,
  ) {
    for (const shard of shards) {
      for (const url of shard.urls) this.#shardOf.set(url, shard);
      this.#missing.set(shard, shard.urls.length);
      if (shard.urls.length === 0) this.#schedule(shard); // a site without articles still gets its (empty) index
    }
  }

  /**
   * Adds a rendered page (the pages that mark a searchable part: the
   * articles). Only what Pagefind reads is kept: the searchable element.
   */
  add(url: string, html: string): void {
    const shard = this.#shardOf.get(url);
    const searchable = shard && !this.#pages.has(url) ? searchablePart(html) : undefined;
    if (!shard || !searchable) return;
    this.#pages.set(url, { read: this.#spool.put(searchable), hash: createHash("sha256").update(searchable).digest("hex") });
    const missing = this.#missing.get(shard)! - 1;
    this.#missing.set(shard, missing);
    if (missing === 0) this.#schedule(shard);
  }

  /** Waits for every shard; fails if a page never arrived. */
  async write(): Promise<SearchIndexSummary> {
    const incomplete = this.shards.find((shard) => this.#missing.get(shard)! > 0);
    if (incomplete) {
      const url = incomplete.urls.find((page) => !this.#pages.has(page));
      await this.discard();
      throw new Error(`internal error, please report: the search index got no page for ${url}`);
    }
    await this.#writing;
    if (this.#failure) throw this.#failure;
    if (this.cacheDir) await pruneShards(this.cacheDir, this.#used);
    return this.#summary;
  }

  /** Stops after the shard being written (a failed build). */
  async discard(): Promise<void> {
    this.#discarded = true;
    await this.#writing;
  }

  #schedule(shard: SearchShard): void {
    this.#writing = this.#writing
      .then(() => (this.#discarded || this.#failure ? undefined : this.#writeShard(shard)))
      .catch((error: unknown) => {
        this.#failure ??= error;
      });
  }

  async #writeShard(shard: SearchShard): Promise<void> {
    const pages = shard.urls.map((url) => ({ url, ...this.#pages.get(url)! }));
    const key = cacheKey(codeFingerprint(SEARCH_INDEX_SOURCES), ...pages.flatMap((page) => [page.url, page.hash]));
    this.#used.add(key);
    const target = path.join(this.siteDir, ...shard.bundlePath.split("/").filter(Boolean));
    const cached = this.cacheDir ? path.join(this.cacheDir, key) : undefined;
    if (cached && existsSync(cached)) {
      try {
        await linkTree(cached, target);
        this.#summary.reused++;
        return;
      } catch {
        // Pruned by another build of the same site in the meantime: index it.
        await rm(target, { recursive: true, force: true });
      }
    }
    this.#summary.pagefindPeakMB = Math.max(this.#summary.pagefindPeakMB, await indexShard(pages, target));
    this.#summary.indexed++;
    if (cached) {
      // Through a temporary name: a killed build never leaves half a shard behind.
      const temporary = `${cached}.${process.pid}.tmp`;
      await linkTree(target, temporary);
      // Another build of the same site may have stored the same shard first: keep that one.
      await rename(temporary, cached).catch(() => rm(temporary, { recursive: true, force: true }));
    }
  }
}

/** Indexes one shard's pages in a fresh Pagefind process and writes the bundle; returns the process's peak memory in MB. */
async function indexShard(pages: readonly { url: string; read: () => string }[], outputPath: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`internal error, please report: search index: ${errors.join("; ")}`);
    const problems: string[] = [];
    for (let start = 0; start < pages.length; start += PAGES_IN_FLIGHT) {
      const added = await Promise.all(pages.slice(start, start + PAGES_IN_FLIGHT).map((page) => index.addHTMLFile({ url: page.url, content: page.read() })));
      for (const result of added) problems.push(...result.errors);
    }
    if (problems.length > 0) throw new Error(`internal error, please report: search index: ${problems.join("; ")}`);
    const result = await index.writeFiles({ outputPath });
    if (result.errors.length > 0) throw new Error(`internal error, please report: search index: ${result.errors.join("; ")}`);
    return childrenPeakMB();
  } finally {
    await pagefind.close();
  }
}

/** Deletes cached shards this build did not use (edits leave old versions behind). */
async function pruneShards(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (!used.has(name)) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/** The highest peak resident memory among this process's children (Pagefind's service), in MB; 0 where /proc is missing. */
function childrenPeakMB(): number {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const peaks = children.map((pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return Math.round(Math.max(0, ...peaks) / 1024);
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
