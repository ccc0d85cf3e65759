/**
 * Which search bundles an update keeps and which it indexes: a pure function
 * of the archive bundles the last update left and the records now.
 *
 * Archive bundles are cut from the oldest article on and indexed once; each
 * keeps the articles it was indexed with. An archived article whose record
 * has changed since (or that is gone) is superseded: the live bundle holds
 * its new record, if any, and lists it, so that the search page ignores the
 * archive's. The live bundle (`/pagefind/`, indexed on every change) holds
 * the standalone pages, the articles not yet archived, and those amended
 * ones. Two bounds keep it small, and are the only times an update indexes
 * more than the live bundle (compaction):
 * - more than `freshLimit` unarchived articles: they are all sealed into
 *   the archives, the newest archive filled up to `articlesPerArchive`
 *   (indexed again) and new ones cut after it;
 * - more than `supersededLimit` superseded articles: the archives holding
 *   most of them are indexed again with the current records, until at most
 *   half the bound is left (so that the next few edits do not compact again).
 */

export interface BundleSizes {
  /** Articles an archive bundle is filled to: what one search fetches from at most, per archive. */
  articlesPerArchive: number;
  /** Articles not yet archived that the live bundle holds before they are sealed. */
  freshLimit: number;
  /** Superseded archived articles before the archives holding most of them are indexed again. */
  supersededLimit: number;
}

/** The record of one page as the plan sees it (see SearchRecordSource). */
export interface RecordKey {
  url: string;
  kind: "article" | "page";
  hash: string;
}

/** An archived article as its bundle was indexed: its record's hash then, and its result id in that bundle. */
export interface ArchiveMember {
  url: string;
  hash: string;
  id: string;
}

export interface IndexedArchive {
  sitePath: string;
  members: readonly ArchiveMember[];
}

/** An archive bundle kept as it is (with the members it no longer speaks for), or one to index with these articles. */
export type PlannedArchive<A extends IndexedArchive = IndexedArchive> = { sitePath: string; keep: A; superseded: ArchiveMember[] } | { sitePath: string; index: string[] };

export interface BundlePlan<A extends IndexedArchive = IndexedArchive> {
  /** Oldest first. */
  archives: PlannedArchive<A>[];
  /** The live bundle's records, in the order given. */
  live: string[];
  /** Archive bundles that are no more (every article of theirs gone). */
  removed: string[];
}

export const archivePath = (number: number) => `/pagefind-archive-${number}/`;
const archiveNumber = (sitePath: string) => Number(/^\/pagefind-archive-(\d+)\/$/.exec(sitePath)?.[1] ?? 0);

/** `records`: articles newest first, then pages. */
export function planBundles<A extends IndexedArchive>(archives: readonly A[], records: readonly RecordKey[], sizes: BundleSizes): BundlePlan<A> {
  const current = new Map(records.map((record) => [record.url, record]));
  const superseded = archives.map((archive) => archive.members.filter((member) => !isIntact(member, current.get(member.url))));
  const reindex = compacted(superseded.map((members) => members.length), sizes.supersededLimit);
  const archived = new Set(archives.flatMap((archive) => archive.members.map((member) => member.url)));
  const fresh = records.filter((record) => record.kind === "article" && !archived.has(record.url));
  // Oldest first: the newest archive is filled before new ones are cut.
  const sealing = fresh.length > sizes.freshLimit ? fresh.map((record) => record.url).reverse() : [];
  const position = new Map(records.map((record, index) => [record.url, index]));
  const newestFirst = (urls: string[]) => urls.sort((a, b) => position.get(a)! - position.get(b)!);
  const planned: PlannedArchive<A>[] = [];
  const removed: string[] = [];
  archives.forEach((archive, index) => {
    const isNewest = index === archives.length - 1;
    const stillArticles = archive.members.filter((member) => current.get(member.url)?.kind === "article").map((member) => member.url);
    const room = isNewest ? Math.max(0, sizes.articlesPerArchive - stillArticles.length) : 0;
    if (!reindex.has(index) && (room === 0 || sealing.length === 0)) {
      planned.push({ sitePath: archive.sitePath, keep: archive, superseded: superseded[index]! });
      return;
    }
    const urls = newestFirst([...stillArticles, ...sealing.splice(0, room)]);
    if (urls.length > 0) planned.push({ sitePath: archive.sitePath, index: urls });
    else removed.push(archive.sitePath);
  });
  let number = Math.max(0, ...archives.map((archive) => archiveNumber(archive.sitePath)));
  while (sealing.length > 0) planned.push({ sitePath: archivePath(++number), index: newestFirst(sealing.splice(0, sizes.articlesPerArchive)) });
  const held = new Set(planned.flatMap((archive) => ("index" in archive ? archive.index : archive.keep.members.filter((member) => isIntact(member, current.get(member.url))).map((member) => member.url))));
  return { archives: planned, live: records.filter((record) => !held.has(record.url)).map((record) => record.url), removed };
}

/** Whether an archived article still stands for the record now: an article, with the same record. */
function isIntact(member: ArchiveMember, now: RecordKey | undefined): boolean {
  return now !== undefined && now.kind === "article" && now.hash === member.hash;
}

/**
 * The archives to index again when more than `limit` articles are
 * superseded: those with most first, until at most half the limit is left.
 */
export function compacted(supersededCounts: readonly number[], limit: number): Set<number> {
  let left = supersededCounts.reduce((sum, count) => sum + count, 0);
  const chosen = new Set<number>();
  if (left <= limit) return chosen;
  const byCount = supersededCounts.map((count, index) => ({ count, index })).sort((a, b) => b.count - a.count || a.index - b.index);
  for (const { count, index } of byCount) {
    if (left <= Math.floor(limit / 2)) break;
    chosen.add(index);
    left -= count;
  }
  return chosen;
}
