import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { numberedPageCount, paginate, type Page } from "../../../src/collections/paginate.ts";
import { routes } from "../../../src/content/routes.ts";

const urls = { front: routes.newsFeed(), page: (page: number) => routes.newsFeed(page) };
/** Items n ... 1, newest first, as listings hold them. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);
const byUrl = <T,>(pages: readonly Page<T>[]) => new Map(pages.map((page) => [page.url, page]));

describe("paginate", () => {
  it("counts numbered pages from the oldest item; the front page holds the rest, newest first", () => {
    assert.deepEqual(paginate(newestFirst(7), 2, urls), [
      { items: [7, 6, 5], url: "/news-feed/", olderUrl: "/news-feed/page/2/" },
      { pageNumber: 2, items: [4, 3], url: "/news-feed/page/2/", newerUrl: "/news-feed/", olderUrl: "/news-feed/page/1/" },
      { pageNumber: 1, items: [2, 1], url: "/news-feed/page/1/", newerUrl: "/news-feed/page/2/" },
    ]);
  });

  it("keeps the front page between `size` and `2 * size - 1` items, never nearly empty", () => {
    for (let count = 3; count <= 40; count++) {
      const [front] = paginate(newestFirst(count), 3, urls);
      assert.ok(front!.items.length >= 3 && front!.items.length <= 5, `${count} items: front page of ${front!.items.length}`);
    }
  });

  it("gives every numbered page exactly `size` items, and every item one page", () => {
    const pages = paginate(newestFirst(23), 4, urls);
    assert.deepEqual(pages.slice(1).map((page) => page.items.length), [4, 4, 4, 4]);
    assert.deepEqual(pages.flatMap((page) => page.items), newestFirst(23));
  });

  it("publishing an item changes only the front page, and every `size` items adds a page, linked from the one before", () => {
    for (let count = 0; count <= 30; count++) {
      const before = byUrl(paginate(newestFirst(count), 3, urls));
      const after = byUrl(paginate(newestFirst(count + 1), 3, urls));
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((url) => JSON.stringify(before.get(url)) !== JSON.stringify(after.get(url))).sort();
      const [was, is] = [numberedPageCount(count, 3), numberedPageCount(count + 1, 3)];
      const expected = is === was ? ["/news-feed/"] : ["/news-feed/", `/news-feed/page/${is}/`, ...(was > 0 ? [`/news-feed/page/${was}/`] : [])].sort();
      assert.deepEqual(changed, expected, `${count} to ${count + 1} items`);
      // A page that existed keeps its items.
      for (const [url, page] of before) if (url !== "/news-feed/") assert.deepEqual(after.get(url)?.items, page.items);
    }
  });

  it("links each numbered page to its neighbours, the newest one back to the front page", () => {
    const pages = paginate(newestFirst(11), 3, urls);
    assert.deepEqual(
      pages.map((page) => [page.url, page.newerUrl, page.olderUrl]),
      [
        ["/news-feed/", undefined, "/news-feed/page/2/"],
        ["/news-feed/page/2/", "/news-feed/", "/news-feed/page/1/"],
        ["/news-feed/page/1/", "/news-feed/page/2/", undefined],
      ],
    );
  });

  it("puts fewer than two pages' worth on the front page alone, and gives an empty list its empty front page", () => {
    assert.deepEqual(paginate(["b", "a"], 30, urls), [{ items: ["b", "a"], url: "/news-feed/" }]);
    assert.deepEqual(paginate(newestFirst(59), 30, urls).length, 1);
    assert.deepEqual(paginate([], 10, urls), [{ items: [], url: "/news-feed/" }]);
  });

  it("refuses a page size that is not a positive whole number", () => {
    assert.throws(() => paginate([1], 0, urls), /positive whole number/);
    assert.throws(() => numberedPageCount(5, 1.5), /positive whole number/);
  });
});

describe("listing routes", () => {
  it("give the front page the plain URL and numbered pages /page/N/", () => {
    assert.deepEqual([routes.newsFeed(), routes.newsFeed(1), routes.newsFeed(12)], ["/news-feed/", "/news-feed/page/1/", "/news-feed/page/12/"]);
    assert.deepEqual([routes.tag("harbour"), routes.tag("harbour", 3)], ["/tags/harbour/", "/tags/harbour/page/3/"]);
  });
});
