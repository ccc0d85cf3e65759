/**
 * How long the dev server (`npm start`) takes to show a save: starts it on a
 * generated corpus, waits for the first build, then saves one article six
 * times and times each until the served page shows the change:
 *
 * 1. in place (a sentence appended to the file, as most editors write);
 * 2. five times by write-then-rename (a new file renamed over the article,
 *    as vim, `sed -i`, JetBrains' safe write and `git checkout` do), each
 *    with a sentence of its own, once the listings of the save before are
 *    done (an editor pauses between saves).
 *
 * Puts the article back at the end.
 *
 *   npx tsx bench/dev-server-edit.ts [--size 10000] [--seed 1] [--port 8091]
 *
 * Prints one JSON line: {"tool":"dev-server","size":N,"firstBuildSeconds":S,
 * "editVisibleSeconds":S,"renameSavesVisibleSeconds":[S,S,S,S,S]}.
 */
import { spawn } from "node:child_process";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PREVIEW_SERVER_NODE_FLAGS } from "../src/dev/preview-options.ts";
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
const server = spawn(process.execPath, [...PREVIEW_SERVER_NODE_FLAGS, "--import", import.meta.resolve("tsx"), path.join(ROOT_DIR, "src/dev/cli.ts"), `--port=${port}`, `--output=${path.relative(ROOT_DIR, siteDir)}`, `--content=${path.relative(ROOT_DIR, path.join(corpus.dir, "content"))}`], {
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

  editOneArticle(corpus.dir);
  const editVisibleSeconds = await waitForText(url, edited, 600);
  const renameSavesVisibleSeconds: number[] = [];
  for (let save = 1; save <= RENAME_SAVES; save++) {
    await waitForServer("Listings and feeds rebuilt", save - 1, 600);
    const sentence = `The ferry operator replied in save ${save} of ${RENAME_SAVES}.`;
    writeFileSync(`${file}.tmp`, `${original.trimEnd()}\n\n${sentence}\n`);
    renameSync(`${file}.tmp`, file);
    renameSavesVisibleSeconds.push(seconds(await waitForText(url, sentence, 600)));
  }
  process.stdout.write(
    `${JSON.stringify({ tool: "dev-server", size, firstBuildSeconds: seconds(firstBuildSeconds), editVisibleSeconds: seconds(editVisibleSeconds), renameSavesVisibleSeconds })}\n`,
  );
} finally {
  writeFileSync(file, original);
  server.kill("SIGTERM");
}
