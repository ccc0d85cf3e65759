import { copyFile, link, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "./map-limit.ts";

/**
 * Recreates the folder `from` at `to` with hard links to its files (copies
 * where links are not possible: another file system). Both sides may be
 * read afterwards; neither is ever edited in place (builds replace folders).
 */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await mapLimit(await readdir(from, { withFileTypes: true }), 16, async (entry) => {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  });
}
