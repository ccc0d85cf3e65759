import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { featuredBeforeIn, publishedBefore, publishedBeforeIn } from "../../../src/collections/before-publication.ts";
import { makeArticle } from "../helpers.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const ids = (items: Iterable<{ id: string }>) => [...items].map((item) => item.id);
/** d9 newest ... d1 oldest, a day apart; d3, d6 and d9 are editors' picks. */
const archive = Array.from({ length: 9 }, (_, index) => 9 - index).map((n) => makeArticle(`d${n}`, { publishedAt: day(n), isFeatured: n % 3 === 0 }));

describe("publishedBefore", () => {
  it("is the site's newest-first order read backwards: earlier, or at the same moment with a later id", () => {
    const at = (id: string, n: number) => ({ id, publishedAt: day(n) });
    assert.equal(publishedBefore(at("x", 1), at("y", 2)), true);
    assert.equal(publishedBefore(at("y", 2), at("x", 1)), false);
    assert.equal(publishedBefore(at("b", 1), at("a", 1)), true);
    assert.equal(publishedBefore(at("a", 1), at("b", 1)), false);
    assert.equal(publishedBefore(at("a", 1), at("a", 1)), false);
  });
});

describe("publishedBeforeIn", () => {
  it("yields the stories after the given one in a newest-first list", () => {
    assert.deepEqual(ids(publishedBeforeIn(archive[4]!, archive)), ["d4", "d3", "d2", "d1"]);
    assert.deepEqual(ids(publishedBeforeIn(archive[0]!, archive)), ["d8", "d7", "d6", "d5", "d4", "d3", "d2", "d1"]);
    assert.deepEqual(ids(publishedBeforeIn(archive[8]!, archive)), []);
  });

  it("finds where a story not in the list would be (a draft in a preview, a story being saved)", () => {
    assert.deepEqual(ids(publishedBeforeIn(makeArticle("between", { publishedAt: new Date(day(3).getTime() + 1) }), archive)), ["d3", "d2", "d1"]);
    assert.deepEqual(ids(publishedBeforeIn(makeArticle("later", { publishedAt: day(20) }), archive)).length, 9);
    assert.deepEqual(ids(publishedBeforeIn(makeArticle("first", { publishedAt: day(0) }), archive)), []);
  });

  it("reads lazily", () => {
    const first = publishedBeforeIn(archive[0]!, archive).next();
    assert.equal(first.value?.id, "d8");
  });
});

describe("featuredBeforeIn", () => {
  it("yields the editors' picks published before the given story, newest first", () => {
    assert.deepEqual(ids(featuredBeforeIn(archive[0]!, archive)), ["d6", "d3"]);
    assert.deepEqual(ids(featuredBeforeIn(archive[3]!, archive)), ["d3"]);
    assert.deepEqual(ids(featuredBeforeIn(archive[7]!, archive)), []);
  });

  it("does not scan the archive from each page: after a first pass over the list, a page reads only the picks it yields", () => {
    let reads = 0;
    const stories = Array.from({ length: 5000 }, (_, index) => ({ id: `p${index}`, publishedAt: new Date(1e12 - index * 1000), isFeatured: index === 4990 }));
    // Counts every story read from the list by position.
    const counted = new Proxy(stories, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    assert.deepEqual(ids(featuredBeforeIn(stories[0]!, counted)), ["p4990"]);
    reads = 0;
    for (const story of stories.slice(0, 1000)) featuredBeforeIn(story, counted).next();
    assert.equal(reads, 1000, "one pick read per page");
    reads = 0;
    for (const story of stories.slice(4991)) assert.equal(featuredBeforeIn(story, counted).next().done, true);
    assert.equal(reads, 0, "no pick before them: nothing read");
  });
});
