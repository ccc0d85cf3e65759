import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, type BuildResult } from "../../src/site-builder/build-site.ts";
import { outputFolderId } from "../../src/site-builder/output-manifest.ts";
import { backgroundRemovals } from "../../src/site-builder/staging-folder.ts";
import { FIXTURE_SITES, siteContents, siteFiles } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00Z");

/**
 * A copy of the basic site (its image cache shared: no encoding here), a
 * build of it into `_site/` or another folder, and a check that `_site/`
 * is what a cold build of the same content into a new folder writes, byte
 * for byte.
 */
function basicSiteCopy(prefix: string) {
  const rootDir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  const siteDir = path.join(rootDir, "_site");
  const build = (outputDir = siteDir, incremental = true) => buildSite({ rootDir, outputDir, now: NOW, searchBundleSizes: { articlesPerArchive: 2 }, incremental });
  const assertLikeColdBuild = async (step: string) => {
    const coldDir = path.join(rootDir, "cold");
    const cold = await build(coldDir, false);
    assert.equal(cold.mode, "cold");
    const [expected, actual] = [siteContents(coldDir), siteContents(siteDir)];
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${step}: the same files`);
    assert.deepEqual([...expected].filter(([file, bytes]) => actual.get(file) !== bytes).map(([file]) => file), [], `${step}: the same bytes`);
    rmSync(coldDir, { recursive: true, force: true });
  };
  return { rootDir, siteDir, build, assertLikeColdBuild };
}

describe("incremental builds", () => {
  test("after each edit, the output folder holds exactly what a cold build writes, and only what changed was rendered", async () => {
    const { rootDir, siteDir, build, assertLikeColdBuild } = basicSiteCopy("newsroom-incremental-");
    const articles = path.join(rootDir, "content", "articles");
    const edit = (name: string, change: (text: string) => string) => writeFileSync(path.join(articles, name), change(readFileSync(path.join(articles, name), "utf8")));
    const articlePages = (result: BuildResult) => result.changedPaths.filter((file) => /^news\/[^/]+\/index\.html$/.test(file)).sort();

    const first = await build();
    assert.equal(first.mode, "cold");
    assert.equal(first.kept, 0);

    const unchanged = await build();
    assert.deepEqual({ mode: unchanged.mode, rendered: unchanged.rendered, written: unchanged.written, removed: unchanged.removed }, { mode: "unchanged", rendered: 0, written: 0, removed: 0 });
    assert.equal(unchanged.kept, first.fileCount);

    // A fresh checkout: every file's time is new, its bytes are not. Nothing is read again but to hash it, nothing is written.
    const later = new Date(Date.now() + 60_000);
    for (const file of readdirSync(path.join(rootDir, "content"), { recursive: true, encoding: "utf8" })) utimesSync(path.join(rootDir, "content", file), later, later);
    const touched = await build();
    assert.deepEqual({ mode: touched.mode, rendered: touched.rendered, written: touched.written }, { mode: "unchanged", rendered: 0, written: 0 });

    // A body edit renders that article's page and no other article's (others show it by headline).
    edit("bridge-repairs.md", (text) => `${text.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    const bodyEdit = await build();
    assert.deepEqual(articlePages(bodyEdit), ["news/bridge-repairs/index.html"]);
    // No tag's or author's page or feed shows a body (the indexes and the home page, which show the whole site, are rendered again).
    assert.deepEqual(bodyEdit.changedPaths.filter((file) => /^(tags|authors)\/[^/]+\//.test(file)), []);
    assert.match(readFileSync(path.join(siteDir, "news/bridge-repairs/index.html"), "utf8"), /the lane reopens on Monday/);
    await assertLikeColdBuild("after a body edit");

    // A headline shown in another article's ::related card renders that article's page too.
    edit("tram-extension.md", (text) => text.replace(/^title: .*$/m, 'title: "Tram line delayed to 2031"'));
    const headline = await build();
    assert.ok(articlePages(headline).includes("news/council-budget/index.html"));
    assert.match(readFileSync(path.join(siteDir, "news/council-budget/index.html"), "utf8"), /related-card__title">Tram line delayed to 2031</);
    await assertLikeColdBuild("after a headline edit");

    // Files the edit did not touch can still show something new: their kept hashes are not taken over then.
    // A tag's label is the words its articles write it in: another article's spelling relabels the ferry's tag.
    edit("bridge-repairs.md", (text) => text.replace(/^tags: \[transport\]$/m, "tags: [TRANSPORT]"));
    const relabel = await build();
    assert.ok(articlePages(relabel).includes("news/late-night-ferry/index.html"));
    assert.match(readFileSync(path.join(siteDir, "news/late-night-ferry/index.html"), "utf8"), />TRANSPORT</);
    await assertLikeColdBuild("after another article relabelled a tag");
    // A photo replaced under the same name: the articles showing it have other image files.
    const images = path.join(rootDir, "content", "images");
    writeFileSync(path.join(images, "council.jpg"), readFileSync(path.join(images, "tram.jpg")));
    const photo = await build();
    assert.ok(articlePages(photo).includes("news/summer-festival/index.html"));
    await assertLikeColdBuild("after a photo was replaced");

    // A deleted article's page is deleted, with the folder it leaves empty.
    unlinkSync(path.join(articles, "late-night-ferry.md"));
    const deletion = await build();
    assert.ok(deletion.removedPaths.includes("news/late-night-ferry/index.html"));
    assert.equal(existsSync(path.join(siteDir, "news/late-night-ferry")), false);
    await assertLikeColdBuild("after a deletion");

    // An output folder the manifest does not describe (made again by hand) is built from nothing.
    rmSync(siteDir, { recursive: true, force: true });
    assert.equal((await build()).mode, "cold");
    rmSync(rootDir, { recursive: true, force: true });
  });
  test("a change every page shows renders every page, and the new site is swapped in: the files it kept linked into it, the old one removed", async () => {
    const { rootDir, siteDir, build, assertLikeColdBuild } = basicSiteCopy("newsroom-swap-");
    const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(rootDir, "content", file), change(readFileSync(path.join(rootDir, "content", file), "utf8")));

    await build();
    const coldFolder = outputFolderId(siteDir);
    // An image derivative: the same whatever the site's settings.
    const image = siteFiles(siteDir).find((file) => file.startsWith("/images/") && file.endsWith(".webp"))!.slice(1);
    const imageFile = statSync(path.join(siteDir, image));

    // The site's name is on every page, feed and sitemap.
    edit("site.yaml", (text) => text.replace("name: The Fixture Gazette", "name: The Fixture Gazette Daily"));
    const settings = await build();
    assert.equal(settings.mode, "incremental");
    assert.ok(!settings.changedPaths.includes(image), "the image was not written again");
    assert.ok(settings.rendered + settings.written >= settings.kept / 4, `most of the site written again (${settings.rendered} pages and ${settings.written} files; ${settings.kept} kept)`);
    const swappedFolder = outputFolderId(siteDir);
    assert.notEqual(swappedFolder, coldFolder, "a new folder in place of the output");
    const linked = statSync(path.join(siteDir, image));
    assert.deepEqual([linked.ino, linked.mtimeMs], [imageFile.ino, imageFile.mtimeMs], "the kept image is the same file, linked");
    await backgroundRemovals();
    assert.deepEqual(readdirSync(rootDir).filter((name) => name.startsWith(".build-staging")), [], "the old site removed");
    await assertLikeColdBuild("after the site's settings changed");

    // The manifest describes the new folder: the next edit renders only what it changed.
    edit("articles/bridge-repairs.md", (text) => `${text.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    const bodyEdit = await build();
    assert.deepEqual({ mode: bodyEdit.mode, isSmall: bodyEdit.rendered < settings.rendered }, { mode: "incremental", isSmall: true });
    await backgroundRemovals();
    await assertLikeColdBuild("after an edit that followed the swap");
    rmSync(rootDir, { recursive: true, force: true });
  });
});
