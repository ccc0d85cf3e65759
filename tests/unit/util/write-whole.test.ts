import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { writeFileWhole } from "../../../src/util/write-whole.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

describe("a file written whole", () => {
  test("holds a text, bytes, or parts of either in order, and no temporary file is left", () => {
    const dir = temporaryFolder("newsroom-write-whole-");
    const file = path.join(dir, "out.bin");
    writeFileWhole(file, "“Curly” — émigré, 東京, 🗞️\n");
    assert.equal(readFileSync(file, "utf8"), "“Curly” — émigré, 東京, 🗞️\n");
    writeFileWhole(file, new Uint16Array([0x4241, 0x4443]).subarray(1));
    assert.equal(readFileSync(file, "latin1"), "CD", "a view's own bytes, not its whole buffer's");
    function* parts() {
      yield "head ";
      const reused = Buffer.alloc(3);
      for (const word of ["one", "two"]) {
        reused.write(word);
        yield reused;
      }
      yield " ";
      yield "é".repeat(3);
    }
    writeFileWhole(file, parts(), { flush: true });
    assert.equal(readFileSync(file, "utf8"), "head onetwo ééé", "each part is written before the next is made");
    assert.deepEqual(readdirSync(dir), ["out.bin"]);
  });

  test("a failure while the parts are made leaves the file as it was", () => {
    const dir = temporaryFolder("newsroom-write-whole-");
    const file = path.join(dir, "out.bin");
    writeFileSync(file, "the last whole version");
    function* failing() {
      yield "half of ";
      throw new Error("internal error, please report: a part could not be made");
    }
    assert.throws(() => writeFileWhole(file, failing()), /a part could not be made/);
    assert.equal(readFileSync(file, "utf8"), "the last whole version");
    assert.deepEqual(readdirSync(dir), ["out.bin"]);
  });

  test("a text is written without a Buffer of its size, which V8 would count towards a full collection", () => {
    const file = path.join(temporaryFolder("newsroom-write-whole-"), "inputs.json");
    const text = JSON.stringify(Array.from({ length: 400_000 }, (_, index) => [`/site/content/articles/story-${index}.md`, `${index}`]));
    assert.ok(text.length > 16 * 2 ** 20);
    const before = process.memoryUsage().arrayBuffers;
    writeFileWhole(file, text);
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < 2 ** 20, `Buffers grew by ${(grown / 2 ** 20).toFixed(1)} MB writing ${(text.length / 2 ** 20).toFixed(1)} MB of text`);
    assert.equal(readFileSync(file, "utf8"), text);
  });
});
