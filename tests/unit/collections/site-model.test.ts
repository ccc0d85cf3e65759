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
  it("exposes the side feed and editors' picks, newest first", () => {
    assert.equal(SIDE_FEED_SIZE, 8);
    assert.equal(PICKS_SIZE, 4);
    assert.deepEqual(ids(model.latest), ["a10", "a9", "a8", "a7", "a6", "a5", "a4", "a3"]);
    assert.deepEqual(ids(model.picks), ["a10", "a8", "a6", "a4"]);
  });

  it("paginates the news feed with the site's page size", () => {
    assert.deepEqual(model.feedPages.map((p) => [p.url, ids(p.items)]), [
      ["/news-feed/", ["a10", "a9", "a8", "a7"]],
      ["/news-feed/2/", ["a6", "a5", "a4", "a3"]],
      ["/news-feed/3/", ["a2", "a1"]],
    ]);
  });

  it("paginates each tag with the tag page size and carries the tag and its count", () => {
    assert.deepEqual(model.tagPages.map((p) => [p.tag.slug, p.url, p.articleCount, ids(p.items)]), [
      ["arts", "/tags/arts/", 5, ["a10", "a9"]],
      ["arts", "/tags/arts/2/", 5, ["a8", "a7"]],
      ["arts", "/tags/arts/3/", 5, ["a6"]],
      ["harbour", "/tags/harbour/", 5, ["a5", "a4"]],
      ["harbour", "/tags/harbour/2/", 5, ["a3", "a2"]],
      ["harbour", "/tags/harbour/3/", 5, ["a1"]],
    ]);
  });

  it("groups articles by author", () => {
    assert.deepEqual(model.authorGroups.map((g) => [g.author.id, g.articles.length]), [["adam", 7], ["zoe", 3]]);
    assert.equal(model.isPreview, false);
    assert.equal(model.site, site);
  });

  it("computes related articles from shared tags, newest first, and memoises them", () => {
    const a1 = articles.find((a) => a.id === "a1")!;
    const first = model.relatedTo(a1);
    assert.deepEqual(first.map((item) => (item.kind === "article" ? item.article.id : item.url)), ["a5", "a4", "a3"]);
    assert.equal(model.relatedTo(a1), first);
  });
});
