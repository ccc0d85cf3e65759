import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { SiteModel } from "../../../src/collections/site-model.ts";
import type { PageDefinition } from "../../../src/pages/page-definitions.ts";
import { paginatedItems, planRenderBatches } from "../../../src/pages/render-batches.ts";

const model = {
  articles: ["a1", "a2", "a3", "a4", "a5"],
  tagPages: ["t1", "t2"],
  feeds: { tags: ["f1", "f2", "f3"] },
} as unknown as SiteModel;

const paginated = (data: string): PageDefinition => ({ layout: "x", data: { pagination: { data, size: 1, alias: "item" } } });
const definitions: Record<string, PageDefinition> = {
  article: paginated("newsroom.articles"),
  home: { layout: "home", data: { permalink: "/" } },
  tag: paginated("newsroom.tagPages"),
  tagRss: paginated("newsroom.feeds.tags"),
  robots: { render: () => "", data: { permalink: "/robots.txt" } },
};

describe("render batches", () => {
  test("every paginated page is in exactly one batch, in order, and no batch exceeds the limit", () => {
    for (const limit of [1, 2, 3, 4, 9, 10, 100]) {
      const batches = planRenderBatches(model, definitions, limit);
      for (const name of ["article", "tag", "tagRss"]) {
        const rendered = batches.flatMap((batch) => batch.slices[name] ?? []);
        assert.deepEqual(rendered, paginatedItems(model, definitions[name]!), `${name} at ${limit} a batch`);
      }
      for (const batch of batches) {
        const paginatedPages = Object.values(batch.slices).reduce((sum, slice) => sum + slice.length, 0);
        assert.ok(paginatedPages >= 1 && paginatedPages <= limit, `batch ${batch.index} has ${paginatedPages} pages at ${limit}`);
        assert.equal(batch.pageCount, paginatedPages + (batch.rendersSinglePages ? 2 : 0));
      }
      assert.deepEqual(batches.map((batch) => batch.rendersSinglePages), batches.map((_, index) => index === 0));
      assert.equal(batches.length, Math.ceil(10 / limit));
    }
  });

  test("a definition can be limited to some of its items (the article pages not reused)", () => {
    const batches = planRenderBatches(model, definitions, 3, { article: ["a2", "a5"] });
    assert.deepEqual(batches.flatMap((batch) => batch.slices.article ?? []), ["a2", "a5"]);
    assert.deepEqual(batches.flatMap((batch) => batch.slices.tag ?? []), ["t1", "t2"]);
    assert.equal(batches.length, Math.ceil(7 / 3));
  });

  test("a definition can end its last batch, so that its pages are done before the rest begin", () => {
    const batches = planRenderBatches(model, definitions, 3, { article: ["a2", "a5"] }, ["article"]);
    assert.deepEqual(batches.map((batch) => batch.slices), [{ article: ["a2", "a5"] }, { tag: ["t1", "t2"], tagRss: ["f1"] }, { tagRss: ["f2", "f3"] }]);
    // Nothing to render of it: no empty batch.
    assert.equal(planRenderBatches(model, definitions, 3, { article: [] }, ["article"]).length, Math.ceil(5 / 3));
  });

  test("a site with nothing paginated is one batch of its single pages", () => {
    const empty = { articles: [], tagPages: [], feeds: { tags: [] } } as unknown as SiteModel;
    const batches = planRenderBatches(empty, definitions, 5);
    assert.deepEqual(batches.map(({ slices, rendersSinglePages, pageCount }) => ({ slices, rendersSinglePages, pageCount })), [{ slices: {}, rendersSinglePages: true, pageCount: 2 }]);
  });

  test("slices are frozen, so Eleventy hands them to pages by reference", () => {
    const [batch] = planRenderBatches(model, definitions, 100);
    assert.ok(Object.isFrozen(batch!.slices) && Object.isFrozen(batch!.slices.article));
  });

  test("pagination over several items a page, or outside the site model, is refused", () => {
    assert.throws(() => planRenderBatches(model, { list: { data: { pagination: { data: "newsroom.articles", size: 10 } } } }, 5), /size 1/);
    assert.throws(() => planRenderBatches(model, { list: { data: { pagination: { data: "collections.all", size: 1 } } } }, 5), /not part of the site model/);
    assert.throws(() => planRenderBatches(model, definitions, 0), /positive whole number/);
  });
});
