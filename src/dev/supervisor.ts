/**
 * `npm start [-- --port 8080] [--content content] [--output .cache/preview]`:
 * runs the preview server (src/dev/cli.ts) as a child process,
 * and starts it again when layouts/, src/ or public/ change (code is loaded
 * once per process).
 *
 * On SIGINT (Ctrl-C), SIGTERM or SIGHUP, and when its own parent has gone
 * (`npm start` whose shell died of the signal), it stops every process it
 * started, grandchildren such as esbuild's compiler included: the server runs in a
 * process group of its own, which is signalled as a whole and waited for.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TYPESCRIPT_FLAGS } from "../loader/node-flags.ts";
import { whenParentExits } from "../util/processes.ts";
import { FolderWatcher } from "./folder-watcher.ts";
import { parsePreviewArgs, PREVIEW_SERVER_NODE_FLAGS, USAGE_ERROR_EXIT_CODE } from "./preview-options.ts";
import { ProcessGroup } from "./process-group.ts";

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const CODE_DIRS = ["layouts", "src", "public"];
const PREVIEW_SERVER = fileURLToPath(new URL("./cli.ts", import.meta.url));
/** A checkout or a formatter run touches many files at once: one restart for them all. */
const CODE_SETTLE_MS = 150;

const args = process.argv.slice(2);
// Refused here already, so that a wrong command line ends `npm start` instead of waiting for a code change.
const options = parsePreviewArgs(args, process.env, process.cwd());
if ("problem" in options) {
  console.error(options.problem);
  process.exit(USAGE_ERROR_EXIT_CODE);
}

let server: ProcessGroup | undefined;
let isStopping = false;

function startServer(): void {
  const started = new ProcessGroup(process.execPath, [...PREVIEW_SERVER_NODE_FLAGS, ...TYPESCRIPT_FLAGS, PREVIEW_SERVER, ...args], { stdio: ["ignore", "inherit", "inherit"] });
  server = started;
  void started.exited.then(({ code, signal }) => {
    if (isStopping || started.isStopping) return;
    if (code === USAGE_ERROR_EXIT_CODE) return void stopAll(code);
    console.error(`The preview stopped (${code === null ? signal : `exit code ${code}`}); it starts again when layouts/, src/ or public/ change. Ctrl-C ends npm start.`);
  });
}

let restarts = Promise.resolve();
let isRestartQueued = false;
/** Restarts the server once for a burst of changes; changes made while it restarts restart it once more. */
function restartServer(changed: readonly string[]): void {
  const names = changed.map((file) => path.relative(PROJECT_DIR, file));
  console.log(`${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""} changed: restarting the preview`);
  if (isRestartQueued) return;
  isRestartQueued = true;
  restarts = restarts.then(async () => {
    isRestartQueued = false;
    await server?.stop();
    if (!isStopping) startServer();
  });
}

const watchers = CODE_DIRS.map((dir) => path.join(PROJECT_DIR, dir))
  .filter((dir) => existsSync(dir))
  .map((dir) => new FolderWatcher(dir, { settleMs: CODE_SETTLE_MS, onChange: restartServer }));

/** Stops watching, stops the server's whole process group, waits for it, then exits. */
async function stopAll(exitCode = 0): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  for (const watcher of watchers) watcher.close();
  await server?.stop();
  process.exit(exitCode);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll());
whenParentExits(() => void stopAll());
// Whatever ends this process (an internal error included), the server's group does not outlive it.
process.on("exit", () => server?.signal("SIGKILL"));

startServer();
