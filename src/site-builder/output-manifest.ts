import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { writeFileWhole } from "../util/write-whole.ts";

/**
 * What the output folder holds, as the build that wrote it left it: every
 * file by its site path ("news/x/index.html"), with the key of the inputs it
 * was made from (page-keys.ts) and its stamp (size and modification time).
 * The next build renders only the files whose key differs and deletes those
 * no longer planned; the rest stay as they are.
 *
 * `outputId` names the folder the manifest describes (its device, inode and
 * creation time: an inode alone is reused for the next folder made). Another
 * folder (CI restores `_site/` from its cache as a new folder) is trusted
 * only when every file is there with the stamp recorded: a folder rebuilt by
 * hand, or restored from another build, is not, and the build starts from
 * nothing.
 */
export interface OutputManifest {
  outputId: string;
  /** Site path -> key. */
  files: Map<string, string>;
  /** Site path -> "size:mtimeMs" when written. */
  stamps: Map<string, string>;
}

const MANIFEST_VERSION = 2;

/** The identity of an output folder, or undefined when there is none. */
export function outputFolderId(outputDir: string): string | undefined {
  try {
    const stat = statSync(outputDir);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}:${stat.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** A file's stamp as the manifest records it, or undefined when it is missing. */
export function outputFileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The manifest in `file`, if it is whole and describes `outputDir` as it is now. */
export function readOutputManifest(file: string, outputDir: string): OutputManifest | undefined {
  const outputId = outputFolderId(outputDir);
  if (!outputId) return undefined;
  let stored: { version: number; outputId: string; files: [string, string, string][] };
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as typeof stored;
  } catch {
    return undefined;
  }
  if (stored.version !== MANIFEST_VERSION || !Array.isArray(stored.files)) return undefined;
  // One loop fills both maps: two passes, each making a pair per file, took half as long again at 240,000 files.
  const manifest: OutputManifest = { outputId, files: new Map(), stamps: new Map() };
  for (const [sitePath, key, stamp] of stored.files) {
    manifest.files.set(sitePath, key);
    manifest.stamps.set(sitePath, stamp);
  }
  if (stored.outputId === outputId) return manifest;
  // Another folder: the same files, as they were written?
  return [...manifest.stamps].every(([sitePath, stamp]) => isSameStamp(outputFileStamp(path.join(outputDir, sitePath)), stamp)) ? manifest : undefined;
}

/** The same size, and the same time to the second: a copy that keeps times (tar in CI's cache, cp -p) may round it. */
function isSameStamp(now: string | undefined, then: string): boolean {
  if (!now) return false;
  const [sizeNow, timeNow] = now.split(":").map(Number);
  const [sizeThen, timeThen] = then.split(":").map(Number);
  return sizeNow === sizeThen && Math.abs(timeNow! - timeThen!) < 1000;
}

/** A manifest's stamps by site path: a map, or a lookup (stampsOf). */
export interface StampLookup {
  get(sitePath: string): string | undefined;
}

/** Writes the manifest whole or not at all (a temporary file renamed over the old one). */
export function writeOutputManifest(file: string, manifest: Omit<OutputManifest, "stamps"> & { stamps: StampLookup }, options: { flush?: boolean } = {}): void {
  const files = [...manifest.files].map(([sitePath, key]) => [sitePath, key, manifest.stamps.get(sitePath) ?? ""]);
  writeFileWhole(file, JSON.stringify({ version: MANIFEST_VERSION, outputId: manifest.outputId, files }), options);
}

/**
 * The stamps of a manifest's files: those written now read from `siteDir`
 * (the output folder, or the staging folder they are moved from) when this
 * is called, the others as `previous` recorded them when asked for. A
 * lookup, not a new map: an edit at 100,000 articles writes a few dozen of
 * 240,000 files, and copying every stamp into a map took 0.45 s.
 */
export function stampsOf(siteDir: string, files: ReadonlyMap<string, string>, written: Iterable<string> | "all", previous?: StampLookup): StampLookup {
  const stampIn = (sitePath: string) => outputFileStamp(path.join(siteDir, sitePath)) ?? "";
  if (written === "all") return new Map([...files.keys()].map((sitePath) => [sitePath, stampIn(sitePath)]));
  // Asked only of the manifest's files (writeOutputManifest).
  const fresh = new Map<string, string>();
  for (const sitePath of written) fresh.set(sitePath, stampIn(sitePath));
  return { get: (sitePath) => fresh.get(sitePath) ?? previous?.get(sitePath) ?? stampIn(sitePath) };
}

/** A file's site path as the manifest names it, from its path in a site folder. */
export function sitePathOf(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join("/");
}
