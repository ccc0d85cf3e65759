import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { siteSchema } from "../../../src/content/site-schema.ts";

const base = { name: "The Herald", baseUrl: "https://herald.example.org", language: "en-GB", timeZone: "Europe/London" };
const messages = (overrides: Record<string, unknown>) => {
  const result = siteSchema.safeParse({ ...base, ...overrides });
  assert.equal(result.success, false, "expected the settings to fail");
  return result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("siteSchema", () => {
  it("applies defaults for navigation, tagLabels, newsletters and page sizes", () => {
    const site = siteSchema.parse(base);
    assert.deepEqual(site.navigation, []);
    assert.deepEqual(site.tagLabels, {});
    assert.deepEqual(site.newsletters, []);
    assert.deepEqual(site.pageSizes, { newsFeed: 30, tag: 20 });
    assert.equal(site.editUrl, undefined);
  });

  it("removes trailing slashes from baseUrl", () => {
    assert.equal(siteSchema.parse({ ...base, baseUrl: "https://herald.example.org/" }).baseUrl, "https://herald.example.org");
    assert.equal(siteSchema.parse({ ...base, baseUrl: "https://example.org/herald//" }).baseUrl, "https://example.org/herald");
  });

  it("rejects an unknown time zone", () => {
    assert.deepEqual(messages({ timeZone: "Europe/Atlantis" }), ["timeZone: timeZone must be a time zone name like Europe/London"]);
  });

  it("accepts real IANA time zones and UTC", () => {
    for (const timeZone of ["Europe/Berlin", "America/New_York", "UTC"]) {
      assert.equal(siteSchema.safeParse({ ...base, timeZone }).success, true, timeZone);
    }
  });

  it("rejects a malformed language tag", () => {
    for (const language of ["en_GB", "EN", "english", "e"]) {
      assert.deepEqual(messages({ language }), ["language: language must be a language tag like en-GB"], language);
    }
  });

  it("accepts language tags with region and script", () => {
    for (const language of ["en", "de-DE", "zh-Hant-TW", "es-419"]) {
      assert.equal(siteSchema.safeParse({ ...base, language }).success, true, language);
    }
  });

  it("requires {path} in editUrl", () => {
    assert.deepEqual(messages({ editUrl: "https://github.com/o/r/edit/main/" }), ["editUrl: editUrl must contain {path}"]);
    assert.equal(siteSchema.parse({ ...base, editUrl: "https://github.com/o/r/edit/main/{path}" }).editUrl, "https://github.com/o/r/edit/main/{path}");
  });

  it("rejects a baseUrl that is not http(s)", () => {
    assert.equal(messages({ baseUrl: "herald.example.org" }).length, 1);
    assert.equal(messages({ baseUrl: "javascript:alert(1)" }).length, 1);
  });

  it("rejects a page size below 1 and unknown keys", () => {
    assert.deepEqual(messages({ pageSizes: { newsFeed: 0 } }), ["pageSizes.newsFeed: pageSizes.newsFeed must be at least 1"]);
    assert.equal(siteSchema.safeParse({ ...base, colour: "red" }).error?.issues[0]?.code, "unrecognized_keys");
  });
});
