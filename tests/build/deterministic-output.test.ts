import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildFixture, siteContents } from "./build-fixture.ts";

describe("deterministic output", () => {
  test("two builds of the same content at the same time are byte-identical", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const first = siteContents((await buildFixture("basic", { now })).outputDir);
    const second = siteContents((await buildFixture("basic", { now })).outputDir);
    assert.ok(first.size > 50, `${first.size} files`);
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(differing, []);
  });
});
