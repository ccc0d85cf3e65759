import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { describe, test } from "node:test";
import { codeFingerprint } from "../../../src/cache/keyed-json-cache.ts";
import { CONTENT_STATE_CODE } from "../../../src/cache/code-fingerprints.ts";
import { STATE_VERSION } from "../../../src/site-builder/content-state-file.ts";
import { EDIT_SEMI_SPACE_MB, editHeapFlags } from "../../../src/site-builder/edit-heap.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** A content state of `shardBytes` bytes in one shard, written by `code`; its index file. */
function contentState(shardBytes: number, code = codeFingerprint(CONTENT_STATE_CODE)): string {
  const dir = temporaryFolder("newsroom-edit-heap-");
  writeFileSync(path.join(dir, "content-3-abc123.bin"), Buffer.alloc(shardBytes));
  const index = path.join(dir, "content.bin");
  writeFileSync(index, v8.serialize({ version: STATE_VERSION, code, context: "", shards: [null, null, null, "content-3-abc123.bin"], images: [] }));
  return index;
}

describe("the heap of a build", () => {
  test("has a larger young generation when the content state it starts from is at least the threshold", () => {
    assert.deepEqual(editHeapFlags(contentState(200_000), 100_000), [`--max-semi-space-size=${EDIT_SEMI_SPACE_MB}`]);
  });

  test("starts with an old generation sized to the state it reads back, when that is large enough to matter", () => {
    // 20 MB of state (and its small index): 160 MB of old generation.
    assert.deepEqual(editHeapFlags(contentState(20 * 2 ** 20), 100_000), [`--max-semi-space-size=${EDIT_SEMI_SPACE_MB}`, "--initial-old-space-size=160"]);
  });

  test("is left as it is for a smaller state, a state other code wrote, or none", () => {
    assert.deepEqual(editHeapFlags(contentState(50_000), 100_000), []);
    assert.deepEqual(editHeapFlags(contentState(200_000, "other code"), 100_000), []);
    assert.deepEqual(editHeapFlags(path.join(temporaryFolder("newsroom-edit-heap-"), "content.bin"), 1), []);
  });

  test("is left as it is when a shard the index names is gone", () => {
    const index = contentState(200_000);
    writeFileSync(index, v8.serialize({ version: STATE_VERSION, code: codeFingerprint(CONTENT_STATE_CODE), context: "", shards: ["content-3-abc123.bin", "content-9-gone.bin"], images: [] }));
    assert.deepEqual(editHeapFlags(index, 100_000), []);
  });
});
