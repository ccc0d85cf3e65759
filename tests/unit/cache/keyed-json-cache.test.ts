import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { cacheKey, KeyedJsonCache } from "../../../src/cache/keyed-json-cache.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** A fresh folder, removed when the test file ends. */
const cacheDir = (): string => temporaryFolder("newsroom-keyed-cache-");

describe("keyed JSON cache", () => {
  test("thousands of background writes all land, and another process's cache reads them", async () => {
    const dir = cacheDir();
    const cache = new KeyedJsonCache<{ n: number }>(dir);
    const keys = Array.from({ length: 3000 }, (_, n) => cacheKey("entry", n));
    keys.forEach((key, n) => cache.write(key, { n }));
    await cache.flush();
    await cache.flush(); // nothing pending: returns at once
    const reader = new KeyedJsonCache<{ n: number }>(dir);
    assert.deepEqual(keys.map((key) => reader.read(key)?.n), keys.map((_, n) => n));
    const leftovers = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".tmp"));
    assert.deepEqual(leftovers, []);
  });

  test("a write queued after a flush started is waited for by the next flush", async () => {
    const dir = cacheDir();
    const cache = new KeyedJsonCache<string>(dir);
    cache.write(cacheKey("a"), "first");
    const flushing = cache.flush();
    cache.write(cacheKey("b"), "second");
    await flushing;
    await cache.flush();
    const reader = new KeyedJsonCache<string>(dir);
    assert.deepEqual([reader.read(cacheKey("a")), reader.read(cacheKey("b"))], ["first", "second"]);
  });

  test("a missing or foreign entry is a miss", () => {
    const cache = new KeyedJsonCache<string>(cacheDir());
    assert.equal(cache.read(cacheKey("never written")), undefined);
  });
});
