import { fileURLToPath } from "node:url";

/**
 * The flags that make `node` run this project's TypeScript (register.mjs),
 * for the processes the commands and tests start: `node ...flags file.ts`.
 */
export const TYPESCRIPT_FLAGS: readonly string[] = ["--import", new URL("./register.mjs", import.meta.url).href];

/** run.mjs: starts a command from its compiled form (compiled-command.mjs): `node RUN_COMMAND file.ts`. */
export const RUN_COMMAND = fileURLToPath(new URL("./run.mjs", import.meta.url));

// Set by run.mjs for the command it starts (the same keys there).
const LAUNCHER = Symbol.for("newsroom.launcher");
const COMPILED_LAYOUTS = Symbol.for("newsroom.compiledLayouts");

/** Where the compiled layouts of the running command are; undefined when it runs from the sources, through the module hooks. */
export function compiledLayoutsDir(): string | undefined {
  return (globalThis as Record<symbol, string | undefined>)[COMPILED_LAYOUTS];
}

/** The arguments that start this process's command again, with `flags` added: through run.mjs when it started this one. */
export function relaunchArguments(flags: readonly string[]): string[] {
  const launcher = (globalThis as Record<symbol, string | undefined>)[LAUNCHER];
  return [...process.execArgv, ...flags, ...(launcher ? [launcher] : []), ...process.argv.slice(1)];
}
