import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { kebabId, relativePath, text, timestamp, timestampProblem, webUrl } from "../../../src/content/fields.ts";

describe("timestampProblem", () => {
  for (const value of [
    "2026-03-14T09:30:00+01:00",
    "2026-03-14T09:30:00Z",
    "2026-03-14T09:30:00.123Z",
    "2026-03-14T09:30:00.5-05:00",
    "2026-03-14T09:30+01:00",
    "2024-02-29T12:00:00Z",
    "2026-12-31T23:59:59+14:00",
    "2026-03-14T00:00:00-12:00",
  ]) {
    it(`accepts ${value}`, () => assert.equal(timestampProblem(value), undefined));
  }

  it("says an offset is missing when date and time have none", () => {
    assert.equal(
      timestampProblem("2026-03-14T09:30:00"),
      '"2026-03-14T09:30:00" has no time zone offset: write it like 2026-03-14T09:30:00+01:00',
    );
  });

  it("treats a date without time as missing its offset", () => {
    assert.match(timestampProblem("2026-03-14") ?? "", /has no time zone offset/);
  });

  it("rejects text that is not a timestamp at all", () => {
    assert.equal(timestampProblem("yesterday"), '"yesterday" is not a date and time: write it like 2026-03-14T09:30:00+01:00');
    assert.match(timestampProblem("14/03/2026 09:30") ?? "", /is not a date and time/);
  });

  for (const value of [
    "2026-02-30T09:00:00Z",
    "2025-02-29T09:00:00Z",
    "2026-04-31T09:00:00Z",
    "2026-13-01T09:00:00Z",
    "2026-00-10T09:00:00Z",
    "2026-03-00T09:00:00Z",
    "2026-03-14T24:00:00Z",
    "2026-03-14T09:60:00Z",
    "2026-03-14T09:30:60Z",
    "2026-03-14T09:30:00+15:00",
    "2026-03-14T09:30:00+01:60",
  ]) {
    it(`rejects the impossible ${value}`, () => {
      assert.equal(timestampProblem(value), `"${value}" is not a real date or time`);
    });
  }
});

describe("timestamp schema", () => {
  it("parses into the Date of the instant, honouring the offset", () => {
    const date = timestamp.parse("2026-03-14T09:30:00+01:00");
    assert.ok(date instanceof Date);
    assert.equal(date.toISOString(), "2026-03-14T08:30:00.000Z");
  });

  it("fails with the problem as its message", () => {
    const result = timestamp.safeParse("2026-03-14");
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? "", /has no time zone offset/);
  });

  it("rejects a non-string value with an example", () => {
    const result = timestamp.safeParse(20260314);
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? "", /like 2026-03-14T09:30:00\+01:00/);
  });
});

describe("field helpers", () => {
  it("kebabId accepts lowercase-hyphen ids and rejects others", () => {
    const id = kebabId("tag");
    assert.equal(id.safeParse("city-hall").success, true);
    assert.equal(id.safeParse("a1-b2").success, true);
    for (const bad of ["City-Hall", "city_hall", "-city", "city-", "city--hall", ""]) {
      assert.equal(id.safeParse(bad).success, false, bad);
    }
  });

  it("text trims and refuses empty or blank text", () => {
    const field = text("title");
    assert.equal(field.parse("  Hello  "), "Hello");
    assert.equal(field.safeParse("   ").error?.issues[0]?.message, "title must not be empty");
  });

  it("webUrl only accepts http and https", () => {
    const url = webUrl("url");
    assert.equal(url.safeParse("https://example.org/a").success, true);
    assert.equal(url.safeParse("http://example.org").success, true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://example.org", "/relative", "example.org"]) {
      assert.equal(url.safeParse(bad).success, false, bad);
    }
  });

  it("relativePath refuses URLs and root-absolute paths", () => {
    const file = relativePath("hero.src");
    assert.equal(file.safeParse("../images/a.jpg").success, true);
    for (const bad of ["/images/a.jpg", "https://x.org/a.jpg", "data:image/png;base64,AA"]) {
      assert.equal(file.safeParse(bad).success, false, bad);
    }
  });
});
