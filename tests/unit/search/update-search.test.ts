import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import type { SearchRecordSource } from "../../../src/search/search-record.ts";
import { updateSearch, type SearchUpdate } from "../../../src/search/update-search.ts";

const SIZES = { articlesPerArchive: 2, freshLimit: 1, supersededLimit: 4 };
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Articles a1 (oldest) ... aN, newest first, then an About page; `versions` changes a record's text (and hash). */
function records(count: number, versions: Record<string, string> = {}): SearchRecordSource[] {
  const article = (number: number): SearchRecordSource => {
    const url = `/news/a${number}/`;
    const version = versions[url] ?? "v1";
    const date = new Date(Date.UTC(2026, 0, number)).toISOString();
    return { url, kind: "article", hash: version, record: () => ({ url, language: "en", content: `Story ${number} ${version}`, meta: { title: `Story ${number}`, date }, filters: { tag: ["Harbour"] }, sort: { date } }) };
  };
  const about: SearchRecordSource = { url: "/about/", kind: "page", hash: "v1", record: () => ({ url: "/about/", language: "en", content: "About us", meta: { title: "About" }, filters: {}, sort: {} }) };
  return [...Array.from({ length: count }, (_, index) => article(count - index)), about];
}

const changed = (update: SearchUpdate) => update.bundles.filter((bundle) => bundle.changed).map((bundle) => bundle.sitePath);

describe("updateSearch", () => {
  test("says which bundles changed, by site path, and which are gone", async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), "newsroom-update-"));
    dirs.push(stateDir);
    const cold = await updateSearch({ stateDir, records: records(5), sizes: SIZES });
    assert.deepEqual(cold.bundles.map((bundle) => bundle.sitePath), ["/pagefind/", "/pagefind-archive-3/", "/pagefind-archive-2/", "/pagefind-archive-1/"]);
    assert.deepEqual(changed(cold), ["/pagefind/", "/pagefind-archive-3/", "/pagefind-archive-2/", "/pagefind-archive-1/"]);
    assert.deepEqual(cold.summary.indexedRecords, 6);
    for (const bundle of cold.bundles) assert.ok(existsSync(path.join(bundle.dir, "pagefind.js")), bundle.sitePath);
    assert.deepEqual(JSON.parse(readFileSync(path.join(cold.bundles[0]!.dir, "bundles.json"), "utf8")).bundles.map((entry: { path: string }) => entry.path), ["/pagefind/", "/pagefind-archive-3/", "/pagefind-archive-2/", "/pagefind-archive-1/"]);

    let toldSame = 0;
    const same = await updateSearch({ stateDir, records: records(5), sizes: SIZES, onRecordIndexed: () => toldSame++ });
    assert.equal(toldSame, 0);
    assert.deepEqual(changed(same), []);
    assert.deepEqual(same.bundles, cold.bundles.map((bundle) => ({ ...bundle, changed: false })));

    // Progress: one call per record indexed, each with how many the update indexes.
    const told: number[] = [];
    const edited = await updateSearch({ stateDir, records: records(5, { "/news/a1/": "v2" }), sizes: SIZES, onRecordIndexed: (total) => told.push(total) });
    assert.deepEqual(told, [2, 2]);
    assert.deepEqual(changed(edited), ["/pagefind/"]);
    assert.deepEqual([edited.summary.indexedBundles, edited.summary.reusedBundles, edited.summary.indexedRecords], [1, 3, 2]);

    // Other sizes are another format: everything is indexed again, and archive 3 is no more.
    const resized = await updateSearch({ stateDir, records: records(5, { "/news/a1/": "v2" }), sizes: { ...SIZES, articlesPerArchive: 3 } });
    assert.deepEqual(resized.bundles.map((bundle) => bundle.sitePath), ["/pagefind/", "/pagefind-archive-2/", "/pagefind-archive-1/"]);
    assert.deepEqual(resized.removedBundles, ["/pagefind-archive-3/"]);
    assert.deepEqual(changed(resized), ["/pagefind/", "/pagefind-archive-2/", "/pagefind-archive-1/"]);
  });

  test("two updates of one state at once run one after the other, and the state folder holds only what the last one named", async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), "newsroom-update-"));
    dirs.push(stateDir);
    const [first, second] = await Promise.all([
      updateSearch({ stateDir, records: records(3), sizes: SIZES }),
      updateSearch({ stateDir, records: records(3, { "/news/a2/": "v2" }), sizes: SIZES }),
    ]);
    assert.deepEqual(first.summary.indexedBundles, 3);
    assert.deepEqual([second.summary.indexedBundles, second.summary.reusedBundles], [1, 2]);
    for (const bundle of second.bundles) assert.ok(existsSync(path.join(bundle.dir, "pagefind-entry.json")), bundle.sitePath);
    assert.deepEqual(readdirSync(stateDir).sort(), ["bundles", "live-records.json", "state.json"]);
    // The first update's live folder stays a while: a build given it may still be linking it.
    assert.ok(existsSync(first.bundles[0]!.dir));
  });
});
