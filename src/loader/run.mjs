/**
 * `node src/loader/run.mjs <command.ts> [arguments]`: runs one of the
 * project's commands from its compiled form (compiled-command.mjs), with no
 * module hooks. The command sees the arguments as if it had been started as
 * `node <command.ts> [arguments]`; a command that starts itself again does so
 * through this file (node-flags.ts).
 *
 * NEWSROOM_COMPILED_COMMANDS=off runs the command through the module hooks
 * instead (register.mjs), as the tests' own processes do;
 * NEWSROOM_COMMANDS_CACHE keeps the compiled forms in another folder than
 * node_modules/.cache/newsroom-commands/.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

// Read by the command through node-flags.ts (this process alone: its children are started through this file again).
const LAUNCHER = Symbol.for("newsroom.launcher");
const COMPILED_LAYOUTS = Symbol.for("newsroom.compiledLayouts");

const [entry] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node src/loader/run.mjs <command.ts> [arguments]\n");
  process.exit(2);
}
const launcher = process.argv[1];
process.argv.splice(1, 2, path.resolve(entry));
globalThis[LAUNCHER] = launcher;
const compiled = process.env.NEWSROOM_COMPILED_COMMANDS === "off" ? undefined : await compiledForm(entry);
if (compiled) {
  // Stack traces name TypeScript files and lines (the compiled code carries its source map).
  process.setSourceMapsEnabled(true);
  globalThis[COMPILED_LAYOUTS] = compiled.layoutsDir;
  await import(compiled.url);
} else {
  await import("./register.mjs");
  await import(pathToFileURL(path.resolve(entry)).href);
}

/** The command's compiled form; undefined when it cannot be kept (a read-only checkout, a full disk): the command then runs from its sources. */
async function compiledForm(entry) {
  const { compiledCommand } = await import("./compiled-command.mjs");
  try {
    return await compiledCommand(entry, process.env.NEWSROOM_COMMANDS_CACHE ? { cacheDir: path.resolve(process.env.NEWSROOM_COMMANDS_CACHE) } : {});
  } catch (error) {
    // A file system's refusal (it names its call); a compile error is the code's, and stops the command.
    if (typeof error?.syscall !== "string") throw error;
    process.stderr.write(`note: the compiled form of ${entry} could not be kept (${error.code}); running it from its sources, which starts more slowly\n`);
    return undefined;
  }
}
