import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import path from "node:path";
import { test } from "node:test";
import { HASHES_PER_PART, INTEGERS_PER_PART, readPlanIndex, writePlanIndex, type IndexedListing, type IndexedPage, type PlanIndex } from "../../../src/site-builder/plan-index.ts";
import { mulberry32 } from "../../../bench/generate-corpus.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * An index larger than the parts it is written in (HASHES_PER_PART hashes,
 * INTEGERS_PER_PART integers each): hashes across a part's end, pages whose
 * places straddle one, and one page showing more places than a part holds.
 */
function largeIndex(): PlanIndex {
  const random = mulberry32(21);
  const articles = 40_000;
  const places = (count: number) => Int32Array.from({ length: count }, () => Math.floor(random() * articles));
  const articlePages: IndexedPage[] = Array.from({ length: articles }, (_, place) => ({ key: hashOf(`page ${place}`), shows: places(place % 29) }));
  const listingPages: IndexedListing[] = Array.from({ length: 300 }, (_, ordinal) => ({
    key: hashOf(`listing ${ordinal}`),
    shows: places(ordinal === 7 ? 600_000 : ordinal % 50),
    url: `/tags/tag-${ordinal}/`,
    shape: hashOf(`shape ${ordinal}`),
  }));
  return {
    code: hashOf("code"),
    frame: hashOf("frame"),
    articleHashes: Array.from({ length: articles }, (_, place) => hashOf(`article ${place}`)),
    structures: Array.from({ length: articles }, (_, place) => hashOf(`structure ${place}`)),
    articlePages,
    listingPages,
  };
}

const comparable = (index: PlanIndex) => ({
  ...index,
  articlePages: index.articlePages.map((page) => [page.key, [...page.shows]]),
  listingPages: index.listingPages.map((page) => [page.key, page.url, page.shape, [...page.shows]]),
});

test("an index larger than the parts it is written in is read back as it was", () => {
  const index = largeIndex();
  const shown = [...index.articlePages, ...index.listingPages].reduce((total, page) => total + 1 + page.shows.length, 0);
  const longest = Math.max(...index.listingPages.map((page) => page.shows.length));
  assert.ok(index.articleHashes.length * 2 + index.articlePages.length > HASHES_PER_PART && shown > 2 * INTEGERS_PER_PART && longest > INTEGERS_PER_PART, "the index fills several parts, one page more than a part");
  const file = path.join(temporaryFolder("newsroom-plan-index-"), "plan-index.bin");
  writePlanIndex(file, index);
  const read = readPlanIndex(file);
  assert.ok(read, "the index is read");
  assert.deepEqual(comparable(read), comparable(index));
});
