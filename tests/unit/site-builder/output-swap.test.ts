import assert from "node:assert/strict";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { outputFileStamp, outputFolderId, readOutputManifest } from "../../../src/site-builder/output-manifest.ts";
import { commitBySwap, isCheaperToSwap } from "../../../src/site-builder/output-swap.ts";
import { backgroundRemovals } from "../../../src/site-builder/staging-folder.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** An output folder with a home page, an image and a page no longer planned; a staging folder with the home page written again and a new page. */
function setUp() {
  const root = temporaryFolder("newsroom-swap-");
  const output = path.join(root, "_site");
  const staging = path.join(root, ".build-staging-_site-1-abcdef");
  const write = (folder: string, sitePath: string, text: string) => {
    mkdirSync(path.dirname(path.join(folder, sitePath)), { recursive: true });
    writeFileSync(path.join(folder, sitePath), text);
  };
  write(output, "index.html", "old home");
  write(output, "images/tram/640.webp", "tram");
  write(output, "news/gone/index.html", "gone");
  write(staging, "index.html", "new home");
  write(staging, "news/new/index.html", "new");
  const state = path.join(root, "state");
  mkdirSync(state);
  const manifestFile = path.join(state, "manifest.json");
  const stamps = new Map(["index.html", "images/tram/640.webp", "news/gone/index.html"].map((sitePath) => [sitePath, outputFileStamp(path.join(output, sitePath))!]));
  const files = new Map([["index.html", "h2"], ["images/tram/640.webp", "t1"], ["news/new/index.html", "n1"]]);
  return { root, output, staging, manifestFile, manifest: { files, stamps }, written: ["index.html", "news/new/index.html"] };
}

describe("committing by swapping folders", () => {
  test("is chosen when the build wrote most of the site, not for an edit", () => {
    assert.equal(isCheaperToSwap(11_912, 11_700), true, "new site settings: every page rendered again");
    assert.equal(isCheaperToSwap(105_950, 134_000), true);
    assert.equal(isCheaperToSwap(14, 23_600), false, "one article edited");
    assert.equal(isCheaperToSwap(10, 41), false);
    assert.equal(isCheaperToSwap(10, 40), true);
    assert.equal(isCheaperToSwap(0, 0), false, "nothing written");
  });

  test("the staging folder becomes the site: written files as written, kept ones linked (not copied), unplanned ones gone, the manifest describing it", async () => {
    const { root, output, staging, manifestFile, manifest, written } = setUp();
    const image = statSync(path.join(output, "images/tram/640.webp"));
    const stagingId = outputFolderId(staging);

    assert.equal(await commitBySwap(staging, output, written, manifestFile, manifest), true);

    const read = (sitePath: string) => readFileSync(path.join(output, sitePath), "utf8");
    assert.deepEqual([read("index.html"), read("news/new/index.html"), read("images/tram/640.webp")], ["new home", "new", "tram"]);
    assert.equal(existsSync(path.join(output, "news/gone")), false);
    assert.equal(outputFolderId(output), stagingId, "the output is the staging folder, renamed");
    const linked = statSync(path.join(output, "images/tram/640.webp"));
    assert.deepEqual([linked.ino, linked.mtimeMs], [image.ino, image.mtimeMs], "the kept file is the same file");
    const committed = readOutputManifest(manifestFile, output);
    assert.ok(committed, "the manifest describes the new output folder");
    assert.deepEqual([...committed.files], [...manifest.files]);
    for (const sitePath of manifest.files.keys()) assert.equal(committed.stamps.get(sitePath), outputFileStamp(path.join(output, sitePath)), `${sitePath}: its stamp`);

    await backgroundRemovals();
    assert.deepEqual(readdirSync(root).sort(), ["_site", "state"], "the old site is removed, in the background");
  });

  test("a kept file that cannot be linked (deleted by hand) leaves the output as it was, for the caller to commit into it", async () => {
    const { output, staging, manifestFile, manifest, written } = setUp();
    rmSync(path.join(output, "images/tram/640.webp"));
    const outputId = outputFolderId(output);

    assert.equal(await commitBySwap(staging, output, written, manifestFile, manifest), false);

    assert.equal(outputFolderId(output), outputId);
    assert.equal(readFileSync(path.join(output, "index.html"), "utf8"), "old home");
    assert.equal(existsSync(manifestFile), false, "no manifest written");
  });

  test("an output that is a symbolic link to a folder elsewhere stays that link: nothing is swapped", async () => {
    const { root, output, staging, manifestFile, manifest, written } = setUp();
    const elsewhere = path.join(root, "www");
    renameSync(output, elsewhere);
    symlinkSync(elsewhere, output);

    assert.equal(await commitBySwap(staging, output, written, manifestFile, manifest), false);

    assert.equal(lstatSync(output).isSymbolicLink(), true);
    assert.equal(readFileSync(path.join(elsewhere, "index.html"), "utf8"), "old home");
  });
});
