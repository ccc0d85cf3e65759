import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildFixture, siteContents } from "./build-fixture.ts";

/** Files of `second` missing from `first` or differing from it, and files only in `first`. */
function differences(first: Map<string, string>, second: Map<string, string>): string[] {
  return [...new Set([...first.keys(), ...second.keys()])].filter((file) => first.get(file) !== second.get(file)).sort();
}

describe("deterministic output", () => {
  test("two builds of the same content at the same time are byte-identical", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const first = siteContents((await buildFixture("basic", { now })).outputDir);
    const second = siteContents((await buildFixture("basic", { now })).outputDir);
    assert.ok(first.size > 50, `${first.size} files`);
    assert.deepEqual(differences(first, second), []);
  });

  test("a site rendered in many small Eleventy runs equals one rendered in a single run", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const single = siteContents((await buildFixture("basic", { now })).outputDir);
    // 7 pages a run: articles, listings and feeds all fall across several runs, and one run mixes kinds.
    const batched = siteContents((await buildFixture("basic", { now, pagesPerBatch: 7 })).outputDir);
    assert.ok(single.size > 50, `${single.size} files`);
    assert.deepEqual(differences(single, batched), []);
  });
});
