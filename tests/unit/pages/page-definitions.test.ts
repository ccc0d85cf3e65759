import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildSiteModel } from "../../../src/collections/site-model.ts";
import { scopedFeedDocument } from "../../../src/pages/page-definitions.ts";
import { makeArticle, makeContent, makeSite, makeTag } from "../helpers.ts";

describe("scoped feed documents", () => {
  const site = makeSite();
  const articles = [makeArticle("ferry", { tags: [makeTag("harbour")] }), makeArticle("tram", { tags: [makeTag("harbour")] })];
  const load = () => buildSiteModel(makeContent(articles, [], site), { isPreview: false, builtAt: new Date("2026-11-28T00:00:00Z") });

  test("are built once per scope and format: the build's key and Eleventy's file read the same document", () => {
    const model = load();
    const [harbour] = model.feeds.tags;
    const rss = scopedFeedDocument(model.site, harbour!, "rss");
    assert.equal(scopedFeedDocument(model.site, harbour!, "rss"), rss);
    assert.notEqual(scopedFeedDocument(model.site, harbour!, "atom"), rss);
    assert.equal(scopedFeedDocument(model.site, harbour!, "atom").selfUrl, "https://herald.example.org/tags/harbour/atom.xml");
    assert.equal(rss.selfUrl, "https://herald.example.org/tags/harbour/feed.xml");
  });

  test("are built afresh for another model's scope, and for other site settings", () => {
    const model = load();
    const rss = scopedFeedDocument(model.site, model.feeds.tags[0]!, "rss");
    const again = load();
    const reloaded = scopedFeedDocument(again.site, again.feeds.tags[0]!, "rss");
    assert.notEqual(reloaded, rss);
    assert.deepEqual(reloaded, rss);
    const moved = scopedFeedDocument({ ...site, baseUrl: "https://news.example.org" }, model.feeds.tags[0]!, "rss");
    assert.equal(moved.selfUrl, "https://news.example.org/tags/harbour/feed.xml");
  });
});
