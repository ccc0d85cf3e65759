import { statSync, type Stats } from "node:fs";

/** A file's stamp: its modification time, size and inode. A file whose stamp is unchanged is taken as unchanged (as git's index does). */
export function statStamp(stat: Stats): string {
  return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
}

/** The stamp of the file at `absolutePath` (throws when it cannot be read). */
export function fileStamp(absolutePath: string): string {
  return statStamp(statSync(absolutePath));
}
