import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { labelFromSlug, slugify, slugifyText } from "../../../src/format/slug.ts";

describe("slugify", () => {
  it("strips accents and punctuation: 'Café Société, 2026!' -> cafe-societe-2026", () => {
    assert.equal(slugify("Café Société, 2026!"), "cafe-societe-2026");
  });

  it("transliterates letters without a decomposition", () => {
    assert.equal(slugify("Straße Ærø Øresund Łódź"), "strasse-aero-oresund-lodz");
  });

  it("collapses runs of separators and trims hyphens at both ends", () => {
    assert.equal(slugify("  --Hello,   World--  "), "hello-world");
    assert.equal(slugify("Bad_Name"), "bad-name");
  });

  it("drops letters it cannot transliterate", () => {
    assert.equal(slugify("Москва 2026"), "2026");
    assert.equal(slugify("東京"), "");
  });
});

describe("slugify's shortcut for text that is a slug already", () => {
  it("gives what every step gives, for slug-like and other text", () => {
    const slugLike = fc.array(fc.constantFrom("a", "z", "0", "9", "-", "-", "A", " ", "é", "_"), { maxLength: 24 }).map((chars) => chars.join(""));
    fc.assert(fc.property(fc.oneof(slugLike, fc.string(), fc.string({ unit: "binary" })), (text) => slugify(text) === slugifyText(text)), { numRuns: 2000 });
  });

  it("takes it only for text that is a slug", () => {
    for (const text of ["city-hall", "a", "2026-budget"]) assert.equal(slugify(text), text);
    for (const [text, slug] of [["-city-hall", "city-hall"], ["city--hall", "city-hall"], ["City-hall", "city-hall"]]) assert.equal(slugify(text!), slug);
  });
});

describe("labelFromSlug", () => {
  it("turns hyphens into spaces and capitalises the first letter only", () => {
    assert.equal(labelFromSlug("city-hall"), "City hall");
    assert.equal(labelFromSlug("us-politics"), "Us politics");
    assert.equal(labelFromSlug(""), "");
  });
});
