/**
 * `npm start [-- --port 8080] [--content content] [--output _site]`: the
 * preview server. Builds the site with drafts and scheduled articles shown,
 * serves it on 127.0.0.1, and rebuilds what a save changed: the saved
 * article's page first (its open tab reloads), then the rest.
 *
 * Changes to layouts/, src/ or public/ restart it (`node --watch-path`, see
 * package.json): code is loaded once per process.
 */
import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { unwrapContentError } from "../build/build.ts";
import { DevBuilder } from "./dev-builder.ts";
import { PreviewServer } from "./preview-server.ts";

/** Saves arrive as bursts of events (an editor writes, renames, touches); this gathers one burst. */
const SETTLE_MS = 30;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8080" },
    // NEWSROOM_CONTENT previews another content folder (the benchmark's corpus, a branch checkout).
    content: { type: "string", default: process.env.NEWSROOM_CONTENT ?? "content" },
    output: { type: "string", default: "_site" },
  },
});
const rootDir = process.cwd();
const contentDir = values.content;
const outputDir = path.resolve(rootDir, values.output);
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
      shouldStop: () => pending.size > 0,
    });
    if (result.interrupted) return;
    const reused = result.articlesReused > 0 ? `, ${result.articlesReused} article pages from the page cache` : "";
    console.log(`${saved === "all" ? "Site built" : "Listings and feeds rebuilt"}: ${result.pagesRendered} pages rendered${reused}, in ${seconds(started)}`);
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
let settle: NodeJS.Timeout | undefined;
/** One update at a time; saves that arrive meanwhile are taken together by the next. */
function schedule(): void {
  if (running) return;
  const saved = [...pending];
  pending = new Set();
  running = update(saved).finally(() => {
    running = undefined;
    if (pending.size > 0) schedule();
  });
}

await update("all");
const contentPath = path.resolve(rootDir, contentDir);
watch(contentPath, { recursive: true }, (_event, name) => {
  if (!name) return;
  pending.add(path.join(contentPath, name.toString()));
  clearTimeout(settle);
  settle = setTimeout(schedule, SETTLE_MS);
});
const url = await server.listen(Number(values.port));
console.log(`Preview at ${url} (drafts and scheduled articles shown). Watching ${contentDir}/ for changes; Ctrl-C stops.`);
