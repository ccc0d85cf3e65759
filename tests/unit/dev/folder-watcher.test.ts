import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { FolderWatcher, isEditorScratchFile } from "../../../src/dev/folder-watcher.ts";

/** A watcher on a fresh folder that keeps its reports, and waits for one that names a path. */
function watchFresh(settleMs = 30) {
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-watch-"));
  const reports: string[][] = [];
  const watcher = new FolderWatcher(root, { settleMs, onChange: (paths) => reports.push(paths) });
  after(() => {
    watcher.close();
    rmSync(root, { recursive: true, force: true });
  });
  /** Resolves with the first report from `since` on that names `file` (generous bound: a loaded machine). */
  const reported = async (file: string, since = 0): Promise<string[]> => {
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      const report = reports.slice(since).find((paths) => paths.includes(file));
      if (report) return report;
      await delay(10);
    }
    assert.fail(`${path.relative(root, file)} was not reported; reports: ${JSON.stringify(reports)}`);
  };
  return { root, reports, watcher, reported, at: (...parts: string[]) => path.join(root, ...parts) };
}

describe("FolderWatcher", () => {
  test("reports a file replaced by a rename every time: five write-then-rename saves in a row", async () => {
    const { at, reports, reported } = watchFresh();
    mkdirSync(at("articles"));
    writeFileSync(at("articles", "x.md"), "first");
    await reported(at("articles", "x.md"));
    for (let save = 1; save <= 5; save++) {
      const since = reports.length;
      writeFileSync(at("articles", "x.md.tmp"), `save ${save}`);
      renameSync(at("articles", "x.md.tmp"), at("articles", "x.md"));
      await reported(at("articles", "x.md"), since);
    }
  });

  test("watches a folder created after the start, and reports the files it held before its watcher existed", async () => {
    const { at, watcher, reports, reported } = watchFresh();
    mkdirSync(at("images", "2026", "march"), { recursive: true });
    writeFileSync(at("images", "2026", "march", "early.jpg"), "written at once");
    await reported(at("images", "2026", "march", "early.jpg"));
    assert.deepEqual(watcher.folders, [at(), at("images"), at("images", "2026"), at("images", "2026", "march")]);
    const since = reports.length;
    writeFileSync(at("images", "2026", "march", "later.jpg"), "written later");
    await reported(at("images", "2026", "march", "later.jpg"), since);
  });

  test("drops the watchers of a deleted folder, and watches one created again under its name", async () => {
    const { at, watcher, reports, reported } = watchFresh();
    mkdirSync(at("audio", "old"), { recursive: true });
    await reported(at("audio"));
    const beforeDelete = reports.length;
    rmSync(at("audio"), { recursive: true });
    await reported(at("audio"), beforeDelete);
    assert.deepEqual(watcher.folders, [at()]);
    mkdirSync(at("audio"));
    await delay(100);
    const since = reports.length;
    writeFileSync(at("audio", "new.mp3"), "again");
    await reported(at("audio", "new.mp3"), since);
    assert.deepEqual(watcher.folders, [at(), at("audio")]);
  });

  test("reports a burst of changes once, each path once, sorted", async () => {
    const { at, reports, reported } = watchFresh(200);
    for (const name of ["c.md", "a.md", "b.md"]) writeFileSync(at(name), name);
    writeFileSync(at("a.md"), "a again");
    const report = await reported(at("a.md"));
    assert.deepEqual(report, [at("a.md"), at("b.md"), at("c.md")]);
    assert.equal(reports.length, 1);
  });

  test("leaves editors' scratch files out", async () => {
    const { at, reports, reported } = watchFresh();
    for (const name of [".x.md.swp", "4913", ".#x.md", "#x.md#", "x.md~"]) writeFileSync(at(name), "scratch");
    writeFileSync(at("x.md"), "content");
    await reported(at("x.md"));
    assert.deepEqual(reports.flat(), [at("x.md")]);
    assert.equal(isEditorScratchFile("x.md.tmp"), false, "a temporary file an editor renames over its file is reported with it");
  });
});
