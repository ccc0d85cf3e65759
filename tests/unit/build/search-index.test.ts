import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { searchablePart } from "../../../src/build/search-index.ts";

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
