import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { cacheKey, KeyedJsonCache } from "../../../src/cache/keyed-json-cache.ts";

describe("keyed JSON cache", () => {
  test("thousands of writes all land, and another process's cache reads them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-keyed-cache-"));
    const cache = new KeyedJsonCache<{ n: number }>(dir);
    const keys = Array.from({ length: 3000 }, (_, n) => cacheKey("entry", n));
    keys.forEach((key, n) => cache.write(key, { n }));
    const reader = new KeyedJsonCache<{ n: number }>(dir);
    assert.deepEqual(keys.map((key) => reader.read(key)?.n), keys.map((_, n) => n));
    const leftovers = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".tmp"));
    assert.deepEqual(leftovers, []);
  });

  test("a write that fails (the cache folder is a file) is a later miss, not an error", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-keyed-cache-")), "not-a-folder");
    writeFileSync(file, "");
    const cache = new KeyedJsonCache<string>(file);
    cache.write(cacheKey("a"), "value");
    assert.equal(cache.read(cacheKey("a")), undefined);
  });

  test("a missing or foreign entry is a miss", () => {
    const cache = new KeyedJsonCache<string>(mkdtempSync(path.join(tmpdir(), "newsroom-keyed-cache-")));
    assert.equal(cache.read(cacheKey("never written")), undefined);
  });
});
