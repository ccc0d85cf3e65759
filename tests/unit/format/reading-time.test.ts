import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORDS_PER_MINUTE, countWords, readingMinutes } from "../../../src/format/reading-time.ts";

describe("countWords", () => {
  it("counts words separated by spaces and punctuation", () => {
    assert.equal(countWords("The ferry left, at dawn; nobody saw it."), 8);
  });

  it("keeps apostrophes, hyphens and decimal points inside a word", () => {
    assert.equal(countWords("Don’t can't well-known 3.5 per cent"), 6);
  });

  it("counts non-Latin letters and digits", () => {
    assert.equal(countWords("Ærø 2026 Москва 東京"), 4);
  });

  it("counts nothing for blank text or punctuation only", () => {
    assert.equal(countWords(""), 0);
    assert.equal(countWords("  — … !! "), 0);
  });
});

describe("readingMinutes", () => {
  it("reads at 238 words a minute", () => {
    assert.equal(WORDS_PER_MINUTE, 238);
    assert.equal(readingMinutes(238), 1);
    assert.equal(readingMinutes(476), 2);
  });

  it("is at least one minute, even for nothing", () => {
    assert.equal(readingMinutes(0), 1);
    assert.equal(readingMinutes(10), 1);
  });

  it("rounds to the nearest minute", () => {
    assert.equal(readingMinutes(356), 1); // 1.496
    assert.equal(readingMinutes(357), 2); // 1.5
    assert.equal(readingMinutes(833), 4); // 3.5
    assert.equal(readingMinutes(832), 3); // 3.496
  });
});
