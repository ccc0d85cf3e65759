/**
 * Node module hooks that run the project's TypeScript (registered by
 * register.mjs): a .ts or .tsx file is compiled by esbuild as it is
 * imported (types removed, JSX for Preact as tsconfig.json says), and what
 * it compiled to is kept in node_modules/.cache/newsroom-typescript/ (one
 * version per file, by a hash of its source), so that a process compiles
 * only files changed since.
 *
 * The tests, the preview and the CMS run through these (the one-shot
 * commands run compiled instead, compiled-command.mjs, decision 0068).
 * They are used instead of tsx (docs/decisions/0056): tsx compiles
 * with esbuild's keepNames, which wraps every function created at run time
 * in a call that defines its name, and the loops over every article create
 * several per article: a seventh of the time a preview save took.
 *
 * NEWSROOM_TYPESCRIPT_CACHE=off compiles every file afresh, without keeping it.
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPESCRIPT = /\.(?:ts|tsx|mts)$/;
const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/newsroom-typescript/", import.meta.url));
const IS_CACHED = process.env.NEWSROOM_TYPESCRIPT_CACHE !== "off";

/** As tsconfig.json compiles: ES modules for this Node, JSX through Preact's automatic runtime. */
const COMPILE = {
  format: "esm",
  target: `node${process.versions.node}`,
  jsx: "automatic",
  jsxImportSource: "preact",
  // Inline, for stack traces that name the TypeScript lines (register.mjs turns Node's source maps on).
  sourcemap: "inline",
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
};
// esbuild's version is read from its package file: its module is loaded only when a file must be compiled, as a process whose files are all in the cache starts sooner without it.
const ESBUILD_VERSION = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;
const COMPILE_KEY = JSON.stringify([ESBUILD_VERSION, COMPILE]);
/** esbuild's module as it loads: imported by the first file that must be compiled. */
let loadingEsbuild;

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:")) return nextLoad(url, context);
  const { pathname } = new URL(url);
  if (!TYPESCRIPT.test(pathname) || pathname.includes("/node_modules/")) return nextLoad(url, context);
  const file = fileURLToPath(url);
  return { format: "module", source: await compiled(file, await readFile(file, "utf8")), shortCircuit: true };
}

/**
 * The file's JavaScript: from the cache when this source was compiled
 * before, else compiled and kept. Cached files are named by the file's path,
 * then by its source and the options, so that keeping a new version removes
 * the older ones of that file: the cache holds one version of each file.
 */
async function compiled(file, source) {
  const fileKey = sha256(file).slice(0, 16);
  const key = `${fileKey}-${sha256(`${COMPILE_KEY}\0${source}`).slice(0, 32)}`;
  const cached = path.join(CACHE_DIR, `${key}.js`);
  if (IS_CACHED) {
    try {
      return readFileSync(cached, "utf8");
    } catch {
      // not compiled yet
    }
  }
  const { transform } = await (loadingEsbuild ??= import("esbuild"));
  const { code } = await transform(source, { ...COMPILE, loader: file.endsWith("x") ? "tsx" : "ts", sourcefile: file });
  if (IS_CACHED) keep(cached, code, `${fileKey}-`);
  return code;
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Written whole (another process may read it meanwhile), then the older
 * versions of the same file (`olderPrefix`) removed; a cache that cannot be
 * written only costs time.
 */
function keep(cached, code, olderPrefix) {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
    const name = path.basename(cached);
    for (const older of readdirSync(CACHE_DIR)) if (older.startsWith(olderPrefix) && older.endsWith(".js") && older !== name) rmSync(path.join(CACHE_DIR, older), { force: true });
  } catch {
    // a read-only checkout: compiled again next time
  }
}
