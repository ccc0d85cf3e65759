/**
 * The preview server that `npm start` runs (src/dev/supervisor.ts starts it,
 * and again when the code changes: code is loaded once per process). Builds
 * the site with drafts and scheduled articles shown into its own folder
 * (never _site/), serves it on 127.0.0.1, and rebuilds what a save changed:
 * the saved article's page first (its open tab reloads), then the rest.
 *
 *   node --import ./src/loader/register.mjs src/dev/cli.ts [--port 8080] [--content content] [--output .cache/preview]
 *
 * Stops, closing its connections, on SIGINT, SIGTERM or SIGHUP, and when the
 * process that started it has gone.
 */
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { unwrapContentError } from "../site-builder/build-site.ts";
import { whenParentExits } from "../util/processes.ts";
import { DevBuilder } from "./dev-builder.ts";
import { FolderWatcher } from "./folder-watcher.ts";
import { parsePreviewArgs, USAGE_ERROR_EXIT_CODE } from "./preview-options.ts";
import { PreviewServer } from "./preview-server.ts";

const rootDir = process.cwd();
const options = parsePreviewArgs(process.argv.slice(2), process.env, rootDir);
if ("problem" in options) {
  console.error(options.problem);
  process.exit(USAGE_ERROR_EXIT_CODE);
}
const { contentDir, outputDir } = options;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

const builder = new DevBuilder({ rootDir, contentDir, isPreview: true }, outputDir);
const server = new PreviewServer(outputDir);

/** Runs one update; content problems go to the terminal and over the open pages, and the last good pages stay. */
async function update(saved: string[] | "all"): Promise<void> {
  const started = performance.now();
  try {
    const result = await builder.update(saved, {
      // Pages that open or reload from now on show no problems.
      onContentLoaded: () => server.problems(undefined),
      onSavedPages: (urls) => {
        console.log(`${urls.join(", ")} rebuilt in ${seconds(started)}`);
        server.pagesChanged(urls);
      },
      // The first build runs to its end: the saves made meanwhile are taken after it.
      shouldStop: () => saved !== "all" && pending.size > 0,
    });
    if (result.interrupted) return;
    console.log(`${saved === "all" ? "Site built" : "Listings and feeds rebuilt"}: ${result.pagesRendered} files written, ${result.kept} unchanged, in ${seconds(started)}`);
    server.pagesChanged({ except: result.saved });
  } catch (error) {
    const problems = unwrapContentError(error);
    if (!problems) {
      // The preview stays up: the next save tries again.
      console.error("internal error, please report:", error);
      return;
    }
    console.error(`${problems.message}\nThe preview keeps the last good pages: fix the problems above and save again.`);
    server.problems(problems.message);
  }
}

let pending = new Set<string>();
let running: Promise<void> | undefined;
/** One update at a time; saves that arrive meanwhile are taken together by the next. */
function schedule(): void {
  if (running || pending.size === 0) return;
  const saved = [...pending];
  pending = new Set();
  running = update(saved).finally(() => {
    running = undefined;
    schedule();
  });
}

let isStopping = false;
/** Stops watching and serving, then exits: an update under way is dropped (the next start builds from scratch). */
async function stop(): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  watcher.close();
  await Promise.race([server.close(), delay(2000)]);
  process.exit(0);
}

// Watching from before the first build: a save made during it is taken right after it.
const contentPath = path.resolve(rootDir, contentDir);
const watcher = new FolderWatcher(contentPath, {
  onChange: (paths) => {
    for (const changed of paths) pending.add(changed);
    schedule();
  },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
whenParentExits(() => void stop());
// The port first: a port in use is said at once, not after a first build of minutes. Open tabs reload when that build ends.
const url = await server.listen(options.port).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== "EADDRINUSE") throw error;
  console.error(`Port ${options.port} is in use (another preview?): stop that server, or pass another port: npm start -- --port 8081`);
  process.exit(USAGE_ERROR_EXIT_CODE);
});
running = update("all");
await running;
running = undefined;
console.log(`Preview at ${url} (drafts and scheduled articles shown), written to ${path.relative(rootDir, outputDir) || "."}/. Watching ${contentDir}/ for changes; Ctrl-C stops.`);
schedule();
