import path from "node:path";
import { LOCAL_BACKEND_URL } from "./cms-backend.ts";
import { startLocalBackend } from "./local-backend.ts";
import { commandLine } from "../util/command-line.ts";

/**
 * `npm run cms`: Decap CMS's local backend on 127.0.0.1:8081, so that
 * /admin/ of the preview (`npm start`, http://127.0.0.1:8080/admin/) edits
 * this checkout's files instead of the git host's. `--git` uses the
 * editorial workflow on local branches (it checks branches out in this
 * folder while it works: commit or put aside your own changes first).
 */
const { values } = commandLine({ options: { git: { type: "boolean", default: false }, verbose: { type: "boolean", default: false } } }, "usage: npm run cms [-- --git] [--verbose]");

const port = Number(new URL(LOCAL_BACKEND_URL).port);
const backend = await startLocalBackend({ repoDir: path.resolve("."), mode: values.git ? "git" : "fs", port, isVerbose: values.verbose });
console.log(`The CMS's local backend is at ${backend.url} (${values.git ? "git: the editorial workflow, on local branches" : "files: saves write content/ directly"}).`);
console.log("Run npm start too, then open http://127.0.0.1:8080/admin/ and choose Login. Ctrl-C stops it.");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void backend.stop().then(() => process.exit(0));
  });
}
