import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { commitIntoOutput, finishInterruptedCommit, writeCommitJournal } from "../../../src/site-builder/output-commit.ts";
import { manifestChangesFile, manifestUpdate, outputFileStamp, outputFolderId, readOutputManifest, stampsOf, writeOutputManifest } from "../../../src/site-builder/output-manifest.ts";

/** An output folder with two pages, a staging folder with one changed and one new page, and the state files. */
function setUp() {
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-commit-"));
  const output = path.join(root, "_site");
  const staging = path.join(root, ".build-staging");
  const write = (folder: string, sitePath: string, text: string) => {
    mkdirSync(path.dirname(path.join(folder, sitePath)), { recursive: true });
    writeFileSync(path.join(folder, sitePath), text);
  };
  write(output, "news/a/index.html", "old a");
  write(output, "news/gone/index.html", "gone");
  write(output, "index.html", "old home");
  write(staging, "news/a/index.html", "new a");
  write(staging, "news/b/index.html", "new b");
  const files = { journal: path.join(root, "journal.json"), manifest: path.join(root, "manifest.json") };
  const manifest = { outputId: outputFolderId(output)!, files: new Map([["news/a/index.html", "a2"], ["news/b/index.html", "b1"], ["index.html", "h1"]]), stamps: new Map([["index.html", outputFileStamp(path.join(output, "index.html"))!]]) };
  const changes = { written: ["news/a/index.html", "news/b/index.html"], removed: ["news/gone/index.html"] };
  const read = (sitePath: string) => readFileSync(path.join(output, sitePath), "utf8");
  return { root, output, staging, files, manifest, changes, read };
}

describe("committing into the output folder", () => {
  test("moves the written files in, deletes the removed ones and the folders they leave empty, writes the manifest", () => {
    const { root, output, staging, files, manifest, changes, read } = setUp();
    commitIntoOutput(staging, output, changes, files.journal, files.manifest, manifest);
    assert.deepEqual([read("news/a/index.html"), read("news/b/index.html"), read("index.html")], ["new a", "new b", "old home"]);
    assert.equal(existsSync(path.join(output, "news/gone")), false);
    assert.equal(existsSync(staging), false);
    assert.equal(existsSync(files.journal), false);
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files], [...manifest.files]);
    rmSync(root, { recursive: true, force: true });
  });

  test("a build killed while committing is completed by the next one, from its journal", () => {
    const { root, output, staging, files, manifest, changes, read } = setUp();
    // What commitIntoOutput writes before its first rename, then the first rename alone.
    writeCommitJournal(staging, output, changes, files.journal, files.manifest, manifest);
    assert.equal(existsSync(files.manifest), false, "the manifest is not replaced before the files are in");
    renameSync(path.join(staging, "news/a/index.html"), path.join(output, "news/a/index.html"));
    assert.equal(finishInterruptedCommit(files.journal), true);
    assert.deepEqual([read("news/a/index.html"), read("news/b/index.html")], ["new a", "new b"]);
    assert.equal(existsSync(path.join(output, "news/gone/index.html")), false);
    const written = readOutputManifest(files.manifest, output)!;
    assert.deepEqual([...written.files], [...manifest.files]);
    // The stamps of the files moved in are theirs in the output (read before the move), the others' as recorded.
    for (const sitePath of ["news/a/index.html", "news/b/index.html", "index.html"]) assert.equal(written.stamps.get(sitePath), outputFileStamp(path.join(output, sitePath)), sitePath);
    assert.equal(finishInterruptedCommit(files.journal), false, "done once");
    rmSync(root, { recursive: true, force: true });
  });

  test("a journal applied to the end by a build killed before it deleted the journal is applied again harmlessly", () => {
    const { root, output, staging, files, manifest, changes, read } = setUp();
    const journal = readFileSync((writeCommitJournal(staging, output, changes, files.journal, files.manifest, manifest), files.journal), "utf8");
    assert.equal(finishInterruptedCommit(files.journal), true);
    writeFileSync(files.journal, journal);
    assert.equal(finishInterruptedCommit(files.journal), true);
    assert.deepEqual([read("news/a/index.html"), read("news/b/index.html"), read("index.html")], ["new a", "new b", "old home"]);
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files], [...manifest.files]);
    rmSync(root, { recursive: true, force: true });
  });

  test("a journal of an earlier version, holding its manifest, is completed too", () => {
    const { root, output, staging, files, manifest, changes, read } = setUp();
    writeFileSync(files.journal, JSON.stringify({ stagingDir: staging, outputDir: output, changes, manifestFile: files.manifest, manifest: { outputId: manifest.outputId, files: [...manifest.files], stamps: [...manifest.stamps] } }));
    renameSync(path.join(staging, "news/a/index.html"), path.join(output, "news/a/index.html"));
    assert.equal(finishInterruptedCommit(files.journal), true);
    assert.deepEqual([read("news/a/index.html"), read("news/b/index.html")], ["new a", "new b"]);
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files], [...manifest.files]);
    rmSync(root, { recursive: true, force: true });
  });

  test("a journal that was never whole changed nothing, and is dropped", () => {
    const { root, files, read } = setUp();
    writeFileSync(files.journal, '{"stagingDir": "/tm');
    assert.equal(finishInterruptedCommit(files.journal), false);
    assert.equal(existsSync(files.journal), false);
    assert.equal(read("news/a/index.html"), "old a");
    rmSync(root, { recursive: true, force: true });
  });

  test("a manifest describes only its folder, or a copy of it with every file as it was written (a folder restored by CI)", () => {
    const { root, output, staging, files, manifest, changes } = setUp();
    commitIntoOutput(staging, output, changes, files.journal, files.manifest, manifest);
    const restored = path.join(root, "restored");
    // A copy that keeps sizes and modification times, as tar does.
    cpSync(output, restored, { recursive: true, preserveTimestamps: true });
    rmSync(output, { recursive: true });
    renameSync(restored, output);
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files], [...manifest.files], "the same files, as written");
    writeFileSync(path.join(output, "news/b/index.html"), "changed by hand");
    assert.equal(readOutputManifest(files.manifest, output), undefined, "a file changed since");
    rmSync(output, { recursive: true });
    mkdirSync(output);
    assert.equal(readOutputManifest(files.manifest, output), undefined, "a folder made again is another folder");
    rmSync(root, { recursive: true, force: true });
  });
});

/** setUp's output as a last build left it: its whole manifest written and read back, as the next build reads it. */
function lastBuild(setup: ReturnType<typeof setUp>) {
  const { output, files } = setup;
  const before = new Map([["news/a/index.html", "a1"], ["news/gone/index.html", "g1"], ["index.html", "h1"]]);
  writeOutputManifest(files.manifest, { outputId: outputFolderId(output)!, files: before, stamps: stampsOf(output, before, "all") });
  const previous = readOutputManifest(files.manifest, output)!;
  assert.ok(previous.record, "read with the id of its whole manifest");
  return { previous, next: { ...setup.manifest, stamps: previous.stamps, record: previous.record } };
}

describe("the manifest on disk: whole, and the changes since", () => {
  test("a commit writes only its changes beside the whole manifest; read, the two are the manifest the commit ends with", () => {
    const setup = setUp();
    const { root, output, staging, files, changes } = setup;
    const { next } = lastBuild(setup);
    const whole = readFileSync(files.manifest, "utf8");
    commitIntoOutput(staging, output, changes, files.journal, files.manifest, next);
    assert.equal(readFileSync(files.manifest, "utf8"), whole, "the whole manifest is not written again");
    assert.ok(existsSync(manifestChangesFile(files.manifest)));
    const read = readOutputManifest(files.manifest, output)!;
    assert.deepEqual([...read.files].sort(), [...next.files].sort());
    for (const sitePath of next.files.keys()) assert.equal(read.stamps.get(sitePath), outputFileStamp(path.join(output, sitePath)), sitePath);
    assert.equal(read.stamps.has("news/gone/index.html"), false, "a deleted file's stamp goes with it");
    rmSync(root, { recursive: true, force: true });
  });

  test("changes pile up across commits, and changes written for an earlier whole manifest are not read", () => {
    const setup = setUp();
    const { root, output, staging, files, changes, read: readPage } = setup;
    const { next } = lastBuild(setup);
    commitIntoOutput(staging, output, changes, files.journal, files.manifest, next);
    // A second edit: the home page again, on top of the first commit's changes.
    mkdirSync(staging);
    writeFileSync(path.join(staging, "index.html"), "new home");
    const second = readOutputManifest(files.manifest, output)!;
    const files2 = new Map(second.files).set("index.html", "h2");
    commitIntoOutput(staging, output, { written: ["index.html"], removed: [] }, files.journal, files.manifest, { ...second, files: files2 });
    assert.equal(readPage("index.html"), "new home");
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files].sort(), [...files2].sort());
    // A whole manifest written since (a swap, a cold build): the changes on disk belong to the one before.
    const replaced = new Map([["index.html", "h3"]]);
    writeOutputManifest(files.manifest, { outputId: outputFolderId(output)!, files: replaced, stamps: stampsOf(output, replaced, "all") });
    assert.ok(existsSync(manifestChangesFile(files.manifest)));
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files], [...replaced]);
    rmSync(root, { recursive: true, force: true });
  });

  test("a build killed while committing its changes is completed from its journal", () => {
    const setup = setUp();
    const { root, output, staging, files, changes } = setup;
    const { next } = lastBuild(setup);
    writeCommitJournal(staging, output, changes, files.journal, files.manifest, next);
    assert.equal(existsSync(manifestChangesFile(files.manifest)), false, "the changes are not in place before the files are");
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files].sort(), [["index.html", "h1"], ["news/a/index.html", "a1"], ["news/gone/index.html", "g1"]], "until then, the manifest is the last build's");
    assert.equal(finishInterruptedCommit(files.journal), true);
    assert.deepEqual([...readOutputManifest(files.manifest, output)!.files].sort(), [...next.files].sort());
    rmSync(root, { recursive: true, force: true });
  });

  test("a manifest of the earlier layout (a list of three per file), or one whose list is cut short, is not trusted: the build starts afresh", () => {
    const setup = setUp();
    const { root, output, files } = setup;
    lastBuild(setup);
    const stored = JSON.parse(readFileSync(files.manifest, "utf8")) as { version: number; files: string[] };
    assert.deepEqual(stored.files.slice(0, 3), ["news/a/index.html", "a1", outputFileStamp(path.join(output, "news/a/index.html"))], "path, key and stamp, one after another");
    const triples = Array.from({ length: stored.files.length / 3 }, (_, index) => stored.files.slice(3 * index, 3 * index + 3));
    writeFileSync(files.manifest, JSON.stringify({ ...stored, version: stored.version - 1, files: triples }));
    assert.equal(readOutputManifest(files.manifest, output), undefined, "the earlier layout");
    writeFileSync(files.manifest, JSON.stringify({ ...stored, files: stored.files.slice(0, -1) }));
    assert.equal(readOutputManifest(files.manifest, output), undefined, "a list cut short");
    writeFileSync(files.manifest, JSON.stringify(stored));
    assert.equal(readOutputManifest(files.manifest, output)?.files.get("news/a/index.html"), "a1", "the same, whole");
    rmSync(root, { recursive: true, force: true });
  });

  test("changes are folded into a whole manifest once they outnumber a twentieth of it (and at least a thousand)", () => {
    const files = new Map(Array.from({ length: 40_000 }, (_, index) => [`news/${index}/index.html`, "k"] as const));
    const changesOf = (count: number) => new Map(Array.from({ length: count }, (_, index) => [`news/${index}/index.html`, ["k", "1:1"] as const]));
    const manifest = (changeCount: number) => ({ outputId: "1:2:3", files, stamps: new Map<string, string>(), record: { baseId: "base", changes: changesOf(changeCount) } });
    // news/0 is among the changes already: a path changed again counts once.
    const commit = { written: ["news/0/index.html"], removed: ["news/gone/index.html"] };
    assert.equal(manifestUpdate("/state/m.json", manifest(1_999), commit).file, "/state/m.changes.json", "2,000 changes of 40,000 files");
    assert.equal(manifestUpdate("/state/m.json", manifest(2_000), commit).file, "/state/m.json", "2,001 changes of 40,000 files");
    const small = { outputId: "1:2:3", files: new Map([["index.html", "k"]]), stamps: new Map<string, string>(), record: { baseId: "base", changes: changesOf(998) } };
    assert.equal(manifestUpdate("/state/m.json", small, { written: ["index.html"], removed: [] }).file, "/state/m.changes.json", "a thousand changes at least");
    const { file, text } = manifestUpdate("/state/m.json", { outputId: "1:2:3", files, stamps: new Map<string, string>() }, commit);
    assert.equal(file, "/state/m.json", "no whole manifest read: written whole");
    // Each file's path, key and stamp, one after another.
    assert.equal((JSON.parse(text) as { files: unknown[] }).files.length, 3 * 40_000);
  });
});
