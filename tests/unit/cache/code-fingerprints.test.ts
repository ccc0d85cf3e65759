import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { FRONTMATTER_CODE, RENDERER_CODE } from "../../../src/cache/code-fingerprints.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every module of this package that `entries` reach through their imports (static and dynamic; `import type` adds no code), as paths from the root. */
function reachedFrom(entries: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const specifiers = [...text.matchAll(/^import (?!type )[^;]*?from "(\.{1,2}\/[^"]+)"/gms), ...text.matchAll(/^export [^;]*?from "(\.{1,2}\/[^"]+)"/gms), ...text.matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)].map((match) => match[1]!);
    for (const specifier of specifiers) pending.push(path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier)).split(path.sep).join("/"));
  }
  return reached;
}

function uncovered(list: readonly string[], entries: readonly string[]): string[] {
  return [...reachedFrom(entries)].filter((file) => !list.some((covered) => file === covered || file.startsWith(`${covered}/`))).sort();
}

describe("the code fingerprints", () => {
  it("of the frontmatter cache cover every module parsing frontmatter reaches", () => {
    assert.deepEqual(uncovered(FRONTMATTER_CODE, ["src/content/frontmatter.ts"]), [], "add these to FRONTMATTER_CODE in src/cache/code-fingerprints.ts");
  });

  it("of the render cache cover every module the Markdown pipeline reaches", () => {
    const markdown = readdirSync(path.join(ROOT, "src/markdown"), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.m?ts$/.test(name))
      .map((name) => `src/markdown/${name.split(path.sep).join("/")}`);
    assert.deepEqual(uncovered(RENDERER_CODE, markdown), [], "add these to RENDERER_CODE in src/cache/code-fingerprints.ts");
  });

  it("see a module left out (the test can fail)", () => {
    assert.ok(uncovered(["src/content/frontmatter.ts"], ["src/content/frontmatter.ts"]).includes("src/content/yaml-source.ts"));
  });
});
