import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PICKS_SIZE, SIDE_FEED_SIZE, buildSiteModel } from "../../../src/collections/site-model.ts";
import { makeArticle, makeAuthor, makeAuthorRef, makeContent, makeSite, makeTag } from "../helpers.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
// Newest first, as loadContent returns them: a10 ... a1.
const articles = Array.from({ length: 10 }, (_, i) => 10 - i).map((n) =>
  makeArticle(`a${n}`, {
    publishedAt: day(n),
    isFeatured: n % 2 === 0,
    tags: n <= 5 ? [makeTag("harbour")] : [makeTag("arts")],
    authors: [makeAuthorRef(n <= 3 ? "zoe" : "adam")],
  }),
);
const site = makeSite({ pageSizes: { newsFeed: 4, tag: 2 } });
const model = buildSiteModel(makeContent(articles, [makeAuthor("adam"), makeAuthor("zoe")], site), { isPreview: false, builtAt: new Date("2026-11-28T00:00:00Z") });
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe("buildSiteModel", () => {
  it("exposes editors' picks, newest first", () => {
    assert.equal(SIDE_FEED_SIZE, 8);
    assert.equal(PICKS_SIZE, 4);
    assert.deepEqual(ids(model.picks), ["a10", "a8", "a6", "a4"]);
  });

  it("paginates the news feed with the site's page size: numbered pages from the oldest, the newest on the front page", () => {
    assert.deepEqual(model.feedPages.map((p) => [p.url, ids(p.items)]), [
      ["/news-feed/", ["a10", "a9", "a8", "a7", "a6", "a5"]],
      ["/news-feed/page/1/", ["a4", "a3", "a2", "a1"]],
    ]);
  });

  it("paginates each tag with the tag page size; only the front page carries the count", () => {
    assert.deepEqual(model.tagPages.map((p) => [p.tag.slug, p.url, p.articleCount, ids(p.items)]), [
      ["arts", "/tags/arts/", 5, ["a10", "a9", "a8"]],
      ["arts", "/tags/arts/page/1/", undefined, ["a7", "a6"]],
      ["harbour", "/tags/harbour/", 5, ["a5", "a4", "a3"]],
      ["harbour", "/tags/harbour/page/1/", undefined, ["a2", "a1"]],
    ]);
  });

  it("groups articles by author", () => {
    assert.deepEqual(model.authorGroups.map((g) => [g.author.id, g.articles.length]), [["adam", 7], ["zoe", 3]]);
    assert.equal(model.isPreview, false);
    assert.equal(model.site, site);
  });

  it("computes related articles from shared tags among those published before, newest first, and memoises them", () => {
    const a5 = articles.find((a) => a.id === "a5")!;
    const first = model.relatedTo(a5);
    assert.deepEqual(first.map((item) => (item.kind === "article" ? item.article.id : item.url)), ["a4", "a3", "a2"]);
    assert.equal(model.relatedTo(a5), first);
  });

  it("makes each list on first use, once: a saved article's page is rendered before the listings are made", () => {
    const reads = new Map<string, number>();
    const countedSite = new Proxy(site, {
      get(target, key, receiver) {
        reads.set(String(key), (reads.get(String(key)) ?? 0) + 1);
        return Reflect.get(target, key, receiver);
      },
    });
    let authorListings = 0;
    const authors = new (class extends Map<string, ReturnType<typeof makeAuthor>> {
      override values() {
        authorListings++;
        return super.values();
      }
    })([["adam", makeAuthor("adam")], ["zoe", makeAuthor("zoe")]]);
    const lazy = buildSiteModel({ ...makeContent(articles, [], countedSite), authors }, { isPreview: false, builtAt: new Date("2026-11-28T00:00:00Z") });
    // What an article page reads.
    assert.deepEqual(ids(lazy.picks), ["a10", "a8", "a6", "a4"]);
    assert.equal(lazy.relatedTo(articles[5]!).length, 3);
    assert.deepEqual([reads.get("pageSizes"), reads.get("baseUrl"), authorListings], [undefined, undefined, 0], "no listing, feed or sitemap made yet");

    assert.equal(lazy.feedPages, lazy.feedPages);
    assert.equal(lazy.tagPages, lazy.tagPages);
    assert.notEqual(reads.get("pageSizes"), undefined, "the news feed's pages and the tags' pages, made");
    assert.equal(lazy.authorGroups, lazy.authorGroups);
    assert.equal(lazy.feeds, lazy.feeds);
    assert.equal(authorListings, 1);
    assert.equal(lazy.sitemapFiles, lazy.sitemapFiles);
    assert.deepEqual(lazy.feedPages, model.feedPages);
  });
});
