import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mulberry32 } from "../../../bench/generate-corpus.ts";
import { archivePath, compacted, planBundles, type BundlePlan, type BundleSizes, type IndexedArchive, type PlannedArchive, type RecordKey } from "../../../src/search/bundle-plan.ts";

const SIZES: BundleSizes = { articlesPerArchive: 3, freshLimit: 2, supersededLimit: 2 };

/** Articles a1 (oldest) ... aN (newest), newest first, then the pages; `hashes` overrides a record's hash. */
function records(count: number, { pages = ["/about/"], hashes = {} as Record<string, string>, without = [] as string[] } = {}): RecordKey[] {
  const articles = Array.from({ length: count }, (_, index) => `/news/a${count - index}/`).filter((url) => !without.includes(url));
  return [...articles.map((url) => ({ url, kind: "article" as const, hash: hashes[url] ?? "v1" })), ...pages.map((url) => ({ url, kind: "page" as const, hash: "v1" }))];
}

/** The archives a plan leaves once indexed (members at the hashes planned, ids made up). */
function indexed(plan: BundlePlan, now: readonly RecordKey[]): IndexedArchive[] {
  const hash = new Map(now.map((record) => [record.url, record.hash]));
  return plan.archives.map((archive) =>
    "keep" in archive ? archive.keep : { sitePath: archive.sitePath, members: archive.index.map((url) => ({ url, hash: hash.get(url)!, id: `id-${url}` })) },
  );
}

const shape = (plan: BundlePlan) => plan.archives.map((archive) => ("keep" in archive ? `keep ${archive.sitePath}` : `index ${archive.sitePath} ${archive.index.join(" ")}`));

describe("search bundle plan", () => {
  test("a cold start with few articles keeps them all in the live bundle, pages too", () => {
    const plan = planBundles([], records(2), SIZES);
    assert.deepEqual(plan, { archives: [], live: ["/news/a2/", "/news/a1/", "/about/"], removed: [] });
  });

  test("past the fresh limit, articles are sealed into archives cut from the oldest: the live bundle keeps the pages", () => {
    const plan = planBundles([], records(7), SIZES);
    assert.deepEqual(shape(plan), [
      "index /pagefind-archive-1/ /news/a3/ /news/a2/ /news/a1/",
      "index /pagefind-archive-2/ /news/a6/ /news/a5/ /news/a4/",
      "index /pagefind-archive-3/ /news/a7/",
    ]);
    assert.deepEqual(plan.live, ["/about/"]);
  });

  test("nothing changed: every archive is kept, nothing superseded, the same live bundle", () => {
    const now = records(7);
    const archives = indexed(planBundles([], now, SIZES), now);
    const plan = planBundles(archives, now, SIZES);
    assert.deepEqual(shape(plan), ["keep /pagefind-archive-1/", "keep /pagefind-archive-2/", "keep /pagefind-archive-3/"]);
    assert.ok(plan.archives.every((archive) => "keep" in archive && archive.superseded.length === 0));
    assert.deepEqual(plan.live, ["/about/"]);
  });

  test("an edited archive article is superseded: its archive is kept, the live bundle holds its new record", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const plan = planBundles(archives, records(7, { hashes: { "/news/a2/": "v2" } }), SIZES);
    assert.deepEqual(shape(plan), ["keep /pagefind-archive-1/", "keep /pagefind-archive-2/", "keep /pagefind-archive-3/"]);
    assert.deepEqual(plan.archives[0]!.sitePath, "/pagefind-archive-1/");
    assert.deepEqual("keep" in plan.archives[0]! && plan.archives[0].superseded, [{ url: "/news/a2/", hash: "v1", id: "id-/news/a2/" }]);
    assert.deepEqual(plan.live, ["/news/a2/", "/about/"]);
  });

  test("a deleted archive article is superseded with no record anywhere; put back as it was, it stands again", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const deleted = planBundles(archives, records(7, { without: ["/news/a5/"] }), SIZES);
    assert.deepEqual("keep" in deleted.archives[1]! && deleted.archives[1].superseded.map((member) => member.url), ["/news/a5/"]);
    assert.deepEqual(deleted.live, ["/about/"]);
    const restored = planBundles(archives, records(7), SIZES);
    assert.ok(restored.archives.every((archive) => "keep" in archive && archive.superseded.length === 0));
  });

  test("new articles stay live up to the fresh limit, then fill the newest archive and cut a new one", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    assert.deepEqual(planBundles(archives, records(9), SIZES).live, ["/news/a9/", "/news/a8/", "/about/"]);
    const sealed = planBundles(archives, records(10), SIZES);
    assert.deepEqual(shape(sealed), ["keep /pagefind-archive-1/", "keep /pagefind-archive-2/", "index /pagefind-archive-3/ /news/a9/ /news/a8/ /news/a7/", "index /pagefind-archive-4/ /news/a10/"]);
    assert.deepEqual(sealed.live, ["/about/"]);
  });

  test("sealing folds the newest archive's own amendments back in and drops its deleted articles", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const now = records(10, { hashes: { "/news/a7/": "v2" } });
    const sealed = planBundles(archives, now, SIZES);
    assert.deepEqual(shape(sealed).slice(2), ["index /pagefind-archive-3/ /news/a9/ /news/a8/ /news/a7/", "index /pagefind-archive-4/ /news/a10/"]);
    assert.deepEqual(sealed.live, ["/about/"]);
  });

  test("past the superseded limit, the archives holding most amendments are indexed again with the current records", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const edits = { "/news/a1/": "v2", "/news/a2/": "v2", "/news/a5/": "v2" };
    const plan = planBundles(archives, records(7, { hashes: edits }), SIZES);
    // Three superseded, over the limit of 2: archive 1 (two of them) is indexed again, leaving one (half the limit).
    assert.deepEqual(shape(plan), ["index /pagefind-archive-1/ /news/a3/ /news/a2/ /news/a1/", "keep /pagefind-archive-2/", "keep /pagefind-archive-3/"]);
    assert.deepEqual(plan.live, ["/news/a5/", "/about/"]);
  });

  test("an archive whose every article is gone is removed; its number is not given again", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const plan = planBundles(archives, records(7, { without: ["/news/a4/", "/news/a5/", "/news/a6/"] }), SIZES);
    assert.deepEqual(plan.removed, ["/pagefind-archive-2/"]);
    assert.deepEqual(shape(plan), ["keep /pagefind-archive-1/", "keep /pagefind-archive-3/"]);
    const gone = { without: ["/news/a4/", "/news/a5/", "/news/a6/"] };
    const sealed = planBundles(indexed(plan, records(7, gone)), records(10, gone), SIZES);
    assert.deepEqual(shape(sealed), ["keep /pagefind-archive-1/", "index /pagefind-archive-3/ /news/a9/ /news/a8/ /news/a7/", "index /pagefind-archive-4/ /news/a10/"]);
  });

  test("an archived article that became a standalone page leaves its archive for the live bundle", () => {
    const archives = indexed(planBundles([], records(7), SIZES), records(7));
    const now = [...records(7, { without: ["/news/a3/"] }), { url: "/news/a3/", kind: "page" as const, hash: "v1" }];
    const plan = planBundles(archives, now, SIZES);
    assert.deepEqual("keep" in plan.archives[0]! && plan.archives[0].superseded.map((member) => member.url), ["/news/a3/"]);
    assert.deepEqual(plan.live, ["/about/", "/news/a3/"]);
  });

  test("every article is in exactly one place, and the live bundle stays within its bounds", () => {
    let archives: IndexedArchive[] = [];
    for (let count = 0; count <= 30; count++) {
      const edits = Object.fromEntries(Array.from({ length: count }, (_, index) => [`/news/a${index + 1}/`, (count + index) % 4 === 0 ? `v${count}` : "v1"]));
      const now = records(count, { hashes: edits });
      const plan = planBundles(archives, now, SIZES);
      const held = plan.archives.flatMap((archive) => ("index" in archive ? archive.index : archive.keep.members.filter((member) => !archive.superseded.includes(member)).map((member) => member.url)));
      assert.deepEqual([...held, ...plan.live].sort(), now.map((record) => record.url).sort(), `after ${count} articles`);
      const superseded = plan.archives.reduce((sum, archive) => sum + ("keep" in archive ? archive.superseded.length : 0), 0);
      assert.ok(superseded <= SIZES.supersededLimit, `${superseded} superseded after ${count}`);
      assert.ok(plan.live.length <= SIZES.freshLimit + SIZES.supersededLimit + 1, `live holds ${plan.live.length} after ${count}`);
      assert.ok(plan.archives.every((archive) => ("index" in archive ? archive.index.length : archive.keep.members.length) <= SIZES.articlesPerArchive));
      archives = indexed(plan, now);
    }
  });

  test("plans as the rules read literally, a Map or Set per question, over random histories of publications, edits, deletions and pages", () => {
    const random = mulberry32(45);
    for (let history = 0; history < 40; history++) {
      const sizes = { articlesPerArchive: 1 + Math.floor(random() * 5), freshLimit: Math.floor(random() * 4), supersededLimit: Math.floor(random() * 4) };
      let published = 0;
      let articles: RecordKey[] = []; // newest first
      let pages: RecordKey[] = [{ url: "/about/", kind: "page", hash: "v1" }];
      let archives: IndexedArchive[] = [];
      for (let step = 0; step < 25; step++) {
        for (let count = Math.floor(random() * 4); count > 0; count--) articles.unshift({ url: `/news/a${++published}/`, kind: "article", hash: "v1" });
        articles = articles.flatMap((article) => {
          const roll = random();
          if (roll < 0.08) return [{ ...article, hash: `v${step}` }];
          if (roll < 0.11) return [];
          if (roll < 0.12) {
            pages = [...pages, { ...article, kind: "page" }];
            return [];
          }
          return [article];
        });
        const now = [...articles, ...pages];
        const plan = planBundles(archives, now, sizes);
        assert.deepEqual(plan, literalPlan(archives, now, sizes), `history ${history}, step ${step}`);
        archives = indexed(plan, now);
      }
    }
  });
});

/** The plan as bundle-plan.ts's rules read, one Map or Set per question: what the one that looks each URL up once must give. */
function literalPlan(archives: readonly IndexedArchive[], records: readonly RecordKey[], sizes: BundleSizes): BundlePlan {
  const current = new Map(records.map((record) => [record.url, record]));
  const isIntact = (member: { url: string; hash: string }) => current.get(member.url)?.kind === "article" && current.get(member.url)!.hash === member.hash;
  const superseded = archives.map((archive) => archive.members.filter((member) => !isIntact(member)));
  const reindex = compacted(superseded.map((members) => members.length), sizes.supersededLimit);
  const archived = new Set(archives.flatMap((archive) => archive.members.map((member) => member.url)));
  const fresh = records.filter((record) => record.kind === "article" && !archived.has(record.url));
  const sealing = fresh.length > sizes.freshLimit ? fresh.map((record) => record.url).reverse() : [];
  const position = new Map(records.map((record, index) => [record.url, index]));
  const newestFirst = (urls: string[]) => urls.sort((a, b) => position.get(a)! - position.get(b)!);
  const planned: PlannedArchive[] = [];
  const removed: string[] = [];
  archives.forEach((archive, index) => {
    const stillArticles = archive.members.filter((member) => current.get(member.url)?.kind === "article").map((member) => member.url);
    const room = index === archives.length - 1 ? Math.max(0, sizes.articlesPerArchive - stillArticles.length) : 0;
    if (!reindex.has(index) && (room === 0 || sealing.length === 0)) {
      planned.push({ sitePath: archive.sitePath, keep: archive, superseded: superseded[index]! });
      return;
    }
    const urls = newestFirst([...stillArticles, ...sealing.splice(0, room)]);
    if (urls.length > 0) planned.push({ sitePath: archive.sitePath, index: urls });
    else removed.push(archive.sitePath);
  });
  let number = Math.max(0, ...archives.map((archive) => Number(/(\d+)\/$/.exec(archive.sitePath)![1])));
  while (sealing.length > 0) planned.push({ sitePath: archivePath(++number), index: newestFirst(sealing.splice(0, sizes.articlesPerArchive)) });
  const held = new Set(planned.flatMap((archive) => ("index" in archive ? archive.index : archive.keep.members.filter(isIntact).map((member) => member.url))));
  return { archives: planned, live: records.filter((record) => !held.has(record.url)).map((record) => record.url), removed };
}

describe("compaction", () => {
  test("nothing under the limit; over it, the archives with most amendments until half the limit is left", () => {
    assert.deepEqual([...compacted([1, 0, 1], 2)], []);
    assert.deepEqual([...compacted([1, 3, 1], 4)], [1]);
    assert.deepEqual([...compacted([2, 2, 2], 4)], [0, 1]);
    assert.deepEqual([...compacted([5, 0, 0], 0)], [0]);
  });
});
