/**
 * `node --import ./src/loader/register.mjs src/...`: runs the project's
 * TypeScript through typescript-hooks.mjs. A worker thread does not inherit
 * module hooks: its entry imports this file (src/markdown/render-worker.mjs).
 */
import { register } from "node:module";

// Stack traces name TypeScript files and lines (the compiled code carries its source map).
process.setSourceMapsEnabled(true);
register("./typescript-hooks.mjs", import.meta.url);
