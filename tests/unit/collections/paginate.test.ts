import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { paginate } from "../../../src/collections/paginate.ts";
import { routes } from "../../../src/content/routes.ts";

const url = (page: number) => routes.newsFeed(page);

describe("paginate", () => {
  it("splits items into pages of the given size with numbers and URLs", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, url);
    assert.deepEqual(pages, [
      { pageNumber: 1, totalPages: 3, items: [1, 2], url: "/news-feed/", nextUrl: "/news-feed/2/" },
      { pageNumber: 2, totalPages: 3, items: [3, 4], url: "/news-feed/2/", previousUrl: "/news-feed/", nextUrl: "/news-feed/3/" },
      { pageNumber: 3, totalPages: 3, items: [5], url: "/news-feed/3/", previousUrl: "/news-feed/2/" },
    ]);
  });

  it("makes exactly full pages when the count divides evenly", () => {
    const pages = paginate([1, 2, 3, 4], 2, url);
    assert.equal(pages.length, 2);
    assert.equal(pages[1]?.nextUrl, undefined);
  });

  it("gives an empty list one empty page without previous or next", () => {
    assert.deepEqual(paginate([], 10, url), [{ pageNumber: 1, totalPages: 1, items: [], url: "/news-feed/" }]);
  });

  it("puts everything on one page when it fits", () => {
    const [only, ...rest] = paginate(["a", "b"], 30, url);
    assert.deepEqual(rest, []);
    assert.deepEqual(only?.items, ["a", "b"]);
    assert.ok(!("previousUrl" in (only ?? {})) && !("nextUrl" in (only ?? {})));
  });
});
