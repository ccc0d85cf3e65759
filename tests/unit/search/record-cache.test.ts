import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { RecordCache } from "../../../src/search/record-cache.ts";
import type { SearchRecord, SearchRecordSource } from "../../../src/search/search-record.ts";

const record = (url: string, content: string): SearchRecord => ({ url, language: "en", content, meta: { title: url }, filters: {}, sort: {} });

/** A source whose record() counts its calls. */
function source(url: string, hash: string, content: string, built: string[]): SearchRecordSource {
  return { url, kind: "article", hash, record: () => (built.push(url), record(url, content)) };
}

describe("the live bundle's record cache", () => {
  test("a record known by its hash is not built again; one with a new hash is; only the records given out are kept", () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), "newsroom-records-"));
    const built: string[] = [];
    const first = new RecordCache(stateDir, "format-1");
    for (const given of first.through([source("/a/", "a1", "A", built), source("/b/", "b1", "B", built)])) given.record();
    first.save();
    const second = new RecordCache(stateDir, "format-1");
    const records = second.through([source("/a/", "a1", "A changed?", built), source("/b/", "b2", "B edited", built)]).map((given) => given.record());
    assert.deepEqual(records, [record("/a/", "A"), record("/b/", "B edited")]);
    assert.deepEqual(built, ["/a/", "/b/", "/b/"]);
    second.save();
    // b1 was not given out by the second cache: it is gone.
    const third = new RecordCache(stateDir, "format-1");
    third.through([source("/b/", "b1", "B", built)])[0]!.record();
    assert.deepEqual(built, ["/a/", "/b/", "/b/", "/b/"]);
    rmSync(stateDir, { recursive: true, force: true });
  });

  test("another format, or a damaged file, is an empty cache", () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), "newsroom-records-"));
    const built: string[] = [];
    const first = new RecordCache(stateDir, "format-1");
    first.through([source("/a/", "a1", "A", built)])[0]!.record();
    first.save();
    new RecordCache(stateDir, "format-2").through([source("/a/", "a1", "A", built)])[0]!.record();
    assert.deepEqual(built, ["/a/", "/a/"]);
    for (const damaged of ["{", JSON.stringify({ format: "format-1", records: { a1: { url: 3 } } })]) {
      writeFileSync(path.join(stateDir, "live-records.json"), damaged);
      new RecordCache(stateDir, "format-1").through([source("/a/", "a1", "A", built)])[0]!.record();
    }
    assert.deepEqual(built, ["/a/", "/a/", "/a/", "/a/"]);
    rmSync(stateDir, { recursive: true, force: true });
  });
});
