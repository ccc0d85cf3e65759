import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import type { ArchiveMember } from "./bundle-plan.ts";
import { writeFileWhole } from "../util/write-whole.ts";

/**
 * What the last search update left in the state folder (`.cache/search/`):
 * the bundles it built, each in a folder of its own under `bundles/` named
 * by its content, and `state.json`, which says which folders are the
 * current bundles and what each was indexed from. A bundle's folder is
 * written in full under a temporary name, then renamed; `state.json` is
 * written after its folders, the same way: a killed update leaves the last
 * state as it was. A missing, damaged or foreign state is no state: the
 * update indexes everything, as a cold build does.
 */

const STATE_FILE = "state.json";
const BUNDLES_DIR = "bundles";
const STATE_VERSION = 1;

export interface StoredBundle {
  sitePath: string;
  /** Folder name under `bundles/`. */
  folder: string;
  /** The newest date a record of the bundle is sorted by (ISO, UTC; "" when none is dated). */
  newest: string;
}

export interface StoredArchive extends StoredBundle {
  members: ArchiveMember[];
}

export interface StoredLive extends StoredBundle {
  /** Its records as indexed: url and hash. */
  members: { url: string; hash: string }[];
}

export interface SearchState {
  version: number;
  /** What the bundles were made with (code, Pagefind, sizes): another format is no state. */
  format: string;
  /** Oldest first. */
  archives: StoredArchive[];
  live: StoredLive;
}

/** `.cache/search/` of a project (NEWSROOM_SEARCH_CACHE overrides it). */
export function searchCacheDir(rootDir: string): string {
  const fromEnv = process.env.NEWSROOM_SEARCH_CACHE;
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(rootDir, ".cache", "search");
}

export const bundlesDir = (stateDir: string) => path.join(stateDir, BUNDLES_DIR);
export const bundleDir = (stateDir: string, folder: string) => path.join(stateDir, BUNDLES_DIR, folder);

/** The state the last update left, if it is whole, of this format, and its bundles are all there. */
export function readState(stateDir: string, format: string): SearchState | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(stateDir, STATE_FILE), "utf8")) as SearchState;
    if (state.version !== STATE_VERSION || state.format !== format || !Array.isArray(state.archives) || !state.live) return undefined;
    const folders = [...state.archives.map((archive) => archive.folder), state.live.folder];
    if (!folders.every((folder) => typeof folder === "string" && /^[\w.-]+$/.test(folder) && existsSync(path.join(bundleDir(stateDir, folder), "pagefind-entry.json")))) return undefined;
    const wellFormed = state.archives.every((archive) => typeof archive.sitePath === "string" && Array.isArray(archive.members) && archive.members.every(isMember));
    return wellFormed && Array.isArray(state.live.members) ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site path and folder of each bundle the last update gave, whatever
 * its format (a state of other code still says what the site published).
 */
export function lastBundles(stateDir: string): Map<string, string> {
  try {
    const state = JSON.parse(readFileSync(path.join(stateDir, STATE_FILE), "utf8")) as Partial<SearchState>;
    const bundles = [...(Array.isArray(state.archives) ? state.archives : []), ...(state.live ? [state.live] : [])];
    return new Map(bundles.filter((bundle) => typeof bundle?.sitePath === "string" && typeof bundle.folder === "string").map((bundle) => [bundle.sitePath, bundle.folder]));
  } catch {
    return new Map();
  }
}

function isMember(member: unknown): member is ArchiveMember {
  const { url, hash, id } = (member ?? {}) as Partial<ArchiveMember>;
  return typeof url === "string" && typeof hash === "string" && typeof id === "string";
}

/** Writes the state through a temporary file, so that a reader sees the old one or the new one, whole. */
export function writeState(stateDir: string, state: Omit<SearchState, "version">): void {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, STATE_FILE);
  writeFileWhole(file, JSON.stringify({ version: STATE_VERSION, ...state }));
}

const LOCK = "lock";
/** A lock older than this is a killed update's, whatever its process id says now. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `work` holding the state folder's lock: two builds of one site (or
 * two tests of one fixture) update its search one after the other, and
 * never prune a folder the other is writing.
 */
export async function withStateLock<T>(stateDir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(stateDir, { recursive: true });
  const lock = path.join(stateDir, LOCK);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Whether the process that took the lock is gone (or took it too long ago). */
function isAbandoned(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // No such process: abandoned. No pid file yet: being taken now.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
