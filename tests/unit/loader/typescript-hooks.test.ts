import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { TYPESCRIPT_FLAGS } from "../../../src/loader/node-flags.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CACHE_DIR = path.join(ROOT, "node_modules/.cache/newsroom-typescript");

/** Runs `file` (or an ES module script) as the commands run TypeScript. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [...TYPESCRIPT_FLAGS, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
}

/** Cached compilations that contain `text`. */
function cachedWith(text: string): string[] {
  let names: string[];
  try {
    names = readdirSync(CACHE_DIR);
  } catch {
    return [];
  }
  return names.filter((name) => readFileSync(path.join(CACHE_DIR, name), "utf8").includes(text));
}

describe("the TypeScript hooks the commands run with (src/loader/)", () => {
  test("remove types, and leave functions made at run time as they are written (no name-keeping wrapper)", () => {
    const folder = temporaryFolder("newsroom-loader-");
    const file = path.join(folder, "inner.ts");
    const marker = `inner-${process.pid}-${Date.now()}`;
    writeFileSync(file, `type Shout = (text: string) => string;\nexport function make(): Shout {\n  const shout: Shout = (text: string) => text.toUpperCase();\n  return shout;\n}\nconsole.log(make()("${marker}"));\n`);
    const result = run([file]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), marker.toUpperCase());
    const [compiled] = cachedWith(marker);
    assert.ok(compiled, "kept in the cache");
    const code = readFileSync(path.join(CACHE_DIR, compiled), "utf8");
    assert.match(code, /const shout = \(text\) => text\.toUpperCase\(\);/);
    assert.doesNotMatch(code, /__name/);
  });

  test("compile the layouts' JSX through Preact, as tsconfig.json does", () => {
    const script = 'import { renderToStaticMarkup } from "preact-render-to-string"; import { JsonLd } from "./layouts/components/JsonLd.tsx"; console.log(renderToStaticMarkup(JsonLd({ data: { a: "</script>" } })));';
    const result = run(["--input-type=module", "-e", script]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), '<script type="application/ld+json">{"a":"\\u003c/script>"}</script>');
  });

  test("keep what a file compiled to by its source: a changed file is compiled again and replaces its older version, an unchanged one is read back", () => {
    const folder = temporaryFolder("newsroom-loader-");
    const file = path.join(folder, "kept.ts");
    const marker = `kept-${process.pid}-${Date.now()}`;
    writeFileSync(file, `const label: string = "${marker}-1";\nconsole.log(label);\n`);
    assert.equal(run([file]).stdout.trim(), `${marker}-1`);
    assert.equal(cachedWith(`${marker}-1`).length, 1, "compiled once and kept");
    assert.equal(run([file]).stdout.trim(), `${marker}-1`);
    assert.equal(cachedWith(`${marker}-1`).length, 1, "read back, not kept twice");
    writeFileSync(file, `const label: string = "${marker}-2";\nconsole.log(label);\n`);
    assert.equal(run([file]).stdout.trim(), `${marker}-2`, "the changed source runs, not the kept one");
    assert.equal(cachedWith(`${marker}-2`).length, 1, "the changed source kept");
    assert.deepEqual(cachedWith(`${marker}-1`), [], "the older version of the file removed: one version per file");
  });

  test("load esbuild only to compile: a process whose files are all kept starts without it", () => {
    const folder = temporaryFolder("newsroom-loader-");
    const file = path.join(folder, "lazy.ts");
    writeFileSync(file, `const label: string = "lazy-${process.pid}-${Date.now()}";\nconsole.log(label);\n`);
    // NODE_DEBUG=module names each CommonJS file as it is loaded, the hooks' thread included (esbuild's API is CommonJS).
    const loadsEsbuild = (result: ReturnType<typeof run>) => /load "[^"]*\/esbuild\/lib\/main\.js"/.test(result.stderr);
    const compiling = run([file], { NODE_DEBUG: "module" });
    assert.equal(compiling.status, 0, compiling.stderr);
    assert.ok(loadsEsbuild(compiling), "a file not yet kept is compiled by esbuild");
    const kept = run([file], { NODE_DEBUG: "module" });
    assert.equal(kept.status, 0, kept.stderr);
    assert.equal(kept.stdout, compiling.stdout);
    assert.ok(!loadsEsbuild(kept), "every file read back from the cache: esbuild not loaded");
  });

  test("keep nothing with NEWSROOM_TYPESCRIPT_CACHE=off", () => {
    const folder = temporaryFolder("newsroom-loader-");
    const file = path.join(folder, "unkept.ts");
    const marker = `unkept-${process.pid}-${Date.now()}`;
    writeFileSync(file, `console.log("${marker}" as string);\n`);
    assert.equal(run([file], { NEWSROOM_TYPESCRIPT_CACHE: "off" }).stdout.trim(), marker);
    assert.deepEqual(cachedWith(marker), []);
  });

  test("name the TypeScript file and line in a stack trace", () => {
    const folder = temporaryFolder("newsroom-loader-");
    const file = path.join(folder, "throws.ts");
    writeFileSync(file, 'interface Shape {\n  sides: number;\n}\nconst shape: Shape = { sides: 3 };\nif (shape.sides === 3) throw new Error("three sides");\n');
    const result = run([file]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /three sides/);
    assert.match(result.stderr, /throws\.ts:5:/);
  });
});
