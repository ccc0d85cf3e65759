import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, test } from "node:test";
import { compiledCommand, PROJECT_DIR } from "../../../src/loader/compiled-command.mjs";
import { temporaryFolder } from "../../temporary-folder.ts";

/**
 * A project of one command and one layout sharing a module; Preact is this
 * project's, and two packages of its own tell where their files lie.
 */
function smallProject(): { projectDir: string; cacheDir: string; write: (file: string, text: string) => void } {
  const projectDir = temporaryFolder("newsroom-compiled-command-");
  mkdirSync(path.join(projectDir, "node_modules"));
  symlinkSync(path.join(PROJECT_DIR, "node_modules/preact"), path.join(projectDir, "node_modules/preact"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(projectDir, file)), { recursive: true });
    writeFileSync(path.join(projectDir, file), text);
  };
  write("node_modules/located-esm/package.json", '{ "name": "located-esm", "type": "module", "exports": { ".": "./index.js", "./package.json": "./package.json" } }\n');
  write("node_modules/located-esm/index.js", "export const url = import.meta.url;\n");
  write("node_modules/located-cjs/package.json", '{ "name": "located-cjs", "main": "index.js" }\n');
  write("node_modules/located-cjs/index.js", 'const { sep } = require("node:path");\nmodule.exports = { dir: __dirname, file: __filename, sep, resolved: require.resolve("located-esm/package.json") };\n');
  write("src/shared.ts", 'export const shared = { version: 1 as number, here: import.meta.url };\n');
  write("src/command.ts", 'import { shared } from "./shared.ts";\nimport located from "located-cjs";\nimport { url as esmUrl } from "located-esm";\nexport { shared };\nexport const packages = { located, esmUrl };\nexport const later = () => import("./later.ts");\n');
  write("src/thrower.ts", 'export function fail(): never {\n  throw new Error("here");\n}\n');
  write("src/later.ts", 'export const folder: string = new URL(".", import.meta.url).href;\n');
  write("layouts/page.11ty.tsx", 'import { shared } from "../src/shared.ts";\nexport { shared };\nexport function render(): unknown {\n  return <p>{shared.version}</p>;\n}\n');
  return { projectDir, cacheDir: path.join(projectDir, "cache"), write };
}

describe("a command's compiled form", () => {
  test("is one module graph with its layouts, each file keeping its own import.meta.url", async () => {
    const { projectDir, cacheDir } = smallProject();
    const compiled = await compiledCommand(path.join(projectDir, "src/command.ts"), { projectDir, cacheDir });
    assert.ok(compiled.url.startsWith(pathToFileURL(cacheDir).href), "run from the cache");
    const command = await import(compiled.url);
    const layout = await import(pathToFileURL(path.join(compiled.layoutsDir, "page.11ty.mjs")).href);
    assert.equal(layout.shared, command.shared, "the layout shares the command's module, not a second copy");
    assert.equal(command.shared.here, pathToFileURL(path.join(projectDir, "src/shared.ts")).href);
    assert.equal((await command.later()).folder, pathToFileURL(path.join(projectDir, "src/")).href, "a module imported later too");
    assert.equal(typeof layout.render(), "object", "JSX compiled for Preact");
  });

  test("holds the packages it imports, each of their files keeping where it lies, their own requires answered as from the project", async () => {
    const { projectDir, cacheDir } = smallProject();
    const compiled = await compiledCommand(path.join(projectDir, "src/command.ts"), { projectDir, cacheDir });
    const { packages } = await import(compiled.url);
    const packageDir = (name: string) => path.join(projectDir, "node_modules", name);
    assert.equal(packages.esmUrl, pathToFileURL(path.join(packageDir("located-esm"), "index.js")).href, "an ES module's import.meta.url");
    assert.deepEqual(packages.located, { dir: packageDir("located-cjs"), file: path.join(packageDir("located-cjs"), "index.js"), sep: path.sep, resolved: path.join(packageDir("located-esm"), "package.json") }, "a CommonJS file's __dirname, __filename, require and require.resolve");
    const compiledTexts = compiledFiles(path.dirname(compiled.layoutsDir)).map((file) => readFileSync(file, "utf8")).join("\n");
    assert.doesNotMatch(compiledTexts, /from "located-(?:esm|cjs)"|from "preact/, "bundled, not imported from node_modules");
  });

  test("kept outside the project, imports the packages it does not bundle from where they lie", async () => {
    const { projectDir, write } = smallProject();
    for (const name of ["sharp", "pagefind"]) symlinkSync(path.join(PROJECT_DIR, "node_modules", name), path.join(projectDir, "node_modules", name));
    write("src/command.ts", 'import sharp from "sharp";\nexport const isSharp = typeof sharp === "function";\nexport const pagefind = import.meta.resolve("pagefind");\nexport const loadPagefind = () => import("pagefind");\n');
    const cacheDir = temporaryFolder("newsroom-compiled-elsewhere-");
    const compiled = await compiledCommand(path.join(projectDir, "src/command.ts"), { projectDir, cacheDir });
    const command = await import(compiled.url);
    assert.equal(command.isSharp, true);
    assert.equal(command.pagefind, pathToFileURL(path.join(realpathSync(path.join(projectDir, "node_modules/pagefind")), "lib/index.js")).href);
    assert.equal(typeof (await command.loadPagefind()).createIndex, "function");
  });

  test("maps its stack frames to our TypeScript, its source maps naming none of the packages' files", async () => {
    const { projectDir, cacheDir, write } = smallProject();
    write("src/command.ts", 'import { h } from "preact";\nimport { fail } from "./thrower.ts";\nexport const node = h("p", null);\nexport { fail };\n');
    const compiled = await compiledCommand(path.join(projectDir, "src/command.ts"), { projectDir, cacheDir });
    process.setSourceMapsEnabled(true);
    const command = await import(compiled.url);
    assert.throws(() => command.fail(), (error: Error) => error.stack!.includes(`${path.join(projectDir, "src/thrower.ts")}:2:`));
    const sources = compiledFiles(path.dirname(compiled.layoutsDir)).flatMap((file) => {
      const map = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(file, "utf8"))?.[1];
      return map ? (JSON.parse(Buffer.from(map, "base64").toString()) as { sources: string[] }).sources.map((source) => path.resolve(path.dirname(file), source)) : [];
    });
    assert.ok(sources.includes(path.join(projectDir, "src/thrower.ts")));
    assert.deepEqual(sources.filter((source) => !source.startsWith(path.join(projectDir, "src")) && !source.startsWith(path.join(projectDir, "layouts"))), []);
  });

  test("is kept while its sources are unchanged, and compiled again when one changes or a layout is added", async () => {
    const { projectDir, cacheDir, write } = smallProject();
    const entry = path.join(projectDir, "src/command.ts");
    const first = await compiledCommand(entry, { projectDir, cacheDir });
    const record = path.join(path.dirname(path.dirname(path.dirname(new URL(first.url).pathname))), "current.json");
    const recorded = statSync(record).mtimeMs;
    assert.deepEqual(await compiledCommand(entry, { projectDir, cacheDir }), { ...first, isCompiledNow: false });
    assert.equal(statSync(record).mtimeMs, recorded, "not compiled again, nor its record written");

    write("src/shared.ts", 'export const shared = { version: 22 as number, here: import.meta.url };\n');
    const edited = await compiledCommand(entry, { projectDir, cacheDir });
    assert.notEqual(edited.url, first.url);
    assert.equal((await import(edited.url)).shared.version, 22);

    write("node_modules/located-esm/index.js", 'export const url = "upgraded";\n');
    const upgraded = await compiledCommand(entry, { projectDir, cacheDir });
    assert.notEqual(upgraded.url, edited.url, "a package's file changed: compiled again");
    assert.equal((await import(upgraded.url)).packages.esmUrl, "upgraded");

    write("layouts/other.11ty.tsx", "export function render(): string {\n  return \"other\";\n}\n");
    const withLayout = await compiledCommand(entry, { projectDir, cacheDir });
    assert.ok(readdirSync(withLayout.layoutsDir).includes("other.11ty.mjs"));
  });

  test("a checkout of the same bytes (new stamps: CI restores the compiled forms after a fresh checkout and npm ci) starts from the kept form", async () => {
    const { projectDir, cacheDir, write } = smallProject();
    const entry = path.join(projectDir, "src/command.ts");
    const first = await compiledCommand(entry, { projectDir, cacheDir });
    const record = path.join(path.dirname(path.dirname(first.layoutsDir)), "current.json");
    const stampIn = () => (JSON.parse(readFileSync(record, "utf8")) as { inputs: [string, string, string][] }).inputs.find(([file]) => file === "src/shared.ts")![1];
    const before = stampIn();
    const text = readFileSync(path.join(projectDir, "src/shared.ts"), "utf8");
    rmSync(path.join(projectDir, "src/shared.ts"));
    write("src/shared.ts", text);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(projectDir, "src/shared.ts"), later, later);
    assert.deepEqual(await compiledCommand(entry, { projectDir, cacheDir }), { ...first, isCompiledNow: false }, "not compiled again");
    assert.notEqual(stampIn(), before, "the record takes the new stamp");
    const { mtimeMs, size, ino } = statSync(path.join(projectDir, "src/shared.ts"));
    assert.equal(stampIn(), `${mtimeMs}:${size}:${ino}`);
  });

  test("a version no command has started from for a day is removed at the next compile; one started from since is kept", async () => {
    const { projectDir, cacheDir, write } = smallProject();
    const entry = path.join(projectDir, "src/command.ts");
    const versionOf = (compiled: { layoutsDir: string }) => path.dirname(compiled.layoutsDir);
    const first = versionOf(await compiledCommand(entry, { projectDir, cacheDir }));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(first, twoDaysAgo, twoDaysAgo);
    await compiledCommand(entry, { projectDir, cacheDir });
    assert.ok(statSync(first).mtimeMs > Date.now() - 60_000, "a start from a version marks it as used");
    write("src/shared.ts", 'export const shared = { version: 2 as number, here: import.meta.url };\n');
    const second = versionOf(await compiledCommand(entry, { projectDir, cacheDir }));
    utimesSync(first, twoDaysAgo, twoDaysAgo);
    write("src/shared.ts", 'export const shared = { version: 333 as number, here: import.meta.url };\n');
    const third = versionOf(await compiledCommand(entry, { projectDir, cacheDir }));
    assert.ok(!existsSync(first), "unused for two days: removed");
    assert.ok(existsSync(second), "started from a moment ago: kept");
    assert.ok(existsSync(third));
  });

  test("two commands compiling the same sources at once both run from the one version kept", async () => {
    const { projectDir, cacheDir } = smallProject();
    const entry = path.join(projectDir, "src/command.ts");
    const [first, second] = await Promise.all([compiledCommand(entry, { projectDir, cacheDir }), compiledCommand(entry, { projectDir, cacheDir })]);
    assert.deepEqual(second, first);
    assert.equal(first.isCompiledNow, true);
    const [commandDir] = readdirSync(cacheDir);
    assert.deepEqual(readdirSync(path.join(cacheDir, commandDir!)).sort(), [path.basename(path.dirname(first.layoutsDir)), "current.json"].sort(), "one version, no partial folder");
    assert.equal((await import(first.url)).shared.version, 1);
  });

  test("an error in a source is told with its file and line, and leaves nothing half-written", async () => {
    const { projectDir, cacheDir, write } = smallProject();
    write("src/shared.ts", "export const shared = {\n  version: ,\n};\n");
    await assert.rejects(compiledCommand(path.join(projectDir, "src/command.ts"), { projectDir, cacheDir }), /src\/shared\.ts:2:\d+: ERROR/);
    const commandDirs = existsSync(cacheDir) ? readdirSync(cacheDir).flatMap((dir) => readdirSync(path.join(cacheDir, dir))) : [];
    assert.deepEqual(commandDirs, [], "no partial folder, no record");
  });
});

/** Every compiled module of a version folder. */
function compiledFiles(versionDir: string): string[] {
  return readdirSync(versionDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".mjs")).map((name) => path.join(versionDir, name));
}
