import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { closestMatch, didYouMean, editDistance } from "../../../src/diagnostics/suggest.ts";

describe("editDistance", () => {
  it("computes the Levenshtein distance", () => {
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("titel", "title"), 2);
    assert.equal(editDistance("jon-doe", "john-doe"), 1);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("abc", ""), 3);
    assert.equal(editDistance("same", "same"), 0);
  });

  it("is symmetric", () => {
    assert.equal(editDistance("flaw", "lawn"), editDistance("lawn", "flaw"));
    assert.equal(editDistance("flaw", "lawn"), 2);
  });
});

describe("closestMatch", () => {
  it("returns the closest candidate", () => {
    assert.equal(closestMatch("jon-doe", ["jane-roe", "john-doe", "news-desk"]), "john-doe");
  });

  it("ignores case when comparing but returns the candidate as written", () => {
    assert.equal(closestMatch("TITLE", ["title", "dek"]), "title");
    assert.equal(closestMatch("pagesizes", ["pageSizes"]), "pageSizes");
  });

  it("allows up to 2 edits for short words and a third of the length for long ones", () => {
    assert.equal(closestMatch("dke", ["dek"]), "dek"); // 2 edits
    assert.equal(closestMatch("xyz", ["dek"]), undefined); // 3 edits
    assert.equal(closestMatch("harbour-ferry-strike", ["harbour-fxxxy-strike"]), "harbour-fxxxy-strike"); // 4 <= ceil(20/3)=7
    assert.equal(closestMatch("harbour-ferry-strike", ["market-rents"]), undefined);
  });

  it("keeps the first of equally close candidates", () => {
    assert.equal(closestMatch("cat", ["bat", "hat"]), "bat");
  });

  it("returns undefined for no candidates", () => {
    assert.equal(closestMatch("title", []), undefined);
  });
});

describe("didYouMean", () => {
  it("phrases the suggestion, or gives undefined", () => {
    assert.equal(didYouMean("relatd", ["related"]), 'did you mean "related"?');
    assert.equal(didYouMean("zzzzzz", ["related"]), undefined);
  });
});
