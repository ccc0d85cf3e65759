import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkErrors, formatted, readArticle, runImport, snapshot, tempProject } from "../fixtures/import/check-imported.ts";
import { makeMedia } from "../fixtures/import/make-media.ts";

describe("importing a Jekyll site", () => {
  test("reads front matter, Liquid tags, drafts, data-file authors and the site's pretty permalinks, and checks cleanly", async () => {
    const { root, source } = tempProject("jekyll");
    await makeMedia(source, { "assets/img/cranes.jpg": [1000, 600], "assets/img/dredger.png": [300, 200] });
    const result = await runImport(root, { from: "jekyll", source });
    const { data, body, text } = readArticle(root, "port-expansion");
    assert.equal(data.title, "Port expansion approved");
    assert.equal(data.dek, "The board approved the plan on Thursday.");
    assert.deepEqual(data.authors, ["ana"]);
    assert.match(text, /^date: 2023-06-01T18:30:00-04:00$/m);
    assert.deepEqual(data.tags, ["Port News", "shipping", "cranes"]);
    assert.deepEqual(data.hero, { src: "../images/cranes.jpg", alt: "Two cranes over the quay" });
    assert.deepEqual(data.aliases, ["/port-news/2023/06/01/port-expansion/", "/port-expansion.html"]);
    assert.match(body, /<figure><img src="\.\.\/images\/cranes\.jpg" alt="Cranes at dusk"><figcaption>The quay at dusk\.<\/figcaption><\/figure>/);
    assert.match(body, /\[the earlier story]\(\/news\/dredging\/\)/);
    assert.match(body, /```ruby\nputs "\{\{ not liquid \}\}"\n```/);
    assert.match(body, /Write \{\{ page\.title \}\} in a template\./);
    assert.ok(result.report.warnings.some((w) => w.kind === "unknown-shortcode" && w.file === "_posts/2023-06-01-port-expansion.md" && w.line === 14));
    const dredging = readArticle(root, "dredging");
    assert.match(dredging.text, /^date: 2023-05-01T00:00:00-04:00$/m, "a date without a zone is read in the site's zone");
    assert.match(dredging.body, /Dredgers arrived at \*\*dawn\*\* and \[more]\(\/news\/port-expansion\/\)\./);
    assert.match(dredging.body, /!\[A dredger]\(\.\.\/images\/dredger\.png\)/);
    assert.equal(readArticle(root, "quay-lights").data.draft, true);
    assert.equal(readFileSync(path.join(root, "content/authors/ana.md"), "utf8"), '---\nname: "Ana Ruiz"\n---\nCovers the port.\n');
    const errors = await checkErrors(root);
    assert.equal(errors.length, 0, formatted(errors));
  });
});

describe("importing a Hugo site", () => {
  test("reads TOML front matter, page bundles, shortcodes and permalinks, and names an unknown author by its id", async () => {
    const { root, source } = tempProject("hugo");
    await makeMedia(source, { "content/posts/lighthouse-bundle/tower.jpg": [1200, 900], "static/images/lamp.png": [400, 300] });
    const result = await runImport(root, { from: "hugo", source });
    const { data, body, text } = readArticle(root, "lighthouse-150");
    assert.equal(data.dek, "A century and a half of light.");
    assert.deepEqual(data.authors, ["finn", "guest-writer"]);
    assert.match(text, /^date: 2022-09-01T10:00:00\+01:00$/m);
    assert.deepEqual(data.tags, ["Coast", "History"]);
    assert.deepEqual(data.hero, { src: "../images/posts-lighthouse-bundle-tower.jpg", alt: "The white tower against a grey sky", caption: "The tower in September." });
    assert.deepEqual(data.aliases, ["/2022/09/lighthouse-150/", "/old/lighthouse/"]);
    assert.match(body, /<figure><img src="\.\.\/images\/lamp\.png" alt="The lamp"><figcaption>The lamp room\. Archive<\/figcaption><\/figure>/);
    assert.match(body, /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
    assert.match(body, /\[the storm night]\(\/news\/storm-night\/\)/);
    assert.ok(result.report.warnings.some((w) => w.kind === "unknown-shortcode" && w.message.includes("tweet") && w.line === 23));
    assert.ok(result.report.warnings.some((w) => w.kind === "author-without-name" && w.message.includes("guest-writer")));
    assert.equal(readFileSync(path.join(root, "content/authors/guest-writer.md"), "utf8"), '---\nname: "guest-writer"\n---\n');
    const storm = readArticle(root, "storm-night");
    assert.equal(storm.data.draft, undefined);
    assert.match(storm.text, /^date: 2022-08-01T22:00:00\+01:00$/m, "Europe/Dublin in summer");
    const errors = await checkErrors(root);
    assert.equal(errors.length, 0, formatted(errors));
  });
});

describe("importing an Eleventy site", () => {
  test("reads the folder's data file permalink, leaves out the collection tag, and imports twice to the same bytes", async () => {
    const { root, source } = tempProject("eleventy");
    await makeMedia(source, { "img/stalls.jpg": [900, 600] });
    await runImport(root, { from: "eleventy", source });
    const { data, body } = readArticle(root, "market-day");
    assert.deepEqual(data.authors, ["lea"]);
    assert.deepEqual(data.tags, ["Markets"]);
    assert.deepEqual(data.aliases, ["/blog/2024/market-day/"]);
    assert.match(body, /!\[Stalls on the square]\(\.\.\/images\/stalls\.jpg\)/);
    assert.match(body, /\| Stall \| Opens \|/);
    assert.match(body, /\[the valley]\(\/\)/);
    assert.match(body, /\[clean-up]\(\/news\/river-clean-up\/\)/);
    assert.equal(readArticle(root, "river-clean-up").data.dek, "Volunteers filled forty bags.");
    assert.equal(readFileSync(path.join(root, "content/authors/lea.md"), "utf8"), '---\nname: "Léa Martin"\n---\n');
    assert.match(readFileSync(path.join(root, "content/site.yaml"), "utf8"), /^timeZone: Europe\/Paris$/m);
    const errors = await checkErrors(root);
    assert.equal(errors.length, 0, formatted(errors));
    const first = snapshot(path.join(root, "content"));
    const again = await runImport(root, { from: "eleventy", source });
    assert.equal(again.files.written, 0);
    assert.deepEqual(snapshot(path.join(root, "content")), first);
  });
});
