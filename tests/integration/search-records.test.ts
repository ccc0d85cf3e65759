import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { ContentStore } from "../../src/eleventy/content-store.ts";
import { searchRecordSources } from "../../src/search/site-records.ts";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { ROOT } from "../quality/sample-site.ts";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { searchablePart } from "./search-html-path.ts";

/**
 * The search records are built from the site model, not read from the
 * pages; they must find what the pages found. Each site is built, and the
 * searchable part of its article and standalone pages indexed by Pagefind as
 * HTML (what the build indexed before) beside its records: the records'
 * fragments (text, filters, metadata) are the pages' (less the anchors of
 * headings with ids, which a record has none of and the search page does not
 * use), and the word index (words, positions, weights) and filter index are
 * the same files, byte for byte.
 */

const NOW = new Date("2026-11-28T09:00:00Z");
/** Every fixture site that builds (the others hold mistakes on purpose), and the sample site. */
const SITES: Record<string, string> = {
  sample: ROOT,
  ...Object.fromEntries(["basic", "hostile", "text-only", "text-only-briefs", "aliases"].map((name) => [name, path.join(FIXTURE_SITES, name)])),
};

interface Fragment {
  url: string;
  anchors?: unknown;
  [key: string]: unknown;
}

/** Pagefind's files for some pages, in memory: fragments by URL (anchors left out), and the names of its index and filter files (their content's hashes). */
async function indexed(add: (index: pagefind.PagefindIndex) => Promise<void>) {
  const { index } = await pagefind.createIndex({ keepIndexUrl: false });
  await add(index!);
  const { files, errors } = await index!.getFiles();
  assert.deepEqual(errors, []);
  await index!.deleteIndex();
  const fragments = new Map<string, Fragment>();
  for (const file of files.filter((file) => file.path.startsWith("fragment/"))) {
    const fragment = JSON.parse(gunzipSync(file.content).toString("utf8").slice("pagefind_dcd".length)) as Fragment;
    delete fragment.anchors;
    fragments.set(fragment.url, fragment);
  }
  const names = (folder: string) => files.map((file) => file.path).filter((name) => name.startsWith(folder)).sort();
  return { fragments, words: names("index/"), filters: names("filter/") };
}

describe("search records find what the pages found", () => {
  after(() => pagefind.close());

  for (const [name, rootDir] of Object.entries(SITES)) {
    test(`${name}: same words, weights, filters and metadata`, async () => {
      const outputDir = path.join(mkdtempSync(path.join(tmpdir(), `newsroom-records-${name}-`)), "site");
      await buildSite({ rootDir, outputDir, now: NOW });
      const model = await new ContentStore({ rootDir, contentDir: "content", isPreview: false, now: () => NOW, warn: () => {} }).reload();
      const sources = searchRecordSources(model);
      assert.ok(sources.length > 0);
      const page = (url: string) => readFileSync(path.join(outputDir, url, "index.html"), "utf8");
      const fromPages = await indexed(async (index) => {
        for (const { url } of sources) assert.deepEqual((await index.addHTMLFile({ url, content: searchablePart(page(url))! })).errors, [], url);
      });
      const fromRecords = await indexed(async (index) => {
        for (const source of sources) assert.deepEqual((await index.addCustomRecord(source.record())).errors, [], source.url);
      });
      assert.deepEqual([...fromRecords.fragments.keys()].sort(), [...fromPages.fragments.keys()].sort());
      for (const [url, fragment] of fromPages.fragments) assert.deepEqual(fromRecords.fragments.get(url), fragment, url);
      assert.deepEqual(fromRecords.words, fromPages.words);
      assert.deepEqual(fromRecords.filters, fromPages.filters);
      // The sort key, which only Pagefind's metadata file holds (with the fragments' names), is the page's.
      for (const source of sources) {
        const sortedBy = /data-pagefind-sort="date:([^"]+)"/.exec(page(source.url))?.[1];
        assert.deepEqual(source.record().sort, sortedBy ? { date: sortedBy } : {}, source.url);
      }
      rmSync(path.dirname(outputDir), { recursive: true, force: true });
    });
  }
});
