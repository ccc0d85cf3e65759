/**
 * How long the dev server (`npm start`) takes to show a save: starts it on a
 * generated corpus, waits for the first build, then saves one article six
 * times and times each until the served page shows the change:
 *
 * Each save is timed twice, at once: as an open tab sees it (the page's
 * live-reload stream names it, then the page is fetched: what the script in
 * every preview page does), and by fetching the page every 50 ms (the
 * figures before 2026-12-02's afternoon were taken so, 0-50 ms late).
 *
 * 1. in place (a sentence appended to the file, as most editors write);
 * 2. five times by write-then-rename (a new file renamed over the article,
 *    as vim, `sed -i`, JetBrains' safe write and `git checkout` do), each
 *    with a sentence of its own, once the listings of the save before are
 *    done (an editor pauses between saves).
 *
 * Puts the article back at the end.
 *
 *   node --import ./src/loader/register.mjs bench/dev-server-edit.ts [--size 10000] [--seed 1] [--port 8091]
 *
 * Prints one JSON line: {"tool":"dev-server","size":N,"firstBuildSeconds":S,
 * "editVisibleSeconds":S,"renameSavesVisibleSeconds":[S,S,S,S,S],
 * "editPolledSeconds":S,"renameSavesPolledSeconds":[S,S,S,S,S]}: "Visible"
 * as a tab sees the save, "Polled" by polling.
 */
import { spawn } from "node:child_process";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PREVIEW_SERVER_NODE_FLAGS } from "../src/dev/preview-options.ts";
import { TYPESCRIPT_FLAGS } from "../src/loader/node-flags.ts";
import { BENCH_DIR, ensureCorpus } from "./generate-corpus.ts";
import { articleToEdit, editOneArticle } from "./rebuild-check.ts";

const ROOT_DIR = path.dirname(BENCH_DIR);
const RENAME_SAVES = 5;
const { values } = parseArgs({ options: { size: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, port: { type: "string", default: "8091" } } });
const size = Number(values.size);
const port = Number(values.port);
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (value: number) => Number(value.toFixed(2));

/** Polls `url` until its body contains `text`; resolves with the time it took, in seconds. */
async function waitForText(url: string, text: string, timeoutSeconds: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutSeconds * 1000) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok && (await response.text()).includes(text)) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutSeconds} s; the server said: ${serverOutput.slice(-600)}`);
}

/**
 * The live-reload stream an open preview tab listens to: each "pages"
 * event, as the tab's script reads it (src/dev/preview-server.ts).
 */
class ReloadEvents {
  #buffer = "";
  #waiting: { path: string; resolve: () => void }[] = [];

  static async open(origin: string): Promise<ReloadEvents> {
    const response = await fetch(`${origin}/__newsroom/events`);
    const events = new ReloadEvents();
    void events.#read(response.body!.pipeThrough(new TextDecoderStream()).getReader());
    return events;
  }

  /** Resolves at the next event that reloads a tab showing `pagePath`. */
  next(pagePath: string): Promise<void> {
    return new Promise((resolve) => this.#waiting.push({ path: pagePath, resolve }));
  }

  async #read(reader: ReadableStreamDefaultReader<string>): Promise<void> {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      this.#buffer += chunk.value;
      let end: number;
      while ((end = this.#buffer.indexOf("\n\n")) >= 0) {
        const message = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (event !== "pages" || data === undefined) continue;
        const pages = JSON.parse(data) as string[] | { except: string[] };
        const reloads = (pagePath: string) => (Array.isArray(pages) ? pages.includes(pagePath) : !pages.except.includes(pagePath));
        for (const waiter of this.#waiting.filter((waiting) => reloads(waiting.path))) waiter.resolve();
        this.#waiting = this.#waiting.filter((waiting) => !reloads(waiting.path));
      }
    }
  }
}

/** As an open tab shows a save: at each reload event for the page, fetches it; resolves with the time until it shows `text`, in seconds. */
async function waitAsTab(events: ReloadEvents, url: string, text: string, timeoutSeconds: number): Promise<number> {
  const started = performance.now();
  const pagePath = new URL(url).pathname;
  while (performance.now() - started < timeoutSeconds * 1000) {
    await events.next(pagePath);
    if ((await (await fetch(url)).text()).includes(text)) return (performance.now() - started) / 1000;
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutSeconds} s; the server said: ${serverOutput.slice(-600)}`);
}

/** Times one save both ways at once: as a tab sees it, and by polling. */
async function timeSave(events: ReloadEvents, url: string, text: string): Promise<{ tab: number; polled: number }> {
  const [tab, polled] = await Promise.all([waitAsTab(events, url, text, 600), waitForText(url, text, 600)]);
  return { tab: seconds(tab), polled: seconds(polled) };
}

/** Resolves once the server has printed `text` more than `count` times (it says when the listings are done). */
async function waitForServer(text: string, count: number, timeoutSeconds: number): Promise<void> {
  const started = performance.now();
  while (allOutput.split(text).length - 1 <= count) {
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`the server did not say "${text}" within ${timeoutSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const corpus = await ensureCorpus(size, Number(values.seed), log);
const siteDir = path.join(ROOT_DIR, ".scratch", `dev-server-${size}`);
rmSync(siteDir, { recursive: true, force: true });
// The preview server itself (`npm start` without its restart-on-code-change supervisor), with the corpus as its content folder.
const server = spawn(process.execPath, [...PREVIEW_SERVER_NODE_FLAGS, ...TYPESCRIPT_FLAGS, path.join(ROOT_DIR, "src/dev/cli.ts"), `--port=${port}`, `--output=${path.relative(ROOT_DIR, siteDir)}`, `--content=${path.relative(ROOT_DIR, path.join(corpus.dir, "content"))}`], {
  cwd: ROOT_DIR,
  stdio: ["ignore", "pipe", "inherit"],
});
// The server says "Preview at …" once its first build is over; it watches the content from before that build.
let serverOutput = "";
let allOutput = "";
server.stdout.setEncoding("utf8");
const watching = new Promise<void>((resolve) =>
  server.stdout.on("data", (chunk: string) => {
    serverOutput = (serverOutput + chunk).slice(-2000);
    allOutput += chunk;
    if (serverOutput.includes("Preview at")) resolve();
  }),
);
const file = articleToEdit(corpus.dir);
const original = readFileSync(file, "utf8");
// Interrupted while timing: put the article back first.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    writeFileSync(file, original);
    server.kill("SIGTERM");
    process.exit(130);
  });
}
try {
  const url = `http://127.0.0.1:${port}/news/${path.basename(file, ".md")}/`;
  const title = /^title: "?(.*?)"?$/m.exec(original)?.[1] ?? "";
  log(`waiting for the dev server's first build of ${size} articles...`);
  const started = performance.now();
  await watching;
  const firstBuildSeconds = (performance.now() - started) / 1000;
  await waitForText(url, title.slice(0, 20), 60);
  const edited = "confirmed the figures on Friday evening";
  if ((await (await fetch(url)).text()).includes(edited)) throw new Error(`${file} already carries the edit (an interrupted run?): remove its last paragraph`);

  const events = await ReloadEvents.open(new URL(url).origin);
  editOneArticle(corpus.dir);
  const edit = await timeSave(events, url, edited);
  const renameSaves: { tab: number; polled: number }[] = [];
  for (let save = 1; save <= RENAME_SAVES; save++) {
    await waitForServer("Listings and feeds rebuilt", save - 1, 600);
    const sentence = `The ferry operator replied in save ${save} of ${RENAME_SAVES}.`;
    writeFileSync(`${file}.tmp`, `${original.trimEnd()}\n\n${sentence}\n`);
    renameSync(`${file}.tmp`, file);
    renameSaves.push(await timeSave(events, url, sentence));
  }
  const result = {
    tool: "dev-server",
    size,
    firstBuildSeconds: seconds(firstBuildSeconds),
    editVisibleSeconds: edit.tab,
    renameSavesVisibleSeconds: renameSaves.map((save) => save.tab),
    editPolledSeconds: edit.polled,
    renameSavesPolledSeconds: renameSaves.map((save) => save.polled),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  writeFileSync(file, original);
  server.kill("SIGTERM");
}
