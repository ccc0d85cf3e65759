import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheKey, codeFingerprint } from "../cache/keyed-json-cache.ts";
import { linkTree } from "../util/link-tree.ts";
import { LIVE_PATH, MANIFEST_FILE, manifestText, type BundleManifest, type ManifestBundle, type SupersededResult } from "./bundle-manifest.ts";
import { planBundles, type BundlePlan, type BundleSizes, type PlannedArchive } from "./bundle-plan.ts";
import { indexBundle } from "./index-bundle.ts";
import { readFragment } from "./pagefind-files.ts";
import { RecordCache } from "./record-cache.ts";
import { childrenPeakMB, PagefindProcesses } from "./pagefind-processes.ts";
import type { SearchRecordSource } from "./search-record.ts";
import { bundleDir, bundlesDir, lastBundles, readState, withStateLock, writeState, type SearchState, type StoredArchive, type StoredLive } from "./search-state.ts";

/**
 * The bounds, from measurements on a 2-core machine under load (Pagefind 1.6,
 * the benchmark corpus; docs/decisions/0045-search-is-indexed-incrementally.md):
 * indexing 100-200 records takes about 0.6 s, 300 1 s, 2,500 8.6 s. An
 * archive of 2,500 articles keeps a search at 100,000 articles to 41
 * bundles, as before; 100 unarchived and 100 superseded articles keep the
 * live bundle (with the standalone pages) to about a second of indexing, and
 * a compaction comes every 100 new stories (the newest archive again: about
 * 4 s on average) or 100 amended or deleted archived ones (one archive, 8.6 s).
 */
export const DEFAULT_BUNDLE_SIZES: BundleSizes = { articlesPerArchive: 2500, freshLimit: 100, supersededLimit: 100 };

/** What the bundles are made with besides their records: this module (records included), the date format, Pagefind's locked version. */
const FORMAT_SOURCES = ["src/search", "src/format/dates.ts", "package-lock.json"];

export interface UpdateSearchOptions {
  /** Where the state and the bundles are kept between updates (`.cache/search/`); missing or damaged: everything is indexed. */
  stateDir: string;
  /** Articles newest first, then standalone pages. */
  records: readonly SearchRecordSource[];
  /** Pagefind processes indexing at once (default 2: one a core, each bundle's index in its own process). */
  pagefindProcesses?: number;
  sizes?: Partial<BundleSizes>;
  /** Told of each record indexed, with how many this update indexes (a cold 100,000-article search takes minutes). */
  onRecordIndexed?: (total: number) => void;
}

export interface SearchBundle {
  /** Where the site publishes it: "/pagefind/", "/pagefind-archive-1/", ... */
  sitePath: string;
  /** Its files, in the state folder: link or copy them, never edit them. */
  dir: string;
  /** Whether its files differ from those the last update gave for this site path. */
  changed: boolean;
}

export interface SearchSummary {
  indexedRecords: number;
  indexedBundles: number;
  reusedBundles: number;
  /** Highest resident memory of the Pagefind processes running at once, in MB (Linux; 0 elsewhere). */
  pagefindPeakMB: number;
}

export interface SearchUpdate {
  /** The live bundle first, then the archives, newest first. */
  bundles: SearchBundle[];
  /** Site paths of bundles the last update gave and this one does not. */
  removedBundles: string[];
  summary: SearchSummary;
}

/**
 * Brings the site's search bundles up to date with its records (see
 * bundle-plan.ts for which bundles are indexed again): needs the content
 * only, not the pages. Pagefind runs in processes of its own, up to
 * `pagefindProcesses` at a time.
 */
export async function updateSearch(options: UpdateSearchOptions): Promise<SearchUpdate> {
  const sizes = { ...DEFAULT_BUNDLE_SIZES, ...options.sizes };
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < (name === "articlesPerArchive" ? 1 : 0)) throw new Error(`internal error, please report: search bundle size ${name} must be a whole number, got ${value}`);
  }
  const stateDir = path.resolve(options.stateDir);
  const format = cacheKey(codeFingerprint(FORMAT_SOURCES), JSON.stringify(sizes));
  return withStateLock(stateDir, async () => {
    const before = lastBundles(stateDir);
    const previous = readState(stateDir, format);
    const plan = planBundles(previous?.archives ?? [], options.records, sizes);
    const update = new Update(stateDir, format, options.records, new PagefindProcesses(options.pagefindProcesses ?? 2));
    if (options.onRecordIndexed) {
      const total = update.recordsToIndex(plan, previous?.live);
      update.onRecord = () => options.onRecordIndexed!(total);
    }
    const [archives, liveIndex] = await Promise.all([Promise.all(plan.archives.map((archive) => update.archive(archive))), update.liveIndex(plan, previous?.live)]);
    const live = await update.live(liveIndex, plan, archives, previous?.live);
    writeState(stateDir, { format, archives, live });
    await pruneFolders(stateDir, { archives, live });
    return result(stateDir, before, archives, live, update.summary);
  });
}

/** The folders and summary of one update. */
class Update {
  readonly summary: SearchSummary = { indexedRecords: 0, indexedBundles: 0, reusedBundles: 0, pagefindPeakMB: 0 };
  readonly #sources: Map<string, SearchRecordSource>;
  onRecord: (() => void) | undefined;

  constructor(
    readonly stateDir: string,
    readonly format: string,
    records: readonly SearchRecordSource[],
    readonly processes: PagefindProcesses,
  ) {
    this.#sources = new Map(records.map((source) => [source.url, source]));
  }

  /** How many records this update indexes: the archives planned anew, and the live bundle unless it holds what it held. */
  recordsToIndex(plan: BundlePlan<StoredArchive>, previous: StoredLive | undefined): number {
    const archives = plan.archives.reduce((sum, archive) => sum + ("keep" in archive ? 0 : archive.index.length), 0);
    return archives + (previous && isLiveKept(this.#liveMembers(plan), previous) ? 0 : plan.live.length);
  }

  #liveMembers(plan: BundlePlan<StoredArchive>): StoredLive["members"] {
    return plan.live.map((url) => ({ url, hash: this.#sources.get(url)!.hash }));
  }

  /** An archive as planned: kept, or indexed into a folder named by its records. */
  async archive(planned: PlannedArchive<StoredArchive>): Promise<StoredArchive> {
    if ("keep" in planned) {
      this.summary.reusedBundles++;
      return planned.keep;
    }
    const sources = planned.index.map((url) => this.#sources.get(url)!);
    const folder = `${folderName(planned.sitePath)}-${this.#key(sources)}`;
    const { ids, newest } = await this.#index(sources, folder, true);
    return { sitePath: planned.sitePath, folder, newest, members: sources.map((source) => ({ url: source.url, hash: source.hash, id: ids.get(source.url)! })) };
  }

  /** The live bundle's Pagefind files: the last ones if its records are the same, else indexed anew. */
  async liveIndex(plan: BundlePlan<StoredArchive>, previous: StoredLive | undefined): Promise<LiveIndex> {
    const sources = plan.live.map((url) => this.#sources.get(url)!);
    const members = this.#liveMembers(plan);
    const key = this.#key(sources);
    if (previous && isLiveKept(members, previous)) {
      this.summary.reusedBundles++;
      return { key, members, newest: previous.newest, dir: bundleDir(this.stateDir, previous.folder), fresh: false };
    }
    const folder = `live-index-${key}`;
    const records = new RecordCache(this.stateDir, this.format);
    const { newest } = await this.#index(records.through(sources), folder, false);
    records.save();
    return { key, members, newest, dir: bundleDir(this.stateDir, folder), fresh: true };
  }

  /** The live bundle: its Pagefind files and the list of bundles, in a folder named by both. */
  async live(index: LiveIndex, plan: BundlePlan<StoredArchive>, archives: readonly StoredArchive[], previous: StoredLive | undefined): Promise<StoredLive> {
    const kept = new Map(plan.archives.flatMap((archive) => ("keep" in archive ? [[archive.sitePath, archive.superseded] as const] : [])));
    const listed = previous ? await listedSuperseded(bundleDir(this.stateDir, previous.folder)) : new Map<string, SupersededResult>();
    const archiveEntries = await Promise.all(archives.map((archive) => this.#manifestEntry(archive, kept.get(archive.sitePath) ?? [], listed)));
    const manifest = manifestText({ path: LIVE_PATH, newest: index.newest }, archiveEntries);
    // Named by what it holds, not by where its files came from: the same records and list give the same folder.
    const folder = `live-${cacheKey(index.key, manifest).slice(0, 16)}`;
    const dir = bundleDir(this.stateDir, folder);
    if (!existsSync(path.join(dir, MANIFEST_FILE))) {
      await inTemporary(dir, async (temporary) => {
        await linkTree(index.dir, temporary);
        // A linked file is shared with the folder it came from: replaced, never written through.
        await rm(path.join(temporary, MANIFEST_FILE), { force: true });
        await writeFile(path.join(temporary, MANIFEST_FILE), manifest);
      });
    }
    // A fresh index is only the live folder's makings: its files live on there, linked.
    if (index.fresh) await rm(index.dir, { recursive: true, force: true });
    return { sitePath: LIVE_PATH, folder, newest: index.newest, members: index.members };
  }

  /** A bundle's records as a folder name: the same records, the same folder (and files). */
  #key(sources: readonly SearchRecordSource[]): string {
    return cacheKey(this.format, ...sources.flatMap((source) => [source.url, source.hash])).slice(0, 16);
  }

  /** An archive as the list gives it: its superseded results' filter values as the last list gave them, or from their fragments. */
  async #manifestEntry(archive: StoredArchive, superseded: readonly { url: string; id: string }[], listed: Map<string, SupersededResult>): Promise<ManifestBundle> {
    const dir = bundleDir(this.stateDir, archive.folder);
    const filtersOf = async (id: string) => listed.get(`${archive.sitePath} ${id}`)?.filters ?? (await readFragment(dir, id)).filters;
    const entries = await Promise.all(superseded.map(async ({ url, id }) => ({ url, id, filters: await filtersOf(id) })));
    return { path: archive.sitePath, newest: archive.newest, ...(entries.length > 0 ? { superseded: entries } : {}) };
  }

  /** Indexes records into `bundles/<folder>` through a temporary folder. */
  async #index(sources: readonly SearchRecordSource[], folder: string, readIds: boolean): Promise<{ ids: Map<string, string>; newest: string }> {
    const indexed = await this.processes.run(async (pagefind) => {
      let bundle: Awaited<ReturnType<typeof indexBundle>> | undefined;
      await inTemporary(bundleDir(this.stateDir, folder), async (temporary) => {
        bundle = await indexBundle(pagefind, sources, temporary, { readIds, ...(this.onRecord ? { onRecord: this.onRecord } : {}) });
      });
      this.summary.pagefindPeakMB = Math.max(this.summary.pagefindPeakMB, childrenPeakMB());
      return bundle!;
    });
    this.summary.indexedBundles++;
    this.summary.indexedRecords += sources.length;
    return indexed;
  }
}

/** The live bundle holds what it held: the same records, with the same hashes, in the same order. */
function isLiveKept(members: StoredLive["members"], previous: StoredLive): boolean {
  return JSON.stringify(previous.members) === JSON.stringify(members);
}

/** The live bundle's Pagefind files, before the list of bundles is added to them. */
interface LiveIndex {
  key: string;
  members: StoredLive["members"];
  newest: string;
  dir: string;
  /** Indexed in this update, in a folder of its own (else: the last live folder). */
  fresh: boolean;
}

/** The superseded results the live folder's list names, by archive path and id ("" map when it cannot be read). */
async function listedSuperseded(liveDir: string): Promise<Map<string, SupersededResult>> {
  try {
    const manifest = JSON.parse(await readFile(path.join(liveDir, MANIFEST_FILE), "utf8")) as BundleManifest;
    return new Map(manifest.bundles.flatMap((bundle) => (bundle.superseded ?? []).map((result) => [`${bundle.path} ${result.id}`, result] as const)));
  } catch {
    return new Map();
  }
}

/** "/pagefind-archive-3/" -> "pagefind-archive-3". */
const folderName = (sitePath: string) => sitePath.split("/").filter(Boolean).join("-");

/** Writes a folder whole under a temporary name, then gives it its name (replacing a leftover of the same name). */
async function inTemporary(dir: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${dir}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    await write(temporary);
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** How long a folder stays after the state stops naming it: another build of the site may have been given it and be linking it. */
const UNUSED_FOLDER_MS = 10 * 60_000;

/**
 * Deletes the folders the state does not name and no update has given out
 * for a while (each update marks the folders it gives out as just used).
 */
async function pruneFolders(stateDir: string, state: Pick<SearchState, "archives" | "live">): Promise<void> {
  const used = new Set([...state.archives.map((archive) => archive.folder), state.live.folder]);
  const now = new Date();
  for (const name of await readdir(bundlesDir(stateDir)).catch(() => [])) {
    const dir = bundleDir(stateDir, name);
    if (used.has(name)) await utimes(dir, now, now);
    else if (now.getTime() - ((await stat(dir).catch(() => undefined))?.mtimeMs ?? 0) > UNUSED_FOLDER_MS) await rm(dir, { recursive: true, force: true });
  }
  // What earlier builds kept here (one folder per shard, named by a SHA-256, and its expectation file).
  for (const name of await readdir(stateDir).catch(() => [])) {
    if (/^[0-9a-f]{64}(\.inputs)?$/.test(name)) await rm(path.join(stateDir, name), { recursive: true, force: true });
  }
}

/** `before`: each bundle's folder by site path, as the last update gave them. */
function result(stateDir: string, before: ReadonlyMap<string, string>, archives: readonly StoredArchive[], live: StoredLive, summary: SearchSummary): SearchUpdate {
  const bundles = [live, ...[...archives].reverse()].map((bundle) => ({ sitePath: bundle.sitePath, dir: bundleDir(stateDir, bundle.folder), changed: before.get(bundle.sitePath) !== bundle.folder }));
  const now = new Set(bundles.map((bundle) => bundle.sitePath));
  return { bundles, removedBundles: [...before.keys()].filter((sitePath) => !now.has(sitePath)), summary };
}
