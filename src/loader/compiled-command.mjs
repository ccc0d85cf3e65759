/**
 * A command's TypeScript compiled once into one module graph (esbuild,
 * bundled, the packages left as imports), kept in
 * node_modules/.cache/newsroom-commands/ and run from there while none of
 * its sources has changed: `node src/loader/run.mjs src/site-builder/cli.ts`
 * (run.mjs).
 *
 * Why (docs/decisions/0068): run through the module hooks (register.mjs),
 * every module a command loads, each package file included, is a round trip
 * to Node's loader thread, and each of our 200 files a module of its own. An
 * edit of a 10,000-article site spent about 0.9 s of main-thread time
 * loading modules that way, against about 0.55 s for the same code bundled
 * and loaded with no hooks.
 *
 * The layouts (`layouts/*.11ty.tsx`) are compiled in the same graph, as
 * entries of their own (`layouts/<name>.11ty.mjs`): Eleventy imports them
 * by file, and they share the command's modules rather than loading second
 * copies. The plugin points Eleventy at them (src/eleventy/plugin.ts).
 *
 * Each file keeps its own `import.meta.url` (the folders it finds beside it,
 * `public/`, `layouts/`, a worker's script, are the source tree's), and stack
 * traces name the TypeScript files and lines (inline source maps).
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const LAYOUT_FILE = /\.11ty\.tsx$/;
/** Compiled versions other than the current one are removed once no command has started from them for this long (one may still be importing from it). */
const STALE_VERSION_MS = 24 * 60 * 60 * 1000;

const ESBUILD_VERSION = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;

/** As typescript-hooks.mjs compiles each file, bundled: ES modules for this Node, the packages imported from node_modules. */
const BUNDLE = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: `node${process.versions.node}`,
  packages: "external",
  jsx: "automatic",
  jsxImportSource: "preact",
  sourcemap: "inline",
  sourcesContent: false,
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
  outExtension: { ".js": ".mjs" },
  entryNames: "[dir]/[name]",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "silent",
};
const COMPILE_KEY = JSON.stringify([ESBUILD_VERSION, BUNDLE]);

/**
 * The compiled form of the command `entry` (a path to a TypeScript file of
 * `projectDir`): the URL of its module, and the folder of its compiled
 * layouts. Compiled again when its record is missing or names a source whose
 * stamp has changed, or the layouts are not the ones it was compiled with.
 */
export async function compiledCommand(entry, { projectDir = PROJECT_DIR, cacheDir = path.join(projectDir, "node_modules/.cache/newsroom-commands") } = {}) {
  const entryFile = path.resolve(entry);
  const entryName = path.relative(projectDir, entryFile);
  // By the entry's absolute path: two checkouts sharing a cache (a worktree's linked node_modules) keep apart.
  const commandDir = path.join(cacheDir, sha256(entryFile).slice(0, 16));
  const layouts = layoutFiles(projectDir);
  const recorded = readRecord(commandDir);
  const versionDir = recorded && isCurrent(recorded, projectDir, commandDir, layouts) ? path.join(commandDir, recorded.version) : await compile(entryFile, layouts, projectDir, commandDir);
  // Its time says when a command last started from it (see removeStaleVersions).
  touch(versionDir);
  return {
    url: pathToFileURL(path.join(versionDir, entryName.replace(/\.(?:tsx?|mts)$/, ".mjs"))).href,
    layoutsDir: path.join(versionDir, "layouts"),
  };
}

/** The layouts Eleventy renders with: `layouts/*.11ty.tsx`, by name. */
function layoutFiles(projectDir) {
  const dir = path.join(projectDir, "layouts");
  return existsSync(dir) ? readdirSync(dir).filter((name) => LAYOUT_FILE.test(name)).sort().map((name) => `layouts/${name}`) : [];
}

function readRecord(commandDir) {
  try {
    return JSON.parse(readFileSync(path.join(commandDir, "current.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Whether the record's version exists, was compiled by these options, from these layouts, and from sources with these stamps. */
function isCurrent(recorded, projectDir, commandDir, layouts) {
  if (recorded.compileKey !== COMPILE_KEY || recorded.layouts.join("\n") !== layouts.join("\n")) return false;
  if (!existsSync(path.join(commandDir, recorded.version))) return false;
  return recorded.inputs.every(([file, stamp]) => stampOf(path.join(projectDir, file)) === stamp);
}

function stampOf(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : "missing";
}

/**
 * Compiles the command into a new folder and makes it the current version.
 * Written whole before it is named (another command may be compiling the
 * same sources meanwhile: the second to finish finds the folder there and
 * keeps it), then its record.
 */
async function compile(entryFile, layouts, projectDir, commandDir) {
  const { build } = await import("esbuild");
  mkdirSync(commandDir, { recursive: true });
  const partial = path.join(commandDir, `.partial-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    // Each source's stamp is taken as it is read: a file saved meanwhile is compiled again next time.
    const stamps = new Map();
    const result = await build({
      ...BUNDLE,
      entryPoints: [entryFile, ...layouts.map((layout) => path.join(projectDir, layout))],
      absWorkingDir: projectDir,
      outbase: projectDir,
      outdir: partial,
      metafile: true,
      plugins: [ownImportMetaUrl(projectDir, stamps)],
    });
    const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules/")).sort().map((file) => [file, stamps.get(path.join(projectDir, file)) ?? stampOf(path.join(projectDir, file))]);
    const outputs = Object.keys(result.metafile.outputs).sort();
    const version = sha256(outputs.map((file) => `${path.relative(partial, path.join(projectDir, file))}\0${readFileSync(path.join(projectDir, file), "utf8")}`).join("\0")).slice(0, 20);
    const versionDir = path.join(commandDir, version);
    keepAs(partial, versionDir);
    writeWhole(path.join(commandDir, "current.json"), JSON.stringify({ version, compileKey: COMPILE_KEY, layouts, inputs }));
    removeStaleVersions(commandDir, version);
    return versionDir;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Each of the project's files keeps its own `import.meta.url` in the bundle
 * (its file's URL, as when it runs from the source tree), so that paths made
 * from it (`new URL("../../public", import.meta.url)`) find the same folders.
 */
function ownImportMetaUrl(projectDir, stamps) {
  return {
    name: "own-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.(?:tsx?|mts|mjs|js)$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`) || !args.path.startsWith(path.join(projectDir, path.sep))) return undefined;
        stamps.set(args.path, stampOf(args.path));
        const source = readFileSync(args.path, "utf8");
        const loader = /\.tsx$/.test(args.path) ? "tsx" : /\.(?:ts|mts)$/.test(args.path) ? "ts" : "js";
        return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  };
}

/** The compiled folder under its version's name; when another command named it first (the same sources), that one is kept. */
function keepAs(partial, versionDir) {
  try {
    renameSync(partial, versionDir);
  } catch (error) {
    if (!existsSync(versionDir)) throw error;
    rmSync(partial, { recursive: true, force: true });
  }
}

function touch(dir) {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // removed meanwhile: the command still runs from what it has
  }
}

/** Versions other than the current one, and partial folders, once no command has started from them for a day (a command may still be running from one). */
function removeStaleVersions(commandDir, current) {
  for (const name of readdirSync(commandDir)) {
    if (name === current || name === "current.json") continue;
    const dir = path.join(commandDir, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_VERSION_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed by another command meanwhile
    }
  }
}

function writeWhole(file, text) {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}
