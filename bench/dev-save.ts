/**
 * Times the dev server's builder on saves, in one process and without the
 * watcher, the HTTP server or the browser (bench/dev-server-edit.ts times all
 * of it): builds a corpus's preview once, then appends a line to one article
 * N times, each followed by `DevBuilder.update` on that file, and prints how
 * long the saved page took to be written and the content to load again. Each
 * update stops before the listings (what a later save interrupts). Undoes
 * the edits.
 *
 *   node --import ./src/loader/register.mjs bench/dev-save.ts <corpusDir> [saves=6]
 *
 * Prints one JSON line per save: {"save":N,"savedPageMs":Y,"contentMs":X},
 * each from the start of the update: the saved page written (before the
 * content is loaded again when the save keeps the article's place, decision
 * 0060), and the whole content loaded again.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { DevBuilder } from "../src/dev/dev-builder.ts";

const [corpusArg, savesArg] = process.argv.slice(2);
if (!corpusArg) {
  process.stderr.write("usage: node --import ./src/loader/register.mjs bench/dev-save.ts <corpusDir> [saves]\n");
  process.exit(2);
}
const rootDir = path.resolve(corpusArg);
const outputDir = mkdtempSync(path.join(tmpdir(), "newsroom-dev-save-"));
const builder = new DevBuilder({ rootDir, contentDir: "content", isPreview: true }, outputDir);
const articlesDir = path.join(rootDir, "content", "articles");
// An article in the middle of the archive, by name.
const names = readdirSync(articlesDir).filter((name) => name.endsWith(".md")).sort();
const file = path.join(articlesDir, names[Math.floor(names.length / 2)]!);
const original = readFileSync(file, "utf8");
try {
  process.stderr.write(`building the preview of ${names.length} articles...\n`);
  await builder.update("all");
  for (let save = 1; save <= Number(savesArg ?? 6); save++) {
    appendFileSync(file, `\nA line added by the benchmark's save ${save}.\n`);
    // An editor pauses between saves; so does the dev server's watcher.
    await delay(300);
    const started = performance.now();
    let contentMs = 0;
    let savedPageMs = 0;
    await builder.update([file], {
      onContentLoaded: () => (contentMs = performance.now() - started),
      onSavedPages: () => (savedPageMs = performance.now() - started),
      shouldStop: () => true,
    });
    process.stdout.write(`${JSON.stringify({ save, savedPageMs: Math.round(savedPageMs), contentMs: Math.round(contentMs) })}\n`);
  }
} finally {
  writeFileSync(file, original);
  rmSync(outputDir, { recursive: true, force: true });
}
