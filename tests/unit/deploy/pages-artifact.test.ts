import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { linkSync, mkdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { measurePagesArtifact, pagesSizeProblem, PAGES_LIMIT_BYTES } from "../../../src/deploy/pages-artifact.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** A fresh folder, removed when the test file ends. */
const site = () => temporaryFolder("newsroom-pages-size-");

describe("the GitHub Pages size guard", () => {
  test("counts a hard-linked or symlinked file once per path, as upload-pages-artifact's tar stores it", async () => {
    const dir = site();
    mkdirSync(path.join(dir, "images", "derived"), { recursive: true });
    writeFileSync(path.join(dir, "images", "derived", "a.avif"), Buffer.alloc(5000));
    linkSync(path.join(dir, "images", "derived", "a.avif"), path.join(dir, "images", "derived", "b.avif"));
    symlinkSync("a.avif", path.join(dir, "images", "derived", "c.avif"));
    writeFileSync(path.join(dir, `${"long-name-".repeat(12)}.html`), "x");
    const size = await measurePagesArtifact(dir);
    assert.deepEqual([size.files, size.bytes], [4, 15001]);
    const tar = path.join(site(), "artifact.tar");
    execFileSync("tar", ["--dereference", "--hard-dereference", "--directory", dir, "-cf", tar, "."]);
    assert.equal(size.tarBytes, statSync(tar).size, "the same bytes as the artifact");
  });

  test("stops a site over 1 GB with its size and the way to object storage", async () => {
    const dir = site();
    // Sparse: 1.1 GB on paper, nothing on the disk.
    writeFileSync(path.join(dir, "video.mp4"), "");
    truncateSync(path.join(dir, "video.mp4"), 1_100_000_000);
    const size = await measurePagesArtifact(dir);
    const problem = pagesSizeProblem("_site", size);
    assert.ok(problem);
    assert.match(problem, /^_site is 1\.10 GB in 1 files \(1\.10 GB as a Pages artifact\),\nover GitHub Pages' limit of 1\.00 GB/);
    assert.match(problem, /npm run deploy -- --to <rclone remote:path>/);
    assert.match(problem, /site-object-storage\.yml/);
    assert.equal(pagesSizeProblem("_site", { ...size, tarBytes: PAGES_LIMIT_BYTES }), undefined);
  });
});
