import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { collectGarbageNow } from "../../../src/util/heap-growth.ts";

describe("collectGarbageNow", () => {
  test("collects what nothing holds any more, at once, in a process started without --expose-gc", async () => {
    let held: object | undefined = { parses: new Array(1000).fill("a file's parse") };
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef's target is kept to the end of the turn that made or read it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbageNow();
    assert.equal(ref.deref(), undefined);
  });
});
