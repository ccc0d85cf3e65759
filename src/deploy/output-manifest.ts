import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/** One output file as deployed: the SHA-256 of its bytes and its size. */
export interface ManifestEntry {
  sha256: string;
  size: number;
}

/**
 * Every file of a built site by its path relative to the site's root
 * ("news/x/index.html", always with "/"), sorted. A deployment is described
 * by the manifest of what it uploaded, and the next deploy compares against it.
 */
export interface OutputManifest {
  version: 1;
  files: Record<string, ManifestEntry>;
}

export const EMPTY_MANIFEST: OutputManifest = Object.freeze({ version: 1, files: Object.freeze({}) }) as OutputManifest;

/** Files read at once while hashing: enough to keep the disk busy, few enough for the open-file limit. */
const HASH_CONCURRENCY = 16;
/** Larger files (audio, video) are streamed rather than read whole. */
const STREAM_ABOVE_BYTES = 16 * 1024 * 1024;

/** The manifest of a folder: every file under it, symlinks followed as a host's upload follows them. */
export async function manifestOfFolder(dir: string): Promise<OutputManifest> {
  const files = await listFiles(path.resolve(dir));
  const entries: [string, ManifestEntry][] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const relative = files[index]!;
      entries[index] = [relative, await hashFile(path.join(dir, relative))];
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
  return { version: 1, files: Object.fromEntries(entries) };
}

async function hashFile(file: string): Promise<ManifestEntry> {
  const { size } = await stat(file);
  const hash = createHash("sha256");
  if (size <= STREAM_ABOVE_BYTES) hash.update(await readFile(file));
  else for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest("hex"), size };
}

/** Paths of every file under `root`, relative with "/" separators, sorted by code point. */
export async function listFiles(root: string, dir = root, found: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const absolute = path.join(dir, entry.name);
    const isDirectory = entry.isSymbolicLink() ? (await stat(absolute)).isDirectory() : entry.isDirectory();
    if (isDirectory) await listFiles(root, absolute, found);
    else found.push(path.relative(root, absolute).split(path.sep).join("/"));
  }
  if (dir === root) found.sort(byCodePoint);
  return found;
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeManifest(manifest: OutputManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/** A manifest read back from a target; anything else is refused rather than half-trusted. */
export function parseManifest(text: string, source: string): OutputManifest {
  const value = JSON.parse(text) as Partial<OutputManifest>;
  if (value?.version !== 1 || typeof value.files !== "object" || value.files === null) {
    throw new Error(`${source} is not a deploy manifest of this version (expected {"version":1,"files":{...}})`);
  }
  for (const [file, entry] of Object.entries(value.files)) {
    if (typeof entry?.sha256 !== "string" || typeof entry.size !== "number") throw new Error(`${source}: the entry for ${file} has no sha256 and size`);
  }
  return value as OutputManifest;
}
