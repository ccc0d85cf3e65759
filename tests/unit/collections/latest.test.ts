import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { editorsPicks, latestArticles } from "../../../src/collections/latest.ts";
import { makeArticle } from "../helpers.ts";

const articles = ["e", "d", "c", "b", "a"].map((id) => makeArticle(id, { isFeatured: id === "d" || id === "b" || id === "a" }));
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe("latestArticles", () => {
  it("takes the first `limit` articles in the given (newest-first) order", () => {
    assert.deepEqual(ids(latestArticles(articles, { limit: 3 })), ["e", "d", "c"]);
  });

  it("skips excluded ids and still fills the limit", () => {
    assert.deepEqual(ids(latestArticles(articles, { limit: 3, excludeIds: ["d", "e"] })), ["c", "b", "a"]);
  });

  it("returns fewer when there are not enough, and nothing for limit 0", () => {
    assert.deepEqual(ids(latestArticles(articles, { limit: 10 })), ["e", "d", "c", "b", "a"]);
    assert.deepEqual(latestArticles(articles, { limit: 0 }), []);
    assert.deepEqual(latestArticles([], { limit: 3 }), []);
  });
});

describe("editorsPicks", () => {
  it("keeps only featured articles, in order, up to the limit", () => {
    assert.deepEqual(ids(editorsPicks(articles, { limit: 2 })), ["d", "b"]);
  });

  it("honours excluded ids", () => {
    assert.deepEqual(ids(editorsPicks(articles, { limit: 4, excludeIds: ["b"] })), ["d", "a"]);
  });
});
