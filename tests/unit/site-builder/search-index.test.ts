import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SearchIndex, searchablePart } from "../../../src/site-builder/search-index.ts";

describe("searchablePart", () => {
  it("keeps the marked element whole, nested elements of its kind included, under the page's language", () => {
    const html = `<!doctype html><html lang="en-GB"><head><title>T</title></head><body><header>Nav</header>` +
      `<main><article class="article" data-pagefind-body="true"><h1>Ferry strike</h1><article class="card">Inner</article><p>Body.</p></article>` +
      `<aside><article>More news</article></aside></main></body></html>`;
    assert.equal(
      searchablePart(html),
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body><article class="article" data-pagefind-body="true"><h1>Ferry strike</h1><article class="card">Inner</article><p>Body.</p></article></body></html>`,
    );
  });

  it("leaves out ignored elements, unless Pagefind reads filters or metadata inside them", () => {
    const html = `<html lang="en"><body><article data-pagefind-body><h1>Ferry</h1><h2 data-pagefind-ignore>Topics</h2>` +
      `<ul><li><a data-pagefind-filter="tag">Transport</a></li></ul>` +
      `<div data-pagefind-ignore="all"><span data-pagefind-meta="kicker">Live</span></div>` +
      `<p>Text about the data-pagefind-ignore attribute.</p>` +
      `<section data-pagefind-ignore><section><a>Other headline</a></section></section><p>End.</p></article></body></html>`;
    assert.equal(
      searchablePart(html),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1>Ferry</h1>` +
        `<ul><li><a data-pagefind-filter="tag">Transport</a></li></ul>` +
        `<div data-pagefind-ignore="all"><span data-pagefind-meta="kicker">Live</span></div>` +
        `<p>Text about the data-pagefind-ignore attribute.</p><p>End.</p></article></body></html>`,
    );
  });

  it("gives nothing for a page without a searchable part, or one whose element never closes", () => {
    assert.equal(searchablePart(`<html lang="en"><body><main><h1>Topics</h1></main></body></html>`), undefined);
    assert.equal(searchablePart(`<html><body><article data-pagefind-body><p>cut short`), undefined);
  });
});

describe("SearchIndex", () => {
  const page = (headline: string, text: string) => `<html lang="en"><body><article data-pagefind-body><h1>${headline}</h1><p>${text}</p></article></body></html>`;
  const shards = () => [
    { bundlePath: "/pagefind/", urls: ["/news/a/", "/news/b/"] },
    { bundlePath: "/pagefind-archive-1/", urls: ["/news/c/", "/news/d/"] },
  ];
  const files = (dir: string) => (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort();
  const addAll = (index: SearchIndex, text: string) => {
    for (const name of ["a", "b", "c", "d"]) index.add(`/news/${name}/`, page(`Story ${name}`, `${text} ${name}`));
  };
  /** Process ids of this process's children (Linux). */
  const children = () =>
    readdirSync(`/proc/${process.pid}/task`).flatMap((task) => readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean));

  it("hands a shard's pages to Pagefind as they arrive, before the shard is complete", { skip: process.platform !== "linux" && "reads /proc" }, async () => {
    const siteDir = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
    const before = new Set(children());
    const index = new SearchIndex(shards(), siteDir, { cacheDir: false });
    index.add("/news/a/", page("Ferry strike", "Crossings cancelled"));
    // Pagefind is started for the first page, with the shard's second page still to come.
    const deadline = Date.now() + 20_000;
    while (!children().some((pid) => !before.has(pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(children().some((pid) => !before.has(pid)), "no Pagefind process started before the shard was complete");
    assert.equal(existsSync(path.join(siteDir, "pagefind")), false);
    addAll(index, "Harbour news");
    const summary = await index.write();
    assert.deepEqual([summary.indexed, summary.reused], [2, 0]);
    for (const bundle of ["pagefind", "pagefind-archive-1"]) assert.ok(existsSync(path.join(siteDir, bundle, "pagefind-entry.json")), bundle);
    rmSync(siteDir, { recursive: true, force: true });
  });

  it("writes the search API and index without Pagefind's ready-made UIs (the search page has its own)", async () => {
    const siteDir = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
    const index = new SearchIndex(shards(), siteDir, { cacheDir: false });
    addAll(index, "Harbour news");
    await index.write();
    const published = files(path.join(siteDir, "pagefind"));
    assert.ok(published.includes("pagefind.js") && published.includes("pagefind-entry.json"), published.join(", "));
    assert.deepEqual(published.filter((file) => /ui\.(js|css)$/.test(file)), []);
    rmSync(siteDir, { recursive: true, force: true });
  });

  it("reuses a stored shard its inputs lead to only when its pages are the same, and indexes the same pages to the same bytes", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
    const cacheDir = path.join(root, "cache");
    const build = async (name: string, text: string, inputKey: string) => {
      const siteDir = path.join(root, name);
      const index = new SearchIndex(shards(), siteDir, { cacheDir, inputKeyOf: (urls) => `${inputKey}-${urls[0]!.replaceAll("/", "")}` });
      addAll(index, text);
      const { indexed, reused } = await index.write();
      return { indexed, reused, files: files(siteDir) };
    };
    const first = await build("first", "Harbour news", "v1");
    assert.deepEqual([first.indexed, first.reused], [2, 0]);
    // Same inputs, same pages: both shards come from the cache.
    const same = await build("same", "Harbour news", "v1");
    assert.deepEqual([same.indexed, same.reused], [0, 2]);
    assert.deepEqual(same.files, first.files);
    // The inputs claim nothing changed, but the pages did: the pages decide, and both shards are indexed again.
    const changed = await build("changed", "Lifeboat launch", "v1");
    assert.deepEqual([changed.indexed, changed.reused], [2, 0]);
    assert.notDeepEqual(changed.files, first.files);
    // New inputs, pages as before: indexed while they arrive, to the bytes a stored build of those pages has.
    const again = await build("again", "Lifeboat launch", "v2");
    assert.deepEqual([again.indexed, again.reused], [2, 0]);
    for (const file of again.files) {
      const [one, other] = ["changed", "again"].map((name) => path.join(root, name, file));
      if (statSync(one!).isFile()) assert.ok(readFileSync(one!).equals(readFileSync(other!)), file);
    }
    // And the next build with those inputs reuses them.
    const reused = await build("reused", "Lifeboat launch", "v2");
    assert.deepEqual([reused.indexed, reused.reused], [0, 2]);
    rmSync(root, { recursive: true, force: true });
  });

  it("says which pages' shards are indexed as they arrive: those no stored shard is expected to fit", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
    const cacheDir = path.join(root, "cache");
    const index = (name: string, inputsOfA: string) =>
      new SearchIndex(shards(), path.join(root, name), { cacheDir, inputKeyOf: (urls) => (urls[0] === "/news/a/" ? inputsOfA : "c-and-d") });
    const first = index("first", "a-and-b");
    assert.deepEqual(["/news/a/", "/news/c/", "/tags/harbour/"].map((url) => first.isIndexing(url)), [true, true, false], "nothing stored yet");
    addAll(first, "Harbour news");
    await first.write();
    // The first shard's inputs changed (an edit), the second's did not.
    const next = index("next", "a-and-b, edited");
    assert.deepEqual(["/news/a/", "/news/b/", "/news/c/", "/news/d/"].map((url) => next.isIndexing(url)), [true, true, false, false]);
    await next.discard();
    rmSync(root, { recursive: true, force: true });
  });
});
