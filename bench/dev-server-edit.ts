/**
 * How long the dev server (`npm start`) takes to show an edit: starts it on a
 * generated corpus, waits for the first build, appends a sentence to one
 * article and times until the served page contains it. Undoes the edit.
 *
 *   npx tsx bench/dev-server-edit.ts [--size 10000] [--seed 1] [--port 8091]
 *
 * Prints one JSON line: {"tool":"dev-server","size":N,"firstBuildSeconds":S,"editVisibleSeconds":S}.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, ensureCorpus } from "./generate-corpus.ts";
import { articleToEdit, editOneArticle } from "./rebuild-check.ts";

const ROOT_DIR = path.dirname(BENCH_DIR);
const { values } = parseArgs({ options: { size: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, port: { type: "string", default: "8091" } } });
const size = Number(values.size);
const port = Number(values.port);
const log = (line: string) => process.stderr.write(`${line}\n`);

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
  throw new Error(`${url} did not show "${text}" within ${timeoutSeconds} s`);
}

const corpus = await ensureCorpus(size, Number(values.seed), log);
const siteDir = path.join(ROOT_DIR, ".scratch", `dev-server-${size}`);
rmSync(siteDir, { recursive: true, force: true });
// `npm start` (without its restart-on-code-change wrapper) with the corpus as its content folder, from the package root.
const server = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(ROOT_DIR, "src/dev/cli.ts"), `--port=${port}`, `--output=${path.relative(ROOT_DIR, siteDir)}`, `--content=${path.relative(ROOT_DIR, path.join(corpus.dir, "content"))}`], {
  cwd: ROOT_DIR,
  stdio: ["ignore", "pipe", "inherit"],
});
// The server says "Preview at …" once its first build is over and it watches the content.
let serverOutput = "";
server.stdout.setEncoding("utf8");
const watching = new Promise<void>((resolve) =>
  server.stdout.on("data", (chunk: string) => {
    serverOutput = (serverOutput + chunk).slice(-2000);
    if (serverOutput.includes("Preview at")) resolve();
  }),
);
try {
  const file = articleToEdit(corpus.dir);
  const url = `http://127.0.0.1:${port}/news/${path.basename(file, ".md")}/`;
  const title = /^title: "?(.*?)"?$/m.exec(readFileSync(file, "utf8"))?.[1] ?? "";
  log(`waiting for the dev server's first build of ${size} articles...`);
  const started = performance.now();
  await watching;
  const firstBuildSeconds = (performance.now() - started) / 1000;
  await waitForText(url, title.slice(0, 20), 60);
  // A recursive file watcher adds its folders in the background after it
  // starts; an edit in that moment could be missed. An editor is slower than this.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const edited = "confirmed the figures on Friday evening";
  if ((await (await fetch(url)).text()).includes(edited)) throw new Error(`${file} already carries the edit (an interrupted run?): remove its last paragraph`);
  const applied = editOneArticle(corpus.dir);
  // Interrupted while timing: put the article back first.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      applied.undo();
      server.kill("SIGTERM");
      process.exit(130);
    });
  }
  try {
    const editVisibleSeconds = await waitForText(url, edited, 600).catch((error: Error) => {
      throw new Error(`${error.message}; the server said: ${serverOutput.slice(-600)}`);
    });
    process.stdout.write(`${JSON.stringify({ tool: "dev-server", size, firstBuildSeconds: Number(firstBuildSeconds.toFixed(2)), editVisibleSeconds: Number(editVisibleSeconds.toFixed(2)) })}\n`);
  } finally {
    applied.undo();
  }
} finally {
  server.kill("SIGTERM");
}
