import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { PackStore } from "../../../src/cache/pack-store.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** A fresh folder, removed when the test file ends. */
const newDir = () => temporaryFolder("newsroom-pack-store-");
const files = (dir: string, ending: string) => readdirSync(dir).filter((name) => name.endsWith(ending)).sort();
/** Entries listed by every index on disk. */
const indexedKeys = (dir: string) => files(dir, ".index").flatMap((name) => (JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { entries: [string][] }).entries.map(([key]) => key));
/** One build's pack: a store that puts `entries` and closes. */
const writePack = (dir: string, entries: readonly (readonly [string, string])[]) => {
  const store = new PackStore(dir);
  for (const [key, value] of entries) store.put(key, value);
  store.close();
};

describe("pack store", () => {
  test("values are read back at once, and by another store once flushed, from one pack and its index", () => {
    const dir = newDir();
    const writer = new PackStore(dir);
    const values = Array.from({ length: 3000 }, (_, n) => [`key-${n}`, `<p>value ${n} ✓</p>`.repeat(1 + (n % 7))] as const);
    for (const [key, value] of values) writer.put(key, value);
    assert.equal(writer.get("key-2999"), values[2999]![1], "readable before the flush");
    assert.equal(new PackStore(dir).has("key-0"), false, "not for other stores before the flush");
    writer.flush();
    const reader = new PackStore(dir);
    assert.deepEqual(values.map(([key]) => reader.get(key)), values.map(([, value]) => value));
    assert.equal(reader.get("never stored"), undefined);
    assert.deepEqual([files(dir, ".pack").length, files(dir, ".index").length, readdirSync(dir).length], [1, 1, 2]);
    writer.close();
    reader.close();
  });

  test("a key stored again is read from the newest pack", () => {
    const dir = newDir();
    const first = new PackStore(dir);
    first.put("story", "old");
    first.close();
    const second = new PackStore(dir);
    assert.equal(second.get("story"), "old");
    second.put("story", "new");
    assert.equal(second.get("story"), "new");
    second.close();
    assert.equal(new PackStore(dir).get("story"), "new");
  });

  test("a pack without its index is not read; a cut-short or deleted pack is a miss", () => {
    const dir = newDir();
    const store = new PackStore(dir);
    store.put("a", "alpha");
    store.put("b", "bravo");
    store.flush();
    rmSync(path.join(dir, files(dir, ".index")[0]!));
    assert.equal(new PackStore(dir).get("a"), undefined, "no index");
    store.flush(); // nothing new: no index written again
    assert.equal(files(dir, ".index").length, 0);

    const cut = new PackStore(dir);
    cut.put("c", "charlie");
    cut.put("d", "delta");
    cut.close();
    const pack = files(dir, ".pack").find((name) => readFileSync(path.join(dir, name), "utf8").includes("charlie"))!;
    writeFileSync(path.join(dir, pack), "charl");
    const reader = new PackStore(dir);
    assert.deepEqual([reader.get("c"), reader.get("d")], [undefined, undefined]);

    const gone = new PackStore(dir);
    gone.put("e", "echo");
    gone.close();
    const later = new PackStore(dir);
    assert.equal(later.has("e"), true);
    for (const name of readdirSync(dir)) rmSync(path.join(dir, name));
    assert.equal(later.get("e"), undefined, "pruned by another build after it was listed");
  });

  test("a damaged index is ignored, and pruned", () => {
    const dir = newDir();
    const store = new PackStore(dir);
    store.put("a", "alpha");
    store.close();
    writeFileSync(path.join(dir, files(dir, ".index")[0]!), '{"entries":[["a",0,');
    const reader = new PackStore(dir);
    assert.equal(reader.get("a"), undefined);
    reader.prune();
    assert.deepEqual(readdirSync(dir), []);
  });

  test("stores files' bytes, a file larger than its read buffer and a smaller one after it alike", () => {
    const dir = newDir();
    const large = path.join(dir, "large.html");
    const small = path.join(dir, "small.html");
    writeFileSync(large, "<p>long page ✓</p>".repeat(30_000)); // about 600 KB, past the first buffer
    writeFileSync(small, "<p>short</p>");
    const store = new PackStore(path.join(dir, "packs"));
    store.putFile("large", large);
    store.putFile("small", small);
    store.close();
    const reader = new PackStore(path.join(dir, "packs"));
    assert.equal(reader.get("large"), readFileSync(large, "utf8"));
    assert.equal(reader.get("small"), "<p>short</p>");
  });

  test("past eight packs, a flush merges all but the largest, keeping every value and the newest of each key", () => {
    const dir = newDir();
    writePack(dir, [...Array.from({ length: 50 }, (_, n) => [`big-${n}`, `big ${n}`] as const), ["shared", "from the big pack"]]);
    for (let build = 0; build < 8; build++) {
      writePack(dir, [[`small-${build}`, `small ${build}`], ...(build === 3 ? [["shared", "newer, from a small pack"] as const] : [])]);
    }
    assert.equal(files(dir, ".index").length, 2, "the big pack and one merged pack");
    const reader = new PackStore(dir);
    assert.equal(reader.get("big-49"), "big 49");
    assert.deepEqual(Array.from({ length: 8 }, (_, n) => reader.get(`small-${n}`)), Array.from({ length: 8 }, (_, n) => `small ${n}`));
    assert.equal(reader.get("shared"), "newer, from a small pack");
    assert.equal(indexedKeys(dir).filter((key) => key === "shared").length, 2, "the big pack is left as it is");
  });

  test("a merge leaves out what a newer pack it does not merge stores again", () => {
    const dir = newDir();
    writePack(dir, [["story", "oldest"]]);
    // The largest pack, left out of merges, is newer than the first one.
    writePack(dir, Array.from({ length: 20 }, (_, n) => [n === 0 ? "story" : `big-${n}`, n === 0 ? "newer" : `big ${n}`] as const));
    for (let build = 0; build < 7; build++) writePack(dir, [[`small-${build}`, `small ${build}`]]);
    assert.equal(files(dir, ".index").length, 2, "the largest pack and one merged pack");
    assert.equal(new PackStore(dir).get("story"), "newer");
    assert.equal(indexedKeys(dir).filter((key) => key === "story").length, 1, "the shadowed value was not copied");
  });

  test("prune deletes unused entries once they outnumber the used ones and a thousand, copying used ones out of mixed packs", () => {
    const dir = newDir();
    writePack(dir, [...Array.from({ length: 1000 }, (_, n) => [`old-${n}`, `old ${n}`] as const), ["kept", "still used"]]);
    const build = (keys: string[], fresh: number) => {
      const store = new PackStore(dir);
      for (const key of keys) assert.notEqual(store.get(key), undefined, key);
      for (let n = 0; n < fresh; n++) store.put(`fresh-${n}`, `fresh ${n}`);
      const pruned = store.prune();
      store.close();
      return pruned;
    };
    assert.equal(build(["kept"], 1), 0, "a thousand unused entries are kept");
    assert.equal(indexedKeys(dir).length, 1002);
    const extra = new PackStore(dir);
    extra.put("old-extra", "one more");
    extra.close();
    assert.equal(build(["kept", "fresh-0"], 0), 1001, "past a thousand, every unused entry goes");
    assert.deepEqual(indexedKeys(dir).sort(), ["fresh-0", "kept"]);
    const reader = new PackStore(dir);
    assert.deepEqual([reader.get("kept"), reader.get("fresh-0"), reader.get("old-0")], ["still used", "fresh 0", undefined]);
  });

  test("prune removes what killed builds and earlier versions left, but not another build's work in progress", () => {
    const dir = newDir();
    const store = new PackStore(dir);
    store.put("a", "alpha");
    store.flush();
    const hour = 60 * 60;
    const old = Date.now() / 1000 - 2 * hour;
    writeFileSync(path.join(dir, "00killed00-1-aa.pack"), "half");
    utimesSync(path.join(dir, "00killed00-1-aa.pack"), old, old);
    writeFileSync(path.join(dir, "00killed00-2-bb.index.77.tmp"), "{");
    utimesSync(path.join(dir, "00killed00-2-bb.index.77.tmp"), old, old);
    writeFileSync(path.join(dir, "00running0-3-cc.pack"), "in progress");
    mkdirSync(path.join(dir, "3f"));
    writeFileSync(path.join(dir, "3f", `${"3f".padEnd(64, "0")}.json`), "{}");
    writeFileSync(path.join(dir, `${"a".repeat(64)}.html`), "<p>old page</p>");
    writeFileSync(path.join(dir, "notes.txt"), "not ours: left alone");
    store.prune();
    store.close();
    assert.deepEqual(readdirSync(dir).filter((name) => !/^[0-9a-z]{10}-\d+-[0-9a-f]{8}\.(pack|index)$/.test(name)).sort(), ["00running0-3-cc.pack", "notes.txt"]);
    assert.equal(new PackStore(dir).get("a"), "alpha");
  });
});
