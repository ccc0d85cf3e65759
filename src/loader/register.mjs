/**
 * `node --import ./src/loader/register.mjs src/...`: runs the project's
 * TypeScript through typescript-hooks.mjs. Worker threads inherit the flag,
 * and so the hooks.
 */
import { register } from "node:module";

// Stack traces name TypeScript files and lines (the compiled code carries its source map).
process.setSourceMapsEnabled(true);
register("./typescript-hooks.mjs", import.meta.url);
