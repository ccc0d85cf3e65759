import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
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

/** Cache files being written at once (libuv runs four file operations at a time anyway). */
const WRITES_IN_FLIGHT = 16;

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
  /** Entries waiting for a write slot, and the writes in flight. */
  readonly #queued: { file: string; text: string }[] = [];
  #inFlight = 0;
  #drained: (() => void)[] = [];
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

  /**
   * Stores a value in the background (a cold build writes one entry per
   * file, and waiting for each would add a millisecond a file); `flush`
   * waits for every write. A failed write only costs a later miss. At most
   * WRITES_IN_FLIGHT files are open at once: a cold 100,000-article build
   * queues 100,000 writes, and opening them all at once exhausts the
   * process's file descriptors.
   */
  write(key: string, value: T): void {
    this.#used.add(key);
    this.#queued.push({ file: this.#file(key), text: JSON.stringify({ key, value } satisfies StoredEntry<T>) });
    this.#startWrites();
  }

  /** Waits for the writes started so far. */
  async flush(): Promise<void> {
    if (this.#inFlight === 0 && this.#queued.length === 0) return;
    await new Promise<void>((resolve) => this.#drained.push(resolve));
  }

  #startWrites(): void {
    while (this.#inFlight < WRITES_IN_FLIGHT && this.#queued.length > 0) {
      const { file, text } = this.#queued.shift()!;
      this.#inFlight++;
      void this.#store(file, text)
        .catch(() => undefined)
        .finally(() => {
          this.#inFlight--;
          this.#startWrites();
          if (this.#inFlight === 0 && this.#queued.length === 0) for (const resolve of this.#drained.splice(0)) resolve();
        });
    }
  }

  async #store(file: string, text: string): Promise<void> {
    const shard = path.dirname(file);
    if (!this.#shards.has(shard)) {
      await mkdir(shard, { recursive: true });
      this.#shards.add(shard);
    }
    // Through a temporary name: a reader never sees half an entry.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
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
