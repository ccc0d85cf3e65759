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

const work = { slices: { article: ["a1", "a2", "a3", "a4", "a5"], tag: ["t1", "t2"], tagRss: ["f1", "f2", "f3"] }, singles: ["home", "robots"] };

describe("render batches", () => {
  test("every page is in exactly one batch, in order, the single pages in the first, and no batch exceeds the limit", () => {
    for (const limit of [1, 2, 3, 4, 9, 12, 100]) {
      const batches = planRenderBatches(work, limit);
      for (const [name, items] of Object.entries(work.slices)) {
        assert.deepEqual(batches.flatMap((batch) => batch.slices[name] ?? []), items, `${name} at ${limit} a batch`);
      }
      assert.deepEqual(batches.flatMap((batch) => batch.singles), ["home", "robots"]);
      assert.ok(batches[0]!.singles.length === 2);
      for (const batch of batches) {
        const paginatedPages = Object.values(batch.slices).reduce((sum, slice) => sum + slice.length, 0);
        assert.equal(batch.pageCount, paginatedPages + batch.singles.length);
        assert.ok(batch.pageCount >= 1 && (batch.pageCount <= limit || (batch.index === 0 && paginatedPages === 0)), `batch ${batch.index} has ${batch.pageCount} pages at ${limit}`);
      }
      assert.equal(batches.reduce((sum, batch) => sum + batch.pageCount, 0), 12);
    }
  });

  test("nothing to render is no batch", () => {
    assert.deepEqual(planRenderBatches({ slices: {}, singles: [] }, 5), []);
    assert.deepEqual(planRenderBatches({ slices: { article: [] }, singles: [] }, 5), []);
  });

  test("slices are frozen, so Eleventy hands them to pages by reference", () => {
    const [batch] = planRenderBatches(work, 100);
    assert.ok(Object.isFrozen(batch!.slices) && Object.isFrozen(batch!.slices.article));
  });

  test("pagination over several items a page, or outside the site model, is refused", () => {
    const definition = (data: string, size = 1): PageDefinition => ({ layout: "x", data: { pagination: { data, size, alias: "item" } } });
    assert.deepEqual(paginatedItems(model, definition("newsroom.feeds.tags")), ["f1", "f2", "f3"]);
    assert.throws(() => paginatedItems(model, definition("newsroom.articles", 10)), /size 1/);
    assert.throws(() => paginatedItems(model, definition("collections.all")), /not part of the site model/);
    assert.throws(() => planRenderBatches(work, 0), /positive whole number/);
  });
});
