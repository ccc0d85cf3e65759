import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { TaskQueue } from "../../../src/images/task-queue.ts";

describe("TaskQueue", () => {
  it("never runs more than its concurrency at once, and runs everything", async () => {
    const queue = new TaskQueue(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        queue.push(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(5);
          running--;
          return i;
        }),
      ),
    );
    assert.deepEqual(results, [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(peak, 2);
  });

  it("keeps going after a failed task, and idle() waits for everything pushed", async () => {
    const queue = new TaskQueue(1);
    const done: number[] = [];
    const failed = queue.push(async () => {
      throw new Error("boom");
    });
    void queue.push(async () => {
      await sleep(5);
      done.push(2);
    });
    await assert.rejects(failed, /boom/);
    await queue.idle();
    assert.deepEqual(done, [2]);
  });

  it("refuses a concurrency below one", () => {
    assert.throws(() => new TaskQueue(0), RangeError);
  });
});
