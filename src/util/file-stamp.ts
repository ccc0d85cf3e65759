import { statSync, type Stats } from "node:fs";

/** A file's stamp: its modification time, size and inode. A file whose stamp is unchanged is taken as unchanged (as git's index does). */
export function statStamp(stat: Stats): string {
  return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
}

/** The stamp of the file at `absolutePath` (throws when it cannot be read). */
export function fileStamp(absolutePath: string): string {
  return statStamp(statSync(absolutePath));
}

/**
 * Files' stamps for one load, each taken once: a load compares every
 * article's files and its kept assets (10,000 articles share a few hundred
 * photos). A build starts from the stamps its input digest took a moment
 * before (src/site-builder/input-digest.ts), so that no file of the content
 * folder is stat-ed twice: at 100,000 articles the second pass took most of
 * a second. A file changed since then is only read again by the next build.
 */
export class FileStamps {
  readonly #stamps: Map<string, string | undefined>;

  /** `taken`: stamps already taken in this build, by absolute path. */
  constructor(taken?: Iterable<readonly [string, string]>) {
    this.#stamps = new Map(taken);
  }

  /** The file's stamp; undefined when it cannot be read. */
  of(absolutePath: string): string | undefined {
    if (this.#stamps.has(absolutePath)) return this.#stamps.get(absolutePath);
    let stamp: string | undefined;
    try {
      stamp = fileStamp(absolutePath);
    } catch {
      stamp = undefined;
    }
    this.#stamps.set(absolutePath, stamp);
    return stamp;
  }
}
