import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PackStore } from "./pack-store.ts";

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
    // A folder with its subfolders (src/markdown/raw-html/ is part of src/markdown).
    else for (const name of readdirSync(absolute, { recursive: true, encoding: "utf8" }).sort()) if (path.extname(name)) addFile(path.join(absolute, name));
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
 * Values computed from content that a build can reuse next time, as JSON by
 * key in a pack store (see pack-store.ts). An entry carries its key, so a
 * damaged or foreign one is a miss; entries a build did not use are pruned
 * once they outnumber the used ones.
 */
export class KeyedJsonCache<T> {
  readonly #store: PackStore;

  constructor(readonly dir: string) {
    this.#store = new PackStore(dir);
  }

  read(key: string): T | undefined {
    const text = this.#store.get(key);
    if (text === undefined) return undefined;
    try {
      const entry = JSON.parse(text) as StoredEntry<T>;
      return entry.key === key ? entry.value : undefined;
    } catch {
      return undefined; // damaged: compute again
    }
  }

  /** Stores a value: readable here at once, by other processes once flushed. */
  write(key: string, value: T): void {
    this.#store.put(key, JSON.stringify({ key, value } satisfies StoredEntry<T>));
  }

  /** Makes what was written so far readable by other processes (see `PackStore.flush`). */
  async flush(): Promise<void> {
    this.#store.flush();
  }

  /** Deletes entries this process did not use, once they outnumber the used ones (see `PackStore.prune`); returns how many. */
  prune(): number {
    return this.#store.prune();
  }

  /** Flushes and closes the files held open. */
  close(): void {
    this.#store.close();
  }
}
