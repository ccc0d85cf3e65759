/**
 * A command's TypeScript compiled once into one module graph (esbuild,
 * bundled with the packages it imports), kept in
 * node_modules/.cache/newsroom-commands/ and run from there while none of
 * its sources, the packages' files included, has changed:
 * `node src/loader/run.mjs src/site-builder/cli.ts` (run.mjs).
 *
 * Why (docs/decisions/0068, 0069): run through the module hooks
 * (register.mjs), every module a command loads, each package file
 * included, is a round trip to Node's loader thread, and each of our 200
 * files a module of its own. Even with no hooks, each package file is a
 * module Node resolves, reads and links (Eleventy's, zod's, YAML's:
 * hundreds for an edit); bundled, they are a few dozen chunks.
 *
 * The layouts (`layouts/*.11ty.tsx`) are compiled in the same graph, as
 * entries of their own (`layouts/<name>.11ty.mjs`): Eleventy imports them
 * by file, and they share the command's modules rather than loading second
 * copies. The plugin points Eleventy at them (src/eleventy/plugin.ts).
 *
 * Each file keeps where it lies (`import.meta.url`, and a CommonJS
 * package's `__dirname`): the folders it finds beside it, `public/`,
 * `layouts/`, a worker's script, Eleventy's package.json, are the source
 * tree's. Stack traces name our TypeScript files and lines (inline source
 * maps, cut to our own sources: own-source-map.mjs).
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ownSourceMap } from "./own-source-map.mjs";

export const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const LAYOUT_FILE = /\.11ty\.tsx$/;
/** Compiled versions other than the current one are removed once no command has started from them for this long (one may still be importing from it). */
const STALE_VERSION_MS = 24 * 60 * 60 * 1000;

const ESBUILD_VERSION = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;

/**
 * Packages imported from where they lie rather than bundled: native code
 * (sharp), a package imported once per search process (pagefind), and
 * parts of Eleventy a build never loads (its dev server is not strict-mode
 * code; fsevents is macOS's).
 */
const UNBUNDLED_PACKAGES = /^(?:sharp|pagefind|esbuild|@11ty\/eleventy-dev-server|fsevents)(?:\/|$)/;

/** As typescript-hooks.mjs compiles each file, bundled with the packages: ES modules for this Node. */
const BUNDLE = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: `node${process.versions.node}`,
  jsx: "automatic",
  jsxImportSource: "preact",
  // Written inline by writeOutputs, cut down to our own sources.
  sourcemap: "external",
  sourcesContent: false,
  write: false,
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
  outExtension: { ".js": ".mjs" },
  entryNames: "[dir]/[name]",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "silent",
};
/** What else decides the compiled form: esbuild's version, its options, and this file's and its helper's code (a change to how a command is compiled compiles it again). */
const COMPILE_KEY = JSON.stringify([ESBUILD_VERSION, BUNDLE, sha256(["compiled-command.mjs", "own-source-map.mjs"].map((name) => readFileSync(new URL(name, import.meta.url), "utf8")).join("\0"))]);

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
  const isKept = recorded !== undefined && isCurrent(recorded, projectDir, commandDir, layouts);
  const versionDir = isKept ? path.join(commandDir, recorded.version) : await compile(entryFile, layouts, projectDir, commandDir);
  // Its time says when a command last started from it (see removeStaleVersions).
  touch(versionDir);
  return {
    url: pathToFileURL(path.join(versionDir, entryName.replace(/\.(?:tsx?|mts)$/, ".mjs"))).href,
    layoutsDir: path.join(versionDir, "layouts"),
    isCompiledNow: !isKept,
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

/**
 * Whether the record's version exists, was compiled by these options, from
 * these layouts, and from sources with these stamps, or else these bytes, as
 * git's index tells a file: after a fresh checkout and `npm ci` (CI restores
 * the compiled forms with its other caches) every stamp is new and the
 * sources the same. New stamps of the same bytes are written into the
 * record, so that the next start only stats them.
 */
function isCurrent(recorded, projectDir, commandDir, layouts) {
  if (recorded.compileKey !== COMPILE_KEY || recorded.layouts.join("\n") !== layouts.join("\n")) return false;
  if (!existsSync(path.join(commandDir, recorded.version))) return false;
  let isRestamped = false;
  for (const input of recorded.inputs) {
    const [file, stamp, hash] = input;
    const stampNow = stampOf(path.join(projectDir, file));
    if (stampNow === stamp) continue;
    if (stampNow === "missing" || hashOf(path.join(projectDir, file)) !== hash) return false;
    input[1] = stampNow;
    isRestamped = true;
  }
  if (isRestamped) {
    try {
      writeWhole(path.join(commandDir, "current.json"), JSON.stringify(recorded));
    } catch {
      // a read-only cache: the next start compares the bytes again
    }
  }
  return true;
}

function hashOf(file) {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("base64");
  } catch {
    return "unreadable";
  }
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
    // Each source's stamp and hash are taken as it is read: a file saved meanwhile is compiled again next time.
    const stamps = new Map();
    const result = await build({
      ...BUNDLE,
      entryPoints: [entryFile, ...layouts.map((layout) => path.join(projectDir, layout))],
      absWorkingDir: projectDir,
      outbase: projectDir,
      outdir: partial,
      metafile: true,
      // A bundled package's `require` of a Node module, or of a name it computes, is answered as from the project.
      banner: { js: `import { createRequire as __newsroomCreateRequire } from "node:module";\nconst require = __newsroomCreateRequire(${JSON.stringify(pathToFileURL(path.join(projectDir, "package.json")).href)});` },
      plugins: [ownFileLocations(projectDir, stamps), unbundledPackages()],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .sort()
      .map((file) => {
        const absolute = path.join(projectDir, file);
        const { stamp, hash } = stamps.get(absolute) ?? { stamp: stampOf(absolute), hash: hashOf(absolute) };
        return [file, stamp, hash];
      });
    const outputs = writeOutputs(result.outputFiles, projectDir);
    const version = sha256(outputs.map(([file, text]) => `${path.relative(partial, file)}\0${text}`).join("\0")).slice(0, 20);
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
 * Each file, ours or a package's, keeps where it is in the bundle: its
 * `import.meta.url` (and, in a CommonJS package, `__dirname` and
 * `__filename`) are its own file's, as when it runs from where it lies, so
 * that paths made from them (`new URL("../../public", import.meta.url)`,
 * Eleventy finding its package.json) find the same files.
 */
function ownFileLocations(projectDir, stamps) {
  return {
    name: "own-file-locations",
    setup(build) {
      build.onLoad({ filter: /\.(?:tsx?|mts|mjs|cjs|js)$/ }, async (args) => {
        const isPackage = args.path.includes(`${path.sep}node_modules${path.sep}`);
        if (!isPackage && !args.path.startsWith(path.join(projectDir, path.sep))) return undefined;
        const stamp = stampOf(args.path);
        const bytes = readFileSync(args.path);
        stamps.set(args.path, { stamp, hash: createHash("sha1").update(bytes).digest("base64") });
        const source = bytes.toString("utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
        const loader = /\.tsx$/.test(args.path) ? "tsx" : /\.(?:ts|mts)$/.test(args.path) ? "ts" : "js";
        return { contents: isPackage ? withCommonJsLocation(source, args.path) : await withResolvedSpecifiers(source, args.path, build), loader };
      });
    },
  };
}

/** A literal `import.meta.resolve("name")` answered now: the URL of the file it names from `file`. */
async function withResolvedSpecifiers(source, file, build) {
  let text = source;
  for (const [call, specifier] of source.matchAll(/import\.meta\.resolve\(\s*"([^"]+)"\s*\)/g)) {
    const resolved = await build.resolve(specifier, { kind: "import-statement", resolveDir: path.dirname(file), importer: file });
    if (resolved.errors.length > 0 || !resolved.path) continue; // left to Node, which tells what is missing
    text = text.replace(call, JSON.stringify(resolved.path.startsWith("file:") ? resolved.path : pathToFileURL(resolved.path).href));
  }
  return text;
}

/** `__dirname` and `__filename` declared for a package file that uses them without declaring its own (an ES module may). */
function withCommonJsLocation(source, file) {
  const declarations = [
    ["__dirname", path.dirname(file)],
    ["__filename", file],
  ].flatMap(([name, value]) => (new RegExp(`\\b${name}\\b`).test(source) && !new RegExp(`\\b(?:const|let|var)\\s+${name}\\b`).test(source) ? [`var ${name} = ${JSON.stringify(value)};`] : []));
  // On the first line, so that the file's own lines keep their numbers.
  return declarations.length > 0 ? `${declarations.join(" ")}${source}` : source;
}

/**
 * Writes the compiled modules, each with its source map inline, cut down to
 * our own sources (own-source-map.mjs); returns each module's file and text.
 */
function writeOutputs(outputFiles, projectDir) {
  const packagesDir = path.join(projectDir, "node_modules", path.sep);
  const maps = new Map(outputFiles.filter((file) => file.path.endsWith(".map")).map((file) => [file.path, JSON.parse(file.text)]));
  return outputFiles
    .filter((file) => !file.path.endsWith(".map"))
    .map((file) => {
      const map = maps.get(`${file.path}.map`);
      const isOwn = (source) => {
        const sourceFile = path.resolve(path.dirname(file.path), source);
        return sourceFile.startsWith(path.join(projectDir, path.sep)) && !sourceFile.startsWith(packagesDir);
      };
      const own = map && ownSourceMap(map, isOwn);
      const text = own ? `${file.text}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(own)).toString("base64")}\n` : file.text;
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, text);
      return [file.path, text];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The packages not bundled are imported by their files' URLs (so that a
 * compiled form kept outside the project finds them too), as is a literal
 * `import.meta.resolve("pagefind")`. One not installed (fsevents off macOS)
 * is left as its name: a package imports it inside a try, if at all.
 */
function unbundledPackages() {
  const resolving = Symbol("resolving");
  return {
    name: "unbundled-packages",
    setup(build) {
      build.onResolve({ filter: UNBUNDLED_PACKAGES }, async (args) => {
        if (args.pluginData === resolving) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: resolving });
        if (resolved.errors.length > 0 || !resolved.path) return { path: args.path, external: true };
        return { path: args.kind === "require-call" || args.kind === "require-resolve" ? resolved.path : pathToFileURL(resolved.path).href, external: true };
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
