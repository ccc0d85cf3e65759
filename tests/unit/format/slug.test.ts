import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { labelFromSlug, slugify } from "../../../src/format/slug.ts";

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

describe("labelFromSlug", () => {
  it("turns hyphens into spaces and capitalises the first letter only", () => {
    assert.equal(labelFromSlug("city-hall"), "City hall");
    assert.equal(labelFromSlug("us-politics"), "Us politics");
    assert.equal(labelFromSlug(""), "");
  });
});
