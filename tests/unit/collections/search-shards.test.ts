import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { searchShards } from "../../../src/collections/search-shards.ts";

const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => ({ url: `/news/${count - index}/` }));

describe("search shards", () => {
  test("cut from the oldest article on: the newest, partial shard is the primary bundle", () => {
    const shards = searchShards(newestFirst(5), 2);
    assert.deepEqual(shards, [
      { bundlePath: "/pagefind/", urls: ["/news/5/"] },
      { bundlePath: "/pagefind-archive-2/", urls: ["/news/4/", "/news/3/"] },
      { bundlePath: "/pagefind-archive-1/", urls: ["/news/2/", "/news/1/"] },
    ]);
  });

  test("publishing a story changes only the newest shard", () => {
    const before = searchShards(newestFirst(7), 3);
    const after = searchShards(newestFirst(8), 3);
    assert.deepEqual(after.slice(1), before.slice(1));
    assert.deepEqual(after[0], { bundlePath: "/pagefind/", urls: ["/news/8/", "/news/7/"] });
  });

  test("every article is in exactly one shard, and no shard is over the limit", () => {
    for (const count of [0, 1, 4, 5, 6, 23]) {
      const shards = searchShards(newestFirst(count), 5);
      assert.deepEqual(shards.flatMap((shard) => shard.urls), newestFirst(count).map((article) => article.url));
      assert.ok(shards.every((shard) => shard.urls.length <= 5));
      assert.equal(shards.length, Math.max(1, Math.ceil(count / 5)));
      assert.equal(new Set(shards.map((shard) => shard.bundlePath)).size, shards.length);
    }
  });
});
