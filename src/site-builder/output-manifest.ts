import { randomUUID } from "node:crypto";
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
 *
 * On disk it is a whole manifest and the changes made since it, in a second
 * file that names it: an edit commits a few dozen of 240,000 files at
 * 100,000 articles, and writing them all again (made durable) took 0.4 s
 * (decision 0070). The changes are folded into a new whole manifest once
 * they outnumber a twentieth of it.
 */
export interface OutputManifest {
  outputId: string;
  /** Site path -> key. */
  files: Map<string, string>;
  /** Site path -> "size:mtimeMs" when written. */
  stamps: Map<string, string>;
  /** How it was read: the whole manifest's id, and the changes since it (a path's key and stamp, or null once deleted). */
  record?: ManifestRecord;
}

export interface ManifestRecord {
  baseId: string;
  changes: Map<string, readonly [key: string, stamp: string] | null>;
}

const MANIFEST_VERSION = 4;

/** Changes kept beside a whole manifest before it is written whole again: at least this many, or a twentieth of its files. */
const MIN_CHANGES_BEFORE_FOLDING = 1000;

/** The file of the changes made since the whole manifest in `manifestFile`. */
export function manifestChangesFile(manifestFile: string): string {
  return manifestFile.replace(/(\.json)?$/, ".changes.json");
}

interface StoredManifest {
  version: number;
  id: string;
  outputId: string;
  /**
   * Each file's site path, key and stamp, one after another in one list:
   * a list of three per file took half as long again to read into the maps
   * (240,000 lists at 100,000 articles: 0.44-0.48 s against 0.28-0.34 s).
   */
  files: string[];
}

interface StoredChanges {
  version: number;
  baseId: string;
  outputId: string;
  /** [path, key, stamp] for a file written, [path] for one deleted. */
  changes: ([string, string, string] | [string])[];
}

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
  const stored = readStored<StoredManifest>(file);
  if (!stored || !Array.isArray(stored.files) || stored.files.length % 3 !== 0 || typeof stored.id !== "string") return undefined;
  const { files } = stored;
  // One loop fills both maps: two passes, each making a pair per file, took half as long again at 240,000 files.
  const record: ManifestRecord = { baseId: stored.id, changes: new Map() };
  const manifest: OutputManifest = { outputId, files: new Map(), stamps: new Map(), record };
  for (let at = 0; at < files.length; at += 3) {
    const sitePath = files[at]!;
    manifest.files.set(sitePath, files[at + 1]!);
    manifest.stamps.set(sitePath, files[at + 2]!);
  }
  // Changes written for another whole manifest (one written whole since) are not these.
  const changed = readStored<StoredChanges>(manifestChangesFile(file));
  const isCurrent = changed?.baseId === stored.id && Array.isArray(changed.changes);
  if (isCurrent) applyChanges(manifest, record, changed.changes);
  const recordedOutputId = isCurrent ? changed.outputId : stored.outputId;
  if (recordedOutputId === outputId) return manifest;
  // Another folder: the same files, as they were written?
  return [...manifest.stamps].every(([sitePath, stamp]) => isSameStamp(outputFileStamp(path.join(outputDir, sitePath)), stamp)) ? manifest : undefined;
}

function readStored<T extends { version: number }>(file: string): T | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as T;
    return stored.version === MANIFEST_VERSION ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The stored changes applied to the manifest read whole, and remembered in its record for the next commit. */
function applyChanges(manifest: OutputManifest, record: ManifestRecord, changes: StoredChanges["changes"]): void {
  for (const [sitePath, key, stamp = ""] of changes) {
    if (key === undefined) {
      manifest.files.delete(sitePath);
      manifest.stamps.delete(sitePath);
      record.changes.set(sitePath, null);
    } else {
      manifest.files.set(sitePath, key);
      manifest.stamps.set(sitePath, stamp);
      record.changes.set(sitePath, [key, stamp]);
    }
  }
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

/** A manifest to write: its stamps may be a lookup (stampsOf). */
export type ManifestToWrite = Omit<OutputManifest, "stamps"> & { stamps: StampLookup };

/** Writes the manifest whole, or not at all (a temporary file renamed over the old one), under a new id: changes written for the one it replaces no longer apply. */
export function writeOutputManifest(file: string, manifest: ManifestToWrite, options: { flush?: boolean } = {}): void {
  writeFileWhole(file, wholeManifestText(manifest), options);
}

function wholeManifestText(manifest: ManifestToWrite): string {
  const files: string[] = [];
  for (const [sitePath, key] of manifest.files) files.push(sitePath, key, manifest.stamps.get(sitePath) ?? "");
  return JSON.stringify({ version: MANIFEST_VERSION, id: randomUUID(), outputId: manifest.outputId, files } satisfies StoredManifest);
}

/**
 * What a commit writes for its manifest, and where: the changes since the
 * whole manifest that `record` was read from, the commit's among them
 * (`written`, `removed`), or, when there is none or they have grown too
 * many, the manifest whole.
 */
export function manifestUpdate(manifestFile: string, manifest: ManifestToWrite, commit: { written: readonly string[]; removed: readonly string[] }): { file: string; text: string } {
  const { record } = manifest;
  const whole = () => ({ file: manifestFile, text: wholeManifestText(manifest) });
  if (!record) return whole();
  // A path changed again counts once.
  const changes = new Map(record.changes);
  for (const sitePath of commit.removed) changes.set(sitePath, null);
  for (const sitePath of commit.written) {
    const key = manifest.files.get(sitePath);
    if (key === undefined) throw new Error(`internal error, please report: ${sitePath} is written but not in the manifest`);
    changes.set(sitePath, [key, manifest.stamps.get(sitePath) ?? ""]);
  }
  if (changes.size > Math.max(MIN_CHANGES_BEFORE_FOLDING, manifest.files.size / 20)) return whole();
  const stored: StoredChanges = { version: MANIFEST_VERSION, baseId: record.baseId, outputId: manifest.outputId, changes: [...changes].map(([sitePath, change]) => (change ? [sitePath, ...change] : [sitePath])) };
  return { file: manifestChangesFile(manifestFile), text: JSON.stringify(stored) };
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
