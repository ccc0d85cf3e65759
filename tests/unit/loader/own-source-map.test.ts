import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { transformSync } from "esbuild";
import { decodeMappings, encodeMappings, ownSourceMap } from "../../../src/loader/own-source-map.mjs";

describe("a compiled chunk's source map cut to our own sources", () => {
  test("decodes and encodes mappings as esbuild writes them", () => {
    const { map } = transformSync('import { x } from "./x";\nexport function twice(value: number): number {\n  const doubled = value * 2 + x;\n  return doubled;\n}\n', { loader: "ts", sourcemap: true, format: "esm" });
    const { mappings } = JSON.parse(map) as { mappings: string };
    const lines = decodeMappings(mappings);
    assert.ok(lines.flat().length > 5);
    assert.ok(lines.flat().every((segment) => segment.length === 1 || segment.length >= 4));
    assert.equal(encodeMappings(lines), mappings);
  });

  test("keeps the segments into our sources, renumbering sources and names; none left, no map", () => {
    const map = {
      version: 3,
      sources: ["../../node_modules/zod/index.js", "../../src/a.ts", "../../node_modules/yaml/b.js", "../../src/b.ts"],
      names: ["parse", "render", "load"],
      mappings: encodeMappings([
        [[0, 0, 10, 2, 0], [7, 1, 3, 4], [12, 3, 8, 0, 1]],
        [],
        [[2, 2, 100, 1, 2], [30, 1, 4, 2, 1], [40]],
      ]),
    };
    const own = ownSourceMap(map, (source: string) => !source.includes("node_modules/"));
    assert.deepEqual(own, {
      version: 3,
      sources: ["../../src/a.ts", "../../src/b.ts"],
      names: ["render"],
      mappings: encodeMappings([[[7, 0, 3, 4], [12, 1, 8, 0, 0]], [], [[30, 0, 4, 2, 0]]]),
    });
    assert.equal(ownSourceMap(map, () => false), undefined);
  });

  test("refuses a mapping that is not Base64 VLQ", () => {
    assert.throws(() => decodeMappings("AAAA,!!"), /not a source map mapping/);
  });
});
