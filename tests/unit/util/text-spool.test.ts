import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TextSpool } from "../../../src/util/text-spool.ts";

describe("text spool", () => {
  test("every body reads back exactly, in any order and as often as asked", () => {
    const spool = new TextSpool();
    const bodies = ["<p>plain</p>", "", "<p>“Curly” — dashes, émigré, 東京, 🗞️</p>", "<p>x</p>".repeat(20_000)];
    const readers = bodies.map((html) => spool.put(html));
    for (const index of [3, 0, 2, 1, 2, 3]) assert.equal(readers[index]!(), bodies[index]);
  });

  test("spools are independent", () => {
    const first = new TextSpool();
    const second = new TextSpool();
    const a = first.put("<p>first</p>");
    const b = second.put("<p>second, longer</p>");
    assert.deepEqual([a(), b()], ["<p>first</p>", "<p>second, longer</p>"]);
  });
});
