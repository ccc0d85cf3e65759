import { readFileSync } from "node:fs";
import type { SiteModel } from "../collections/site-model.ts";
import type { Article } from "../content/model.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { frameYear } from "../pages/page-inputs.ts";
import { writeFileWhole } from "../util/write-whole.ts";
import { sha256 } from "./page-keys.ts";

/**
 * What the last plan learnt of the pages that show a list of articles (the
 * article pages, the news feed's pages, the tags' and authors' pages and
 * feeds): each page's key, and which articles it shows.
 *
 * Which articles such a page shows is decided by the "listing structure":
 * the articles' ids, dates, tags, authors, related entries and picks, the
 * authors, the site's settings and the code. What an article says (its
 * headline, dek, body, photo, update time) decides only how it looks where
 * it is shown. So while the structure is the one the index was made with, a
 * page none of whose articles changed keeps the key it had, and the plan
 * does not work out its inputs again: for a 10,000-article site that was
 * most of the plan (every article's related lists, every feed's document).
 * An edit that changes the structure (a tag, a date, a new article) keys
 * the listings again, and every article page but those of the older
 * articles it leaves as they were (`KeptKeys`).
 */
export interface PlanIndex {
  /** The fingerprint of the code that made it (src/cache/code-fingerprints.ts, PAGE_CODE). */
  code: string;
  /** What every indexed page shows besides articles (`frameDigest`). */
  frame: string;
  /** Each article's hash (PageKeys.articleHash), by its place among the model's articles (newest first). */
  articleHashes: readonly string[];
  /** Each article's part of the listing structure (`structureOf`), by its place. */
  structures: readonly string[];
  /** Each article's page, by the article's place. */
  articlePages: readonly IndexedPage[];
  /** The other indexed pages (news feed, tags' and authors' pages and feeds), in the order the plan makes them. */
  listingPages: readonly IndexedListing[];
}

export interface IndexedPage {
  key: string;
  /** The places of the articles the page shows, among the model's articles. */
  shows: Int32Array;
}

/** A page that shows a list of articles: also its URL, and the hash of its shape, what it is besides its articles (`LISTINGS` in output-plan.ts). */
export interface IndexedListing extends IndexedPage {
  url: string;
  shape: string;
}

/**
 * An article's fields that only say how it looks where it is shown: no
 * collection reads them to choose or order articles (src/collections/). Any
 * other field is part of the listing structure, so a field added later is
 * safe by default. tests/integration/plan-index.test.ts edits each of these
 * and checks that every indexed page shows the same articles.
 */
export const DISPLAY_FIELDS: ReadonlySet<string> = new Set(["title", "dek", "hero", "bodyImages", "audio", "bodyHtml", "bodyHash", "wordCount", "readingMinutes", "updatedAt", "corrections"]);

/** What every indexed page shows besides articles: the site's settings, the assets, the authors, the standalone pages, the frame's year. */
export function frameDigest(model: SiteModel, assets: AssetManifest): string {
  return sha256(JSON.stringify({ site: model.site, assets, isPreview: model.isPreview, year: frameYear(model), authors: [...model.authors.values()], pages: model.pages }));
}

/**
 * Each article's part of the listing structure: the hash of its fields but
 * the display fields. An article with the hash it had in `previous` has the
 * part it had (the article hash covers every field), so only new and
 * edited articles are hashed: hashing 100,000 articles' fields took a second.
 */
export function articleStructures(articles: readonly Article[], articleHashes: readonly string[], code: string, previous: PlanIndex | undefined): string[] {
  const known = new Map<string, string>();
  if (previous?.code === code) for (let place = 0; place < previous.articleHashes.length; place++) known.set(previous.articleHashes[place]!, previous.structures[place]!);
  return articles.map((article, place) => known.get(articleHashes[place]!) ?? structureOf(article));
}

function structureOf(article: Article): string {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(article)) if (!DISPLAY_FIELDS.has(key)) fields[key] = article[key as keyof Article];
  return sha256(JSON.stringify(fields));
}

/**
 * The keys a plan can keep from the last plan's index (`previous`), made
 * with the same code and frame:
 *
 * - With the same listing structure (the same articles, in the same order,
 *   with the same structural fields), any indexed page none of whose
 *   articles changed keeps its key.
 * - Otherwise, the articles that are the same from the oldest up (the
 *   "stable" older part of the site) still decide alone what their own pages
 *   show: an article page lists only articles published before it
 *   (src/collections/page-lists.ts, related.ts; decision 0044). So the page
 *   of a stable article keeps its key when it shows only stable articles
 *   and none of them changed. Publishing a story keeps every older story's
 *   key.
 * - A listing page (a tag's or author's page or feed, a news-feed page)
 *   keeps its key, whatever the structure, when it is the same page (the
 *   same URL, the same shape: everything it shows but its articles) showing
 *   the same stable, unchanged articles in the same order: a page shows its
 *   frame, its shape and its articles, nothing else (decision 0064).
 *   Publishing a story keys again its tags' and authors' listings and the
 *   news feed's pages it appears on, not every other tag's (`listingShowing`).
 */
export class KeptKeys {
  readonly #previous: PlanIndex | undefined;
  /** New places from which on the articles are the stable older part (all of them with the same structure). */
  readonly #stableFrom: number;
  /** What to add to a place in `previous` to get its place in this plan, in the stable part. */
  readonly #shift: number;
  /** By new place: 1 for an article not in the stable part or whose hash changed. */
  readonly #changed: Uint8Array;
  /** The last plan's listing pages by URL, made when first asked. */
  #byUrl: Map<string, IndexedListing> | undefined;

  constructor(previous: PlanIndex | undefined, now: Omit<PlanIndex, "articlePages" | "listingPages">) {
    const usable = previous?.code === now.code && previous.frame === now.frame;
    this.#previous = usable ? previous : undefined;
    const count = now.structures.length;
    const before = previous?.structures.length ?? 0;
    let stable = 0;
    if (usable) while (stable < count && stable < before && now.structures[count - 1 - stable] === previous.structures[before - 1 - stable]) stable++;
    this.#stableFrom = count - stable;
    this.#shift = count - before;
    this.#changed = new Uint8Array(count).fill(1, 0, this.#stableFrom);
    for (let place = this.#stableFrom; place < count; place++) if (now.articleHashes[place] !== previous!.articleHashes[place - this.#shift]) this.#changed[place] = 1;
  }

  /** Whether the structure is the one `previous` was made with: the listings' keys can be kept. */
  get isSameStructure(): boolean {
    return this.#previous !== undefined && this.#stableFrom === 0 && this.#shift === 0;
  }

  /**
   * The page of the article at `place`, if it keeps its key; its shown
   * articles' places are this plan's. A related entry can name a newer
   * article, but only one the last build had too (the checks refuse a
   * missing or scheduled one, and a build with errors writes no index), so
   * it is among the articles the page showed.
   */
  articlePage(place: number): IndexedPage | undefined {
    if (!this.#previous || place < this.#stableFrom) return undefined;
    const shift = this.#shift;
    const kept = this.#previous.articlePages[place - shift];
    if (!kept) return undefined;
    for (const shown of kept.shows) if (shown + shift < this.#stableFrom || this.#changed[shown + shift] === 1) return undefined;
    return shift === 0 ? kept : { key: kept.key, shows: kept.shows.map((shown) => shown + shift) };
  }

  /** The `ordinal`th listing page, if the structure is the same and it keeps its key. */
  listingPage(ordinal: number): IndexedListing | undefined {
    if (!this.isSameStructure) return undefined;
    const kept = this.#previous!.listingPages[ordinal];
    if (!kept) return undefined;
    for (const place of kept.shows) if (this.#changed[place] === 1) return undefined;
    return kept;
  }

  /**
   * The listing page at `url` with this `shape`, showing `shown` (this
   * plan's `articles`, in order), if it keeps its key whatever the
   * structure: the last plan had the same page, showing the same articles,
   * each of them in the stable part and unchanged.
   */
  listingShowing(url: string, shape: string, shown: readonly object[], articles: readonly object[]): IndexedListing | undefined {
    const kept = this.#listingsByUrl().get(url);
    if (!kept || kept.shape !== shape || kept.shows.length !== shown.length) return undefined;
    const places = new Int32Array(shown.length);
    for (let at = 0; at < shown.length; at++) {
      const place = kept.shows[at]! + this.#shift;
      if (place < this.#stableFrom || this.#changed[place] === 1 || articles[place] !== shown[at]) return undefined;
      places[at] = place;
    }
    return { key: kept.key, shows: places, url, shape };
  }

  #listingsByUrl(): Map<string, IndexedListing> {
    return (this.#byUrl ??= new Map(this.#previous?.listingPages.map((page) => [page.url, page])));
  }
}

const INDEX_VERSION = 3;
const HASH_BYTES = 32;

/**
 * Stored as one binary file: a JSON header (version, frame, counts, the
 * listing pages' URLs), then the article hashes, their structures, the page
 * keys and the listing pages' shapes as raw SHA-256 bytes, then each
 * page's count of articles shown and the places, as 32-bit integers. At
 * 100,000 articles JSON would have been tens of megabytes to parse.
 *
 * Written in parts, through two buffers of 2 MB used again for each part
 * (each part is written before the next is made): made whole, with its
 * hashes and integers as Buffers of their own first, it was 43 MB of
 * Buffers at 100,000 articles, enough for V8 to start a full collection as
 * the build ended (see write-whole.ts).
 */
export function writePlanIndex(file: string, index: PlanIndex): void {
  writeFileWhole(file, planIndexParts(index));
}

/** Hashes decoded per part: 2 MB of bytes. */
export const HASHES_PER_PART = 65_536;
/** Integers per part: 2 MB. */
export const INTEGERS_PER_PART = 524_288;

function* planIndexParts(index: PlanIndex): Generator<Uint8Array> {
  const pages = [...index.articlePages, ...index.listingPages];
  const shown = pages.reduce((total, page) => total + page.shows.length, 0);
  const listingUrls = index.listingPages.map((page) => page.url);
  const header = Buffer.from(JSON.stringify({ version: INDEX_VERSION, code: index.code, frame: index.frame, articles: index.articleHashes.length, articlePages: index.articlePages.length, pages: pages.length, shown, listingUrls }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  yield length;
  yield header;
  const hashes = [index.articleHashes, index.structures, pages.map((page) => page.key), index.listingPages.map((page) => page.shape)].flat();
  const hashPart = Buffer.allocUnsafeSlow(HASHES_PER_PART * HASH_BYTES);
  for (let start = 0; start < hashes.length; start += HASHES_PER_PART) yield hashBytes(hashes.slice(start, start + HASHES_PER_PART), hashPart);
  // Each page's count, then its places, through one buffer: a full part is written before it is filled again.
  const part = new Int32Array(INTEGERS_PER_PART);
  const whole = new Uint8Array(part.buffer);
  let next = 0;
  for (const { shows } of pages) {
    if (next === part.length) {
      yield whole;
      next = 0;
    }
    part[next++] = shows.length;
    for (let from = 0; from < shows.length; ) {
      if (next === part.length) {
        yield whole;
        next = 0;
      }
      const take = Math.min(shows.length - from, part.length - next);
      // Most pages' places fit whole: no view made of them.
      part.set(take === shows.length ? shows : shows.subarray(from, from + take), next);
      next += take;
      from += take;
    }
  }
  if (next > 0) yield whole.subarray(0, next * 4);
}

/**
 * SHA-256s in hex as bytes, in order, decoded into `into` (from its start).
 * Decoded in one call: one `Buffer.write` per hash took 0.7 s for the
 * 350,000 hashes of a 100,000-article index.
 */
function hashBytes(hexHashes: readonly string[], into: Buffer): Buffer {
  const length = into.write(hexHashes.join(""), 0, "hex");
  // Decoding stops at the first character that is not hex: a wrong hash leaves the bytes short, or a length is wrong.
  if (length !== hexHashes.length * HASH_BYTES || hexHashes.some((hash) => hash.length !== 2 * HASH_BYTES)) {
    const wrong = hexHashes.find((hash) => !/^[0-9a-f]{64}$/i.test(hash));
    throw new Error(`internal error, please report: ${wrong} is not a SHA-256 in hex`);
  }
  return into.subarray(0, length);
}

/** The index in `file`, or undefined when there is none this code can read. */
export function readPlanIndex(file: string): PlanIndex | undefined {
  try {
    const read = readIndexFile(file);
    if (!read) return undefined;
    const { header, hex, integers } = read;
    const hashes = (section: string) => {
      const cut: string[] = new Array(section.length / HEX_LENGTH);
      for (let place = 0; place < cut.length; place++) cut[place] = section.slice(place * HEX_LENGTH, (place + 1) * HEX_LENGTH);
      return cut;
    };
    const keys = hashes(hex.keys);
    const shapes = hashes(hex.shapes);
    const pages: IndexedPage[] = new Array(header.pages);
    let next = 0;
    for (let page = 0; page < header.pages; page++) {
      const count = integers[next++]!;
      pages[page] = { key: keys[page]!, shows: integers.subarray(next, next + count) };
      next += count;
    }
    const listingPages = pages.slice(header.articlePages).map((page, ordinal): IndexedListing => ({ ...page, url: header.listingUrls[ordinal]!, shape: shapes[ordinal]! }));
    return { code: header.code, frame: header.frame, articleHashes: hashes(hex.articleHashes), structures: hashes(hex.structures), articlePages: pages.slice(0, header.articlePages), listingPages };
  } catch {
    return undefined;
  }
}

const HEX_LENGTH = 2 * HASH_BYTES;

interface IndexHeader {
  version: number;
  code: string;
  frame: string;
  articles: number;
  articlePages: number;
  pages: number;
  shown: number;
  listingUrls: string[];
}

/**
 * The index file's header, each section of hashes as one text of hex, and
 * its integers, copied out: the file's bytes go before the hashes are cut
 * apart. Kept through the hundreds of thousands of objects made then, the
 * Buffer lived on in V8's old generation, 22 MB at 100,000 articles counted
 * against its limit on Buffers until the full collection it then started
 * (see write-whole.ts).
 */
function readIndexFile(file: string): { header: IndexHeader; hex: Record<"articleHashes" | "structures" | "keys" | "shapes", string>; integers: Int32Array } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as IndexHeader;
  if (header.version !== INDEX_VERSION || header.listingUrls.length !== header.pages - header.articlePages) return undefined;
  let at = 4 + headerLength;
  const section = (count: number) => bytes.toString("hex", at, (at += count * HASH_BYTES));
  const hex = { articleHashes: section(header.articles), structures: section(header.articles), keys: section(header.pages), shapes: section(header.listingUrls.length) };
  if (at + (header.pages + header.shown) * 4 !== bytes.length) return undefined;
  return { header, hex, integers: new Int32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + bytes.length)) };
}
