import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articlesByTag } from "../../../src/collections/by-tag.ts";
import { relatedArticles, type RelatedItem } from "../../../src/collections/related.ts";
import type { Article } from "../../../src/content/model.ts";
import { makeArticle, makeTag } from "../helpers.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const tags = (...slugs: string[]) => slugs.map((slug) => makeTag(slug));

/** Context as the site model builds it: by id, and by tag with newest-first lists. */
function context(articles: Article[]) {
  const sorted = [...articles].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return {
    byId: new Map(sorted.map((a) => [a.id, a])),
    byTag: new Map(articlesByTag(sorted).map((g) => [g.tag.slug, g.articles])),
  };
}
const describeItems = (items: RelatedItem[]) => items.map((item) => (item.kind === "article" ? item.article.id : `link:${item.url}`));

describe("relatedArticles", () => {
  it("puts the explicit list first, in the editor's order, including external links", () => {
    const self = makeArticle("self", {
      related: [{ id: "old" }, { title: "Report", url: "https://example.org/r" }, { id: "new" }],
      tags: tags("harbour"),
    });
    const all = [self, makeArticle("old", { publishedAt: day(1) }), makeArticle("new", { publishedAt: day(9) }), makeArticle("tagged", { tags: tags("harbour") })];
    const items = relatedArticles(self, context(all));
    assert.deepEqual(describeItems(items), ["old", "link:https://example.org/r", "new"]);
    assert.deepEqual(items[1], { kind: "link", title: "Report", url: "https://example.org/r" });
  });

  it("fills up to 3 with the articles sharing the most tags", () => {
    const self = makeArticle("self", { tags: tags("harbour", "transport", "strike"), publishedAt: day(20) });
    const all = [
      self,
      makeArticle("one-tag", { tags: tags("harbour"), publishedAt: day(15) }),
      makeArticle("three-tags", { tags: tags("harbour", "transport", "strike"), publishedAt: day(1) }),
      makeArticle("two-tags", { tags: tags("transport", "strike"), publishedAt: day(2) }),
      makeArticle("no-shared", { tags: tags("arts"), publishedAt: day(19) }),
    ];
    assert.deepEqual(describeItems(relatedArticles(self, context(all))), ["three-tags", "two-tags", "one-tag"]);
  });

  it("prefers the newest among articles sharing as many tags", () => {
    const self = makeArticle("self", { tags: tags("harbour"), publishedAt: day(10) });
    const all = [self, ...[3, 7, 5, 1].map((n) => makeArticle(`day-${n}`, { tags: tags("harbour"), publishedAt: day(n) }))];
    assert.deepEqual(describeItems(relatedArticles(self, context(all))), ["day-7", "day-5", "day-3"]);
  });

  it("never lists the article itself, even when named explicitly", () => {
    const self = makeArticle("self", { tags: tags("harbour"), related: [{ id: "self" }], publishedAt: day(10) });
    const items = relatedArticles(self, context([self, makeArticle("other", { tags: tags("harbour") })]));
    assert.deepEqual(describeItems(items), ["other"]);
  });

  it("does not repeat an explicit article among the tag matches, nor a repeated explicit id", () => {
    const self = makeArticle("self", { tags: tags("harbour", "transport"), related: [{ id: "both" }, { id: "both" }], publishedAt: day(10) });
    const all = [
      self,
      makeArticle("both", { tags: tags("harbour", "transport"), publishedAt: day(5) }),
      makeArticle("harbour-only", { tags: tags("harbour"), publishedAt: day(4) }),
      makeArticle("transport-only", { tags: tags("transport"), publishedAt: day(3) }),
    ];
    const items = describeItems(relatedArticles(self, context(all)));
    assert.deepEqual(items, ["both", "harbour-only", "transport-only"]);
    assert.equal(new Set(items).size, items.length);
  });

  it("skips explicit ids that are not published", () => {
    const self = makeArticle("self", { related: [{ id: "draft-or-gone" }] });
    assert.deepEqual(relatedArticles(self, context([self])), []);
  });

  it("does not add tag matches when the explicit list already fills the limit", () => {
    const self = makeArticle("self", { tags: tags("harbour"), related: [{ id: "a" }, { id: "b" }, { id: "c" }] });
    const all = [self, ...["a", "b", "c", "d"].map((id) => makeArticle(id, { tags: tags("harbour") }))];
    assert.deepEqual(describeItems(relatedArticles(self, context(all))), ["a", "b", "c"]);
  });

  it("honours a custom limit", () => {
    const self = makeArticle("self", { tags: tags("harbour"), publishedAt: day(10) });
    const all = [self, ...[1, 2, 3].map((n) => makeArticle(`a${n}`, { tags: tags("harbour"), publishedAt: day(n) }))];
    assert.deepEqual(describeItems(relatedArticles(self, context(all), 1)), ["a3"]);
  });

  it("fills only with articles published before it: a new story enters no older story's list (the editor's entries stay)", () => {
    const self = makeArticle("self", { tags: tags("harbour"), publishedAt: day(5), related: [{ id: "later-named" }] });
    const all = [
      self,
      makeArticle("later-named", { tags: tags("harbour"), publishedAt: day(9) }),
      makeArticle("later", { tags: tags("harbour"), publishedAt: day(8) }),
      makeArticle("alpha-same-time", { tags: tags("harbour"), publishedAt: day(5) }),
      makeArticle("sooner", { tags: tags("harbour"), publishedAt: day(4) }),
      makeArticle("tide-same-time", { tags: tags("harbour"), publishedAt: day(5) }),
    ];
    // At the same moment the site lists by id: "alpha-same-time", "self", then "tide-same-time", published before it.
    assert.deepEqual(describeItems(relatedArticles(self, context(all))), ["later-named", "tide-same-time", "sooner"]);
    const ctx = context(all);
    relatedArticles(all[1]!, ctx); // a second article: the indexed path
    assert.deepEqual(describeItems(relatedArticles(self, ctx)), ["later-named", "tide-same-time", "sooner"]);
  });

  it("picks what ranking every earlier candidate would pick (most shared tags, newest, then id), on many random archives", () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 60; round++) {
      // Few tags and few distinct dates: many ties on both.
      const articles = Array.from({ length: 5 + Math.floor(random() * 120) }, (_, index) =>
        makeArticle(`a${Math.floor(random() * 500)}-${index}`, {
          publishedAt: day(1 + Math.floor(random() * 20)),
          tags: tags(...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => `t${Math.floor(random() * 8)}`))),
        }),
      );
      const ctx = context(articles);
      for (const article of articles) {
        const shared = (other: Article) => other.tags.filter((tag) => article.tags.some((own) => own.slug === tag.slug)).length;
        const expected = articles
          .filter((other) => other !== article && shared(other) > 0)
          .filter((other) => other.publishedAt < article.publishedAt || (other.publishedAt.getTime() === article.publishedAt.getTime() && other.id.localeCompare(article.id) > 0))
          .sort((a, b) => shared(b) - shared(a) || b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id))
          .slice(0, 3)
          .map((other) => other.id);
        assert.deepEqual(describeItems(relatedArticles(article, ctx)), expected, `round ${round}, ${article.id}`);
      }
    }
  });
});
