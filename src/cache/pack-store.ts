import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { writeFileWhole } from "../util/write-whole.ts";

/** Packs beyond which a flush merges all but the largest into one (each build that writes adds one). */
const MAX_PACKS = 8;
/** A pack without its index this much older than now is what a killed build left: pruned. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Entries of the caches before packs: shard folders ("3f") of `<hash>.json` files, and `<hash>.html` pages. */
const EARLIER_VERSION_ENTRY = /^(?:[0-9a-f]{2}|[0-9a-f]{64}\.(?:json|html)(?:\.\d+\.tmp)?)$/;

/** A finished pack: its entries' places in `<name>.pack`, listed in `<name>.index`. */
interface Pack {
  name: string;
  entries: Entry[];
  /** Opened when first read from, closed by `close` or when the pack is merged away. */
  fd?: number;
}

/** Where a value is: its key, and its bytes' offset and length in the pack. */
type Entry = [key: string, offset: number, length: number];

/** The pack this store is appending to; indexed (and so finished) by `flush`. */
interface OpenPack extends Pack {
  fd: number;
  size: number;
}

interface Location {
  pack: Pack;
  offset: number;
  length: number;
}

/**
 * Texts by key, many to a file: what a store is given is appended to one
 * pack file of its own, whose index is written beside it (`<name>.index`)
 * when the store flushes; a pack without an index is not read. One file per
 * entry (what the caches were before) cost a cold 10,000-article build
 * 20,000 files created, renamed and closed, for 6-9 CPU-seconds per 10,000,
 * most of it in the kernel; a pack is one open file and an append per entry.
 *
 * Packs are never changed once indexed, so builds of the same site may
 * share the folder: a pack deleted by another build's prune while this one
 * reads it is a miss. A key found in several packs is read from the newest
 * (names start with the time they were started).
 */
export class PackStore {
  readonly #locations = new Map<string, Location>();
  /** Finished packs, oldest first: those on disk when first used, then this store's own. */
  readonly #packs: Pack[] = [];
  readonly #used = new Set<string>();
  #writing: OpenPack | undefined;
  #loaded = false;
  /** Packs whose index could not be read. */
  readonly #damaged: string[] = [];
  /** Set when an append failed (a full disk): the rest of this process's values go unstored. */
  #failed = false;
  /**
   * What `putFile` reads into, kept for every file: a build stores 122,000
   * pages at 100,000 articles, and a buffer of its own for each waited off
   * the heap for the garbage collector.
   */
  #fileBuffer = Buffer.allocUnsafe(256 * 1024);

  constructor(readonly dir: string) {}

  /** Whether a value is stored for `key` (it may still be pruned by another build before it is read). */
  has(key: string): boolean {
    this.#load();
    return this.#locations.has(key);
  }

  /** The value stored for `key`, or undefined (none, or unreadable: a miss either way). Marks the key used. */
  get(key: string): string | undefined {
    this.#load();
    this.#used.add(key);
    const location = this.#locations.get(key);
    return location ? this.#read(location)?.toString("utf8") : undefined;
  }

  /** Marks `key` as used by this build, without reading it (see `prune`). */
  use(key: string): void {
    this.#used.add(key);
  }

  /** Appends a value (text, or its UTF-8 bytes); it is readable here at once, and by other processes once flushed. */
  put(key: string, text: string | Buffer): void {
    this.#load();
    this.#used.add(key);
    if (this.#failed) return;
    try {
      this.#writing ??= this.#startPack();
      this.#locations.set(key, append(this.#writing, key, typeof text === "string" ? Buffer.from(text, "utf8") : text));
    } catch {
      this.#failed = true; // only a cache: later builds compute these again
    }
  }

  /** Appends the bytes of `file` as the value of `key`, as `put` does. */
  putFile(key: string, file: string): void {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > this.#fileBuffer.length) this.#fileBuffer = Buffer.allocUnsafe(size);
      // `put` copies the bytes into the pack at once: the buffer is free again when it returns.
      this.put(key, this.#fileBuffer.subarray(0, readFully(fd, this.#fileBuffer, size, 0)));
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Writes the index of what was put since the last flush, which finishes
   * that pack; then, past MAX_PACKS packs, merges all but the largest.
   */
  flush(): void {
    const pack = this.#writing;
    if (!pack) return;
    this.#writing = undefined;
    try {
      this.#writeIndex(pack);
      this.#packs.push(pack);
    } catch {
      this.#forget(pack);
      return;
    }
    if (this.#packs.length > MAX_PACKS) {
      const largest = this.#packs.reduce((most, candidate) => (candidate.entries.length > most.entries.length ? candidate : most));
      this.#merge(this.#packs.filter((candidate) => candidate !== largest));
    }
  }

  /**
   * Once the entries this build did not use (never read, put or marked, or
   * stored again in a newer pack) outnumber the used ones and a thousand,
   * deletes them: packs holding nothing used go, and the used entries of
   * packs holding both are copied into a new pack. Edits leave old entries
   * behind, and a cache CI restores on every run must not grow without end;
   * below that, another build of the same site (a branch) may still want
   * them. Also deletes what killed builds and earlier versions left. Returns
   * how many entries were deleted.
   */
  prune(): number {
    this.flush();
    this.#removeLeftovers();
    const stored = this.#packs.reduce((sum, pack) => sum + pack.entries.length, 0);
    // First counted by the used keys (each has one place): filtering every
    // pack's entries took 0.5 s per build at 100,000 articles, and most
    // builds find too little to delete.
    let usedStored = 0;
    for (const key of this.#used) if (this.#locations.has(key)) usedStored++;
    if (stored - usedStored <= Math.max(1000, usedStored)) return 0;
    const live = new Map(this.#packs.map((pack) => [pack, pack.entries.filter(([key]) => this.#used.has(key) && this.#locations.get(key)?.pack === pack)]));
    const kept = [...live.values()].reduce((sum, entries) => sum + entries.length, 0);
    const stale = stored - kept;
    if (stale <= Math.max(1000, kept)) return 0;
    const partly = this.#packs.filter((pack) => live.get(pack)!.length < pack.entries.length);
    this.#merge(partly, (key) => this.#used.has(key));
    return stale;
  }

  /** Closes the files this store holds open. */
  close(): void {
    this.flush();
    for (const pack of this.#packs) this.#closePack(pack);
  }

  #load(): void {
    if (this.#loaded) return;
    this.#loaded = true;
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((name) => name.endsWith(".index")).sort();
    } catch {
      return; // no cache yet
    }
    for (const indexName of names) {
      const pack: Pack = { name: indexName.slice(0, -".index".length), entries: [] };
      try {
        pack.entries = parseIndex(readFileSync(path.join(this.dir, indexName), "utf8"));
      } catch {
        this.#damaged.push(pack.name); // as if absent; pruned
        continue;
      }
      this.#packs.push(pack);
      for (const [key, offset, length] of pack.entries) this.#locations.set(key, { pack, offset, length });
    }
  }

  #read({ pack, offset, length }: Location): Buffer | undefined {
    try {
      pack.fd ??= openSync(this.#file(pack, "pack"), "r");
      const bytes = Buffer.allocUnsafe(length);
      return readFully(pack.fd, bytes, length, offset) === length ? bytes : undefined; // else cut short
    } catch {
      return undefined; // deleted by another build's prune, or damaged
    }
  }

  #startPack(): OpenPack {
    mkdirSync(this.dir, { recursive: true });
    const pack = { name: packName(nextPackTime()), entries: [], size: 0, fd: 0 };
    pack.fd = openSync(this.#file(pack, "pack"), "w+");
    return pack;
  }

  #writeIndex(pack: Pack): void {
    // Through a temporary name: a reader never sees half an index.
    writeFileWhole(this.#file(pack, "index"), JSON.stringify({ entries: pack.entries }));
  }

  /**
   * Copies the entries of `packs` that are their key's newest (and pass
   * `keep`) into one new pack, then deletes `packs`. The new pack is named
   * for the newest of them, so that it still ranks below any newer pack.
   */
  #merge(packs: readonly Pack[], keep: (key: string) => boolean = () => true): void {
    if (packs.length === 0) return;
    const newest = packs.map((pack) => pack.name).sort().at(-1)!;
    const merged: OpenPack = { name: packName(packTime(newest)), entries: [], size: 0, fd: 0 };
    const moved: [string, Location][] = [];
    try {
      mkdirSync(this.dir, { recursive: true });
      merged.fd = openSync(this.#file(merged, "pack"), "w+");
      for (const pack of packs) {
        for (const [key] of pack.entries) {
          const location = this.#locations.get(key);
          if (location?.pack !== pack || !keep(key)) continue;
          const bytes = this.#read(location);
          if (bytes) moved.push([key, append(merged, key, bytes)]);
        }
      }
      if (merged.entries.length > 0) this.#writeIndex(merged);
    } catch {
      this.#forget(merged);
      return; // the old packs stay as they were
    }
    if (merged.entries.length > 0) {
      for (const [key, location] of moved) this.#locations.set(key, location);
      this.#packs.push(merged);
    } else {
      this.#forget(merged);
    }
    for (const pack of packs) {
      for (const [key] of pack.entries) if (this.#locations.get(key)?.pack === pack) this.#locations.delete(key);
      this.#closePack(pack);
      this.#packs.splice(this.#packs.indexOf(pack), 1);
      // The index first: without it the pack is never read.
      rmSync(this.#file(pack, "index"), { force: true });
      rmSync(this.#file(pack, "pack"), { force: true });
    }
  }

  /**
   * Deletes what killed builds left (a pack without its index, a temporary
   * file), once old enough not to be another build's work in progress, and
   * the one-file-per-entry caches of earlier versions.
   */
  #removeLeftovers(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of this.#damaged.splice(0)) for (const kind of ["index", "pack"] as const) rmSync(this.#file({ name }, kind), { force: true });
    const present = new Set(names);
    for (const name of names) {
      const file = path.join(this.dir, name);
      const complete = name.endsWith(".pack") ? present.has(`${name.slice(0, -".pack".length)}.index`) : name.endsWith(".index") && present.has(`${name.slice(0, -".index".length)}.pack`);
      const unfinished = !complete && /\.(pack|index|tmp)$/.test(name) && isOlderThan(file, ORPHAN_AGE_MS);
      if (unfinished || EARLIER_VERSION_ENTRY.test(name)) rmSync(file, { recursive: true, force: true });
    }
  }

  #forget(pack: Pack): void {
    this.#closePack(pack);
    rmSync(this.#file(pack, "pack"), { force: true });
  }

  #closePack(pack: Pack): void {
    if (pack.fd === undefined) return;
    try {
      closeSync(pack.fd);
    } catch {
      // already closed
    }
    pack.fd = undefined;
  }

  #file(pack: { name: string }, kind: "pack" | "index"): string {
    return path.join(this.dir, `${pack.name}.${kind}`);
  }
}

/** Reads up to `length` bytes at `position` into the start of `bytes`; returns how many there were (fewer when the file ends first). */
function readFully(fd: number, bytes: Buffer, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const count = readSync(fd, bytes, read, length - read, position + read);
    if (count === 0) break;
    read += count;
  }
  return read;
}

/** Writes `bytes` at the end of `pack` and lists them under `key`; returns where they are. */
function append(pack: OpenPack, key: string, bytes: Buffer): Location {
  for (let written = 0; written < bytes.length; ) written += writeSync(pack.fd, bytes, written, bytes.length - written, pack.size + written);
  const location = { pack, offset: pack.size, length: bytes.length };
  pack.entries.push([key, location.offset, location.length]);
  pack.size += bytes.length;
  return location;
}

/**
 * The time a new pack is named for: the clock, but never the same twice in
 * one process, so that two packs started in one millisecond (two stores
 * flushed back to back) keep their order.
 */
let lastPackTime = 0;
function nextPackTime(): number {
  lastPackTime = Math.max(Date.now(), lastPackTime + 1);
  return lastPackTime;
}

/** `<time>-<pid>-<random>`: sorted by name, packs are in the order they were started. */
function packName(time: number): string {
  return `${time.toString(36).padStart(10, "0")}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

function packTime(name: string): number {
  return Number.parseInt(name.slice(0, name.indexOf("-")), 36);
}

function parseIndex(text: string): Entry[] {
  const { entries } = JSON.parse(text) as { entries: unknown };
  const valid = (entry: unknown): entry is Entry =>
    Array.isArray(entry) && typeof entry[0] === "string" && Number.isSafeInteger(entry[1]) && Number.isSafeInteger(entry[2]) && entry[1] >= 0 && entry[2] >= 0;
  if (!Array.isArray(entries) || !entries.every(valid)) throw new Error("not an index");
  return entries;
}

function isOlderThan(file: string, ageMs: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ageMs;
  } catch {
    return false;
  }
}
