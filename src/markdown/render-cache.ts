import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MarkdownSource, RenderedMarkdown } from "./pipeline.ts";

/** This package's root: the renderer's own code and locked dependencies are part of every key. */
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
/**
 * What decides how a body renders, besides the body: our plugins, the
 * modules they import, and the locked remark versions. A test checks that
 * every module src/markdown imports is listed.
 */
export const RENDERER_SOURCES = [
  "src/markdown",
  "src/format/page-ids.ts",
  "src/format/reading-time.ts",
  "src/diagnostics/suggest.ts",
  "src/diagnostics/diagnostic.ts",
  "package-lock.json",
];
/** Bump when the stored entry's shape changes. */
const ENTRY_FORMAT = 1;

export function renderCacheDir(rootDir: string): string {
  const fromEnv = process.env.NEWSROOM_RENDER_CACHE;
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(rootDir, ".cache", "render");
}

let rendererFingerprint: string | undefined;

/** A hash of the renderer's code, computed once per process. */
function fingerprint(): string {
  if (rendererFingerprint) return rendererFingerprint;
  const hash = createHash("sha256").update(`entry-format ${ENTRY_FORMAT}\n`);
  const addFile = (file: string) => {
    try {
      hash.update(`${path.relative(PACKAGE_DIR, file)}\n`).update(readFileSync(file));
    } catch {
      // An installed copy without a lock file: its version is in package.json.
      hash.update(`${file} missing\n`);
    }
  };
  for (const entry of RENDERER_SOURCES) {
    const absolute = path.join(PACKAGE_DIR, entry);
    if (entry.includes(".")) addFile(absolute);
    else for (const name of readdirSync(absolute).sort()) addFile(path.join(absolute, name));
  }
  addFile(path.join(PACKAGE_DIR, "package.json"));
  rendererFingerprint = hash.digest("hex");
  return rendererFingerprint;
}

interface StoredEntry {
  key: string;
  rendered: RenderedMarkdown;
}

/**
 * Rendered Markdown on disk, one small JSON file per body, keyed by a hash
 * of everything the render reads: the body, its file path and line offset,
 * the site's origin and the renderer's own code. What a body borrows from
 * elsewhere (related cards, images) is stored with it and checked again on
 * every hit (see render-bodies.ts), so a stale entry is never served.
 */
export class RenderCache {
  readonly #used = new Set<string>();

  constructor(readonly dir: string) {}

  key(source: MarkdownSource, siteOrigin: string): string {
    return createHash("sha256")
      .update(fingerprint())
      .update(`\0${siteOrigin}\0${source.path}\0${source.bodyLineOffset}\0`)
      .update(source.body)
      .digest("hex");
  }

  read(key: string): RenderedMarkdown | undefined {
    this.#used.add(key);
    try {
      const entry = JSON.parse(readFileSync(this.#file(key), "utf8")) as StoredEntry;
      return entry.key === key ? entry.rendered : undefined;
    } catch {
      return undefined; // missing, or cut short by a killed build: render again
    }
  }

  write(key: string, rendered: RenderedMarkdown): void {
    this.#used.add(key);
    const file = this.#file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    // Through a temporary name: a reader never sees half an entry.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, rendered } satisfies StoredEntry));
    renameSync(temporary, file);
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
