import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildFixture } from "./build-fixture.ts";

/** Every file of a built site with a hash of its bytes. */
function fingerprint(dir: string, prefix = ""): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [file, hash] of fingerprint(dir, relative)) files.set(file, hash);
    else files.set(relative, createHash("sha256").update(readFileSync(path.join(dir, relative))).digest("hex"));
  }
  return files;
}

describe("deterministic output", () => {
  test("two builds of the same content at the same time are byte-identical", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const first = fingerprint((await buildFixture("basic", { now })).outputDir);
    const second = fingerprint((await buildFixture("basic", { now })).outputDir);
    assert.ok(first.size > 50, `${first.size} files`);
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(differing, []);
  });
});
