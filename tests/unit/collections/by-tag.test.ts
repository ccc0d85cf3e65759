import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articlesByTag } from "../../../src/collections/by-tag.ts";
import { makeArticle, makeTag } from "../helpers.ts";

describe("articlesByTag", () => {
  it("groups articles by tag, most used tag first, then alphabetically, articles in input order", () => {
    const harbour = makeTag("harbour", { label: "The harbour" });
    const articles = [
      makeArticle("a", { tags: [makeTag("transport"), harbour] }),
      makeArticle("b", { tags: [makeTag("arts")] }),
      makeArticle("c", { tags: [harbour, makeTag("transport")] }),
      makeArticle("d", { tags: [makeTag("harbour")] }),
    ];
    const groups = articlesByTag(articles);
    assert.deepEqual(groups.map((g) => [g.tag.slug, g.articles.map((a) => a.id)]), [
      ["harbour", ["a", "c", "d"]],
      ["transport", ["a", "c"]],
      ["arts", ["b"]],
    ]);
    assert.equal(groups[0]?.tag.label, "The harbour");
  });

  it("returns no groups when no article has tags", () => {
    assert.deepEqual(articlesByTag([makeArticle("a")]), []);
  });
});
