/**
 * The flags that make `node` run this project's TypeScript (register.mjs),
 * for the processes the commands and tests start: `node ...flags file.ts`.
 */
export const TYPESCRIPT_FLAGS: readonly string[] = ["--import", new URL("./register.mjs", import.meta.url).href];
