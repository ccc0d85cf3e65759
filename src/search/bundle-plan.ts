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

/**
 * `records`: articles newest first, then pages; each URL once. Every URL is
 * looked up once, and a record's place stands for it after that: at 100,000
 * articles in 40 archives, a plan of a Map or Set per question took 1.8 s
 * of an edit.
 */
export function planBundles<A extends IndexedArchive>(archives: readonly A[], records: readonly RecordKey[], sizes: BundleSizes): BundlePlan<A> {
  const placeOf = new Map<string, number>();
  records.forEach((record, place) => placeOf.set(record.url, place));
  // Each member's record now, by its place (-1: gone).
  const memberPlaces = archives.map((archive) => archive.members.map((member) => placeOf.get(member.url) ?? -1));
  const isArticleAt = (place: number) => place >= 0 && records[place]!.kind === "article";
  const isIntactAt = (member: ArchiveMember, place: number) => isArticleAt(place) && records[place]!.hash === member.hash;
  const superseded = archives.map((archive, index) => archive.members.filter((member, at) => !isIntactAt(member, memberPlaces[index]![at]!)));
  const reindex = compacted(superseded.map((members) => members.length), sizes.supersededLimit);
  const isArchived = new Uint8Array(records.length);
  for (const places of memberPlaces) for (const place of places) if (place >= 0) isArchived[place] = 1;
  const fresh: number[] = [];
  records.forEach((record, place) => {
    if (record.kind === "article" && isArchived[place] === 0) fresh.push(place);
  });
  // Oldest first: the newest archive is filled before new ones are cut.
  const sealing = fresh.length > sizes.freshLimit ? fresh.reverse() : [];
  const isHeld = new Uint8Array(records.length);
  const held = (places: number[]) => {
    places.sort((a, b) => a - b); // newest first
    for (const place of places) isHeld[place] = 1;
    return places.map((place) => records[place]!.url);
  };
  const planned: PlannedArchive<A>[] = [];
  const removed: string[] = [];
  archives.forEach((archive, index) => {
    const isNewest = index === archives.length - 1;
    const places = memberPlaces[index]!;
    const stillArticles = places.filter(isArticleAt);
    const room = isNewest ? Math.max(0, sizes.articlesPerArchive - stillArticles.length) : 0;
    if (!reindex.has(index) && (room === 0 || sealing.length === 0)) {
      archive.members.forEach((member, at) => {
        if (isIntactAt(member, places[at]!)) isHeld[places[at]!] = 1;
      });
      planned.push({ sitePath: archive.sitePath, keep: archive, superseded: superseded[index]! });
      return;
    }
    const urls = held([...stillArticles, ...sealing.splice(0, room)]);
    if (urls.length > 0) planned.push({ sitePath: archive.sitePath, index: urls });
    else removed.push(archive.sitePath);
  });
  let number = Math.max(0, ...archives.map((archive) => archiveNumber(archive.sitePath)));
  while (sealing.length > 0) planned.push({ sitePath: archivePath(++number), index: held(sealing.splice(0, sizes.articlesPerArchive)) });
  return { archives: planned, live: records.filter((_, place) => isHeld[place] === 0).map((record) => record.url), removed };
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
