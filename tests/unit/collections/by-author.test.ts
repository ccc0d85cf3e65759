import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articlesByAuthor } from "../../../src/collections/by-author.ts";
import { makeArticle, makeAuthor, makeAuthorRef } from "../helpers.ts";

describe("articlesByAuthor", () => {
  const authors = new Map([makeAuthor("zoe"), makeAuthor("adam"), makeAuthor("new-hire")].map((a) => [a.id, a]));

  it("lists every author in the order given, with their articles in input order", () => {
    const articles = [
      makeArticle("a", { authors: [makeAuthorRef("adam"), makeAuthorRef("zoe")] }),
      makeArticle("b", { authors: [makeAuthorRef("zoe")] }),
      makeArticle("c", { authors: [makeAuthorRef("adam")] }),
    ];
    assert.deepEqual(articlesByAuthor(articles, authors).map((g) => [g.author.id, g.articles.map((a) => a.id)]), [
      ["zoe", ["a", "b"]],
      ["adam", ["a", "c"]],
      ["new-hire", []],
    ]);
  });

  it("ignores bylines of authors not in the map", () => {
    const groups = articlesByAuthor([makeArticle("a", { authors: [makeAuthorRef("ghost")] })], authors);
    assert.equal(groups.length, 3);
    assert.ok(groups.every((g) => g.articles.length === 0));
  });
});
