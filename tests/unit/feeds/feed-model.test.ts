import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { feedDocument, type FeedScope } from "../../../src/feeds/feed-model.ts";
import { makeArticle, makeSite } from "../helpers.ts";

describe("feed documents", () => {
  const site = makeSite();
  const ferry = makeArticle("ferry", { bodyHtml: '<p>The <a href="/news/tram/">ferry</a> runs late.</p>' });
  const tram = makeArticle("tram");
  const scope = (slug: string, articles = [ferry, tram]): FeedScope => ({
    title: slug,
    description: `About ${slug}`,
    pageUrl: `/tags/${slug}/`,
    urls: { rss: `/tags/${slug}/feed.xml`, atom: `/tags/${slug}/atom.xml` },
    articles,
  });

  test("of headlines share each article's entry: across scopes and formats, one object", () => {
    const harbour = feedDocument(site, scope("harbour"), "/tags/harbour/feed.xml", { bodies: false });
    const transport = feedDocument(site, scope("transport", [ferry]), "/tags/transport/atom.xml", { bodies: false });
    assert.equal(transport.entries[0], harbour.entries[0]);
    assert.equal(harbour.entries[0]!.url, "https://herald.example.org/news/ferry/");
    assert.equal(harbour.entries[0]!.contentHtml, undefined);
  });

  test("of headlines get entries afresh for another base URL or another article object", () => {
    const first = feedDocument(site, scope("harbour"), "/tags/harbour/feed.xml", { bodies: false }).entries[0]!;
    const moved = feedDocument({ ...site, baseUrl: "https://news.example.org" }, scope("harbour"), "/tags/harbour/feed.xml", { bodies: false }).entries[0]!;
    assert.notEqual(moved, first);
    assert.equal(moved.url, "https://news.example.org/news/ferry/");
    const reloaded = feedDocument(site, scope("harbour", [makeArticle("ferry", { title: "Ferry delayed" })]), "/tags/harbour/feed.xml", { bodies: false }).entries[0]!;
    assert.equal(reloaded.title, "Ferry delayed");
  });

  test("with bodies carry each article's body, in entries of their own", () => {
    const full = feedDocument(site, scope("harbour"), "/feed.xml");
    assert.equal(full.entries[0]!.contentHtml, '<p>The <a href="https://herald.example.org/news/tram/">ferry</a> runs late.</p>');
    assert.notEqual(full.entries[0], feedDocument(site, scope("harbour"), "/tags/harbour/feed.xml", { bodies: false }).entries[0]);
  });
});
