import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** This package's root: code fingerprints name files relative to it. */
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const fingerprints = new Map<string, string>();

/**
 * A hash of the code that produces a cached value (files and folders of
 * this package, plus package.json), computed once per process. Part of every
 * key, so changing that code, or a locked dependency, empties the cache.
 */
export function codeFingerprint(sources: readonly string[]): string {
  const id = sources.join("\n");
  const known = fingerprints.get(id);
  if (known) return known;
  const hash = createHash("sha256");
  const addFile = (file: string) => {
    try {
      hash.update(`${path.relative(PACKAGE_DIR, file)}\n`).update(readFileSync(file));
    } catch {
      // An installed copy without a lock file: its version is in package.json.
      hash.update(`${file} missing\n`);
    }
  };
  for (const entry of [...sources, "package.json"]) {
    const absolute = path.join(PACKAGE_DIR, entry);
    if (path.extname(entry)) addFile(absolute);
    else for (const name of readdirSync(absolute).sort()) addFile(path.join(absolute, name));
  }
  const fingerprint = hash.digest("hex");
  fingerprints.set(id, fingerprint);
  return fingerprint;
}

/** SHA-256 of the parts, separated so that no two part lists collide. */
export function cacheKey(...parts: readonly (string | number)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${String(part).length}:`).update(String(part));
  return hash.digest("hex");
}

interface StoredEntry<T> {
  key: string;
  value: T;
}

/**
 * Values on disk, one small JSON file per key (sharded by its first two hex
 * digits), for what a build computes from content and can reuse next time.
 * A missing or damaged entry is a miss; entries a build did not use are
 * pruned once they outnumber the used ones.
 */
export class KeyedJsonCache<T> {
  readonly #used = new Set<string>();
  readonly #shards = new Set<string>();

  constructor(readonly dir: string) {}

  read(key: string): T | undefined {
    this.#used.add(key);
    try {
      const entry = JSON.parse(readFileSync(this.#file(key), "utf8")) as StoredEntry<T>;
      return entry.key === key ? entry.value : undefined;
    } catch {
      return undefined; // missing, or cut short by a killed build: compute again
    }
  }

  /** Whether an entry is stored for `key` (without reading it). */
  has(key: string): boolean {
    return existsSync(this.#file(key));
  }

  /**
   * Stores a value. Synchronous: a cold build writes one entry per file, and
   * through the promise API its 20,000 writes at 10,000 articles took 5.2 s
   * of this thread's time in a profile (file handles, promises); written
   * here, 10,000 small files take about 0.35 s. A failed write only costs a
   * later miss.
   */
  write(key: string, value: T): void {
    this.#used.add(key);
    const file = this.#file(key);
    try {
      const shard = path.dirname(file);
      if (!this.#shards.has(shard)) {
        mkdirSync(shard, { recursive: true });
        this.#shards.add(shard);
      }
      // Through a temporary name: a reader never sees half an entry.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, value } satisfies StoredEntry<T>));
      renameSync(temporary, file);
    } catch {
      // a full disk or a read-only cache: the next build computes it again
    }
  }

  /**
   * Deletes entries this process did not use, once they outnumber the used
   * ones: edits leave old versions behind, and a cache CI restores on every
   * run must not grow without end. Returns how many were deleted.
   */
  prune(): number {
    const stale: string[] = [];
    let total = 0;
    try {
      for (const shard of readdirSync(this.dir)) {
        for (const name of readdirSync(path.join(this.dir, shard))) {
          total++;
          if (!this.#used.has(name.slice(0, -".json".length))) stale.push(path.join(this.dir, shard, name));
        }
      }
    } catch {
      return 0;
    }
    if (stale.length <= Math.max(1000, total - stale.length)) return 0;
    for (const file of stale) rmSync(file, { force: true });
    return stale.length;
  }

  #file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
