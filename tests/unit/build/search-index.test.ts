import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SearchIndex, searchablePart } from "../../../src/build/search-index.ts";

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
  it("indexes shards two at a time and leaves no Pagefind process behind", { skip: process.platform !== "linux" && "reads /proc" }, async () => {
    const siteDir = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
    const shards = [0, 1, 2].map((shard) => ({ bundlePath: shard === 2 ? "/pagefind/" : `/pagefind-archive-${shard + 1}/`, urls: [`/news/a${shard}/`, `/news/b${shard}/`] }));
    const index = new SearchIndex(shards, siteDir, false);
    for (const shard of shards) {
      for (const url of shard.urls) index.add(url, `<html lang="en"><body><article data-pagefind-body><h1>Story ${url}</h1><p>Harbour ferry text.</p></article></body></html>`);
    }
    const summary = await index.write();
    assert.equal(summary.indexed, 3);
    for (const bundle of ["pagefind", "pagefind-archive-1", "pagefind-archive-2"]) assert.ok(existsSync(path.join(siteDir, bundle, "pagefind-entry.json")), bundle);
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const pagefinds = children.filter((pid) => /pagefind/.test(readFileSync(`/proc/${pid}/stat`, "utf8")));
    assert.deepEqual(pagefinds, [], "every Pagefind process has exited and been reaped (no zombie)");
  });
});
