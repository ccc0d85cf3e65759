import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articlePageLists, distinctLists, featuredArticles } from "../../../src/collections/page-lists.ts";
import { makeArticle } from "../helpers.ts";

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
/** a12 newest ... a1 oldest; the even ones are editors' picks. */
const archive = Array.from({ length: 12 }, (_, index) => 12 - index).map((n) => makeArticle(`a${n}`, { isFeatured: n % 2 === 0 }));
const byId = new Map(archive.map((article) => [article.id, article]));
const relatedTo = (...articleIds: string[]) => articleIds.map((id) => ({ kind: "article" as const, article: byId.get(id)! }));
const link = { kind: "link" as const, title: "Elsewhere", url: "https://example.org/report.pdf" };
const sizes = { moreNews: 3, picks: 2, sideFeed: 4 };

describe("distinctLists", () => {
  it("gives each list its first candidates, earlier lists first, never one article twice", () => {
    const [first, second] = distinctLists([
      { candidates: archive, size: 2 },
      { candidates: archive, size: 3 },
    ]);
    assert.deepEqual(ids(first!), ["a12", "a11"]);
    assert.deepEqual(ids(second!), ["a10", "a9", "a8"]);
  });

  it("leaves out ids already shown and fills the list from the next candidates", () => {
    const [list] = distinctLists([{ candidates: archive, size: 3 }], ["a12", "a10"]);
    assert.deepEqual(ids(list!), ["a11", "a9", "a8"]);
  });

  it("returns shorter lists when candidates run out, and empty ones for size 0", () => {
    const [first, second, third] = distinctLists([
      { candidates: archive.slice(0, 3), size: 2 },
      { candidates: archive.slice(0, 3), size: 5 },
      { candidates: archive, size: 0 },
    ]);
    assert.deepEqual([ids(first!), ids(second!), ids(third!)], [["a12", "a11"], ["a10"], []]);
  });

  it("reads candidates only as far as it needs (an archive's list costs the few read)", () => {
    let read = 0;
    function* counted() {
      for (const article of archive) {
        read++;
        yield article;
      }
    }
    distinctLists([{ candidates: counted(), size: 2 }], ["a12"]);
    assert.equal(read, 3);
  });
});

describe("featuredArticles", () => {
  it("yields the featured articles in the given order", () => {
    assert.deepEqual(ids([...featuredArticles(archive)]).slice(0, 3), ["a12", "a10", "a8"]);
  });
});

describe("articlePageLists", () => {
  it("shows every article at most once: Related, then More news, then Editors' picks, then the News feed column", () => {
    const lists = articlePageLists(byId.get("a10")!, relatedTo("a12", "a7"), archive, sizes);
    assert.deepEqual(ids(lists.moreNews), ["a9", "a8", "a6"]);
    assert.deepEqual(ids(lists.picks), ["a4", "a2"]);
    assert.deepEqual(ids(lists.sideFeed), ["a5", "a3", "a1"]);
    const all = [...ids(lists.moreNews), ...ids(lists.picks), ...ids(lists.sideFeed), "a12", "a7", "a10"];
    assert.equal(new Set(all).size, all.length);
  });

  it("never lists the page's own article; the newest article's page shows the newest others", () => {
    const lists = articlePageLists(byId.get("a12")!, [], archive, sizes);
    assert.deepEqual(ids(lists.moreNews), ["a11", "a10", "a9"]);
    assert.deepEqual(ids(lists.picks), ["a8", "a6"]);
    assert.deepEqual(ids(lists.sideFeed), ["a7", "a5", "a4", "a3"]);
  });

  it("lists only stories published before the page's own: a newer one changes no list of an older page", () => {
    const before = articlePageLists(byId.get("a7")!, [], archive, sizes);
    assert.deepEqual([ids(before.moreNews), ids(before.picks), ids(before.sideFeed)], [["a6", "a5", "a4"], ["a2"], ["a3", "a1"]]);
    const published = [makeArticle("a13", { isFeatured: true }), ...archive];
    assert.deepEqual(articlePageLists(byId.get("a7")!, [], published, sizes), before);
    const oldest = articlePageLists(byId.get("a1")!, [], archive, sizes);
    assert.deepEqual([oldest.moreNews, oldest.picks, oldest.sideFeed], [[], [], []]);
  });

  it("counts only related articles, not links elsewhere, as shown", () => {
    const lists = articlePageLists(byId.get("a12")!, [link, ...relatedTo("a11")], archive, sizes);
    assert.deepEqual(ids(lists.moreNews), ["a10", "a9", "a8"]);
  });

  it("fills the picks from older featured articles when newer ones are shown above", () => {
    const lists = articlePageLists(byId.get("a12")!, relatedTo("a10"), archive, { moreNews: 4, picks: 3, sideFeed: 8 });
    assert.deepEqual(ids(lists.moreNews), ["a11", "a9", "a8", "a7"]);
    assert.deepEqual(ids(lists.picks), ["a6", "a4", "a2"]);
    assert.deepEqual(ids(lists.sideFeed), ["a5", "a3", "a1"]);
  });

  it("gives short lists, not repeats, in a small archive", () => {
    const small = archive.slice(0, 4);
    const lists = articlePageLists(small[0]!, [], small, sizes);
    assert.deepEqual([ids(lists.moreNews), ids(lists.picks), ids(lists.sideFeed)], [["a11", "a10", "a9"], [], []]);
  });
});
