import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { resolveAsset } from "../../../src/content/assets.ts";
import { makeTempDir } from "../helpers.ts";

describe("resolveAsset", () => {
  const temp = makeTempDir();
  const contentDir = path.join(temp.dir, "content");
  const article = path.join(contentDir, "articles", "ferry.md");

  before(() => {
    temp.write("content/articles/ferry.md", "---\n---\n");
    temp.write("content/images/x.jpg", "jpeg");
    temp.write("content/images/my photo.jpg", "jpeg");
    temp.write("content/audio/clip.mp3", "mp3");
    temp.write("content/drafts/y.jpg", "jpeg");
    temp.write("secret.jpg", "outside");
    mkdirSync(path.join(contentDir, "images", "folder.jpg"));
  });
  after(() => temp.cleanup());

  it("resolves a file in content/images to its public URL and absolute path", () => {
    assert.deepEqual(resolveAsset(contentDir, article, "../images/x.jpg"), {
      ok: true,
      absolutePath: path.join(contentDir, "images", "x.jpg"),
      url: "/images/x.jpg",
    });
  });

  it("resolves audio files too", () => {
    const result = resolveAsset(contentDir, article, "../audio/clip.mp3");
    assert.equal(result.ok && result.url, "/audio/clip.mp3");
  });

  it("percent-decodes the written path and encodes the URL", () => {
    const result = resolveAsset(contentDir, article, "../images/my%20photo.jpg");
    assert.equal(result.ok && result.url, "/images/my%20photo.jpg");
    const raw = resolveAsset(contentDir, article, "../images/my photo.jpg");
    assert.equal(raw.ok && raw.url, "/images/my%20photo.jpg");
  });

  it("ignores a query or fragment after the path", () => {
    const result = resolveAsset(contentDir, article, "../images/x.jpg?v=2#top");
    assert.equal(result.ok && result.url, "/images/x.jpg");
  });

  it("refuses a path leaving the content folder", () => {
    assert.deepEqual(resolveAsset(contentDir, article, "../../secret.jpg"), {
      ok: false,
      problem: '"../../secret.jpg" points outside the content folder',
      hint: "keep images in content/images/",
    });
  });

  it("refuses an encoded path leaving the content folder", () => {
    const result = resolveAsset(contentDir, article, "..%2F..%2Fsecret.jpg");
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.problem : "", /outside the content folder/);
  });

  it("refuses a root-absolute path", () => {
    const result = resolveAsset(contentDir, article, "/etc/passwd");
    assert.equal(result.ok, false);
  });

  it("refuses a file outside the media folders", () => {
    assert.deepEqual(resolveAsset(contentDir, article, "../drafts/y.jpg"), {
      ok: false,
      problem: '"../drafts/y.jpg" is not in a media folder',
      hint: "put it in content/images/, content/audio/, content/video/",
    });
    assert.equal(resolveAsset(contentDir, article, "ferry.md").ok, false);
  });

  it("reports a missing file, naming its path inside the content folder in the hint", () => {
    const result = resolveAsset(contentDir, article, "../images/nope.jpg");
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem, 'file "../images/nope.jpg" not found');
    assert.match(result.hint, /images\/nope\.jpg/);
  });

  it("does not accept a folder as a file", () => {
    const result = resolveAsset(contentDir, article, "../images/folder.jpg");
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.problem : "", /not found/);
  });
});
