import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import type { ImportResult } from "../../src/import/import-archive.ts";
import { checkErrors, formatted, readArticle, runImport, snapshot, tempProject } from "../fixtures/import/check-imported.ts";
import { makeMedia } from "../fixtures/import/make-media.ts";

let root: string;
let source: string;
let result: ImportResult;
before(async () => {
  ({ root, source } = tempProject("wordpress"));
  await makeMedia(path.join(source, "uploads"), {
    "2024/05/harbour-wall.jpg": [1200, 800],
    "2024/05/boat-one.jpg": [640, 480],
    "2024/05/boat-two.jpg": [640, 480],
  });
  result = await runImport(root, IMPORT());
});

// The new site is published at a new address; the old one stays up with the pages that are not imported.
const IMPORT = () => ({ from: "wordpress" as const, source: path.join(source, "export.xml"), timeZone: "Europe/London", baseUrl: "https://news.gazette.example.net" });

describe("importing a WordPress export", () => {
  test("turns a post into an article: title, dek as text, co-authors, date with its offset, categories and tags as labels, old address", () => {
    const { data, text } = readArticle(root, "harbour-wall-repairs");
    assert.equal(data.title, "Council votes to repair the harbour wall & pier");
    assert.equal(data.dek, "The £1.6m plan passed by nine votes to two.");
    assert.deepEqual(data.authors, ["mokafor", "jlee"]);
    assert.match(text, /^date: 2024-05-01T09:30:00\+01:00$/m);
    assert.deepEqual(data.tags, ["Transformation services", "Ferries"]);
    assert.deepEqual(data.aliases, ["/2024/05/01/harbour-wall-repairs/"]);
    assert.equal(data.draft, undefined);
  });

  test("writes the frontmatter keys in the order npm run new writes them, then aliases", () => {
    const keys = [...readArticle(root, "harbour-wall-repairs").text.split("---")[1]!.matchAll(/^ *([a-z]+):/gm)].map((match) => match[1]);
    assert.deepEqual(keys, ["title", "dek", "authors", "date", "tags", "hero", "src", "alt", "caption", "credit", "aliases"]);
  });

  test("takes the hero from the featured image with its alt text, caption (as text) and credit, and copies the file", async () => {
    const { data } = readArticle(root, "harbour-wall-repairs");
    assert.deepEqual(data.hero, { src: "../images/2024-05-harbour-wall.jpg", alt: "The harbour wall with waves breaking over it", caption: "The wall at low tide.", credit: "Jane Lee" });
    const copied = await sharp(path.join(root, "content/images/2024-05-harbour-wall.jpg")).metadata();
    assert.deepEqual([copied.width, copied.height], [1200, 800]);
  });

  test("keeps a caption as a figure, a plain table as Markdown and one with a caption as HTML", () => {
    const { body } = readArticle(root, "harbour-wall-repairs");
    assert.match(body, /^<figure><img src="\.\.\/images\/2024-05-harbour-wall\.jpg" alt="The wall at low tide"><figcaption>The wall at low tide\. Photo: Jane Lee<\/figcaption><\/figure>$/m);
    assert.match(body, /^\| Item \| Cost +\|$/m);
    assert.match(body, /^<table><caption>Votes by ward<\/caption>/m);
  });

  test("points links to imported posts at their new pages, and other pages at the old site, which stays up", () => {
    const { body } = readArticle(root, "harbour-wall-repairs");
    assert.match(body, /\[our report on the storm\]\(\/news\/storm-damage\/\)/);
    assert.match(body, /\[about us\]\(https:\/\/gazette\.example\.org\/about-us\/\)/);
  });

  test("reports an unknown shortcode at its line and leaves it as text", () => {
    const warning = result.report.warnings.find((w) => w.kind === "unknown-shortcode")!;
    assert.deepEqual([warning.file, warning.line], ["export.xml", 83]);
    assert.match(readArticle(root, "harbour-wall-repairs").body, /\\\[pullquote align="right"]We have waited ten years\.\\\[\/pullquote]/);
  });

  test("turns a block gallery into its images, a YouTube embed block into an iframe with its caption, and drops the script, reported", () => {
    const { body } = readArticle(root, "storm-damage");
    assert.match(body, /<figure><img src="\.\.\/images\/2024-05-boat-one\.jpg" alt="A red fishing boat"><figcaption>The first boat<\/figcaption><\/figure>/);
    assert.match(body, /!\[A blue sailing boat]\(\.\.\/images\/2024-05-boat-two\.jpg\)/);
    assert.match(body, /<figure><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ" title="YouTube video"[^>]*><\/iframe><figcaption>The storm from the cliffs\.<\/figcaption><\/figure>/);
    assert.doesNotMatch(body, /script|trackStorm/);
    assert.ok(result.report.warnings.some((w) => w.kind === "dropped-html" && w.line === 119));
  });

  test("takes a missing dek from the first paragraph, reported", () => {
    assert.equal(readArticle(root, "storm-damage").data.dek, "The storm hit overnight. Our photographs:");
    assert.ok(result.report.warnings.some((w) => w.kind === "dek-from-body"));
  });

  test("adds classic paragraphs, and expands [embed] and [gallery] from the media library", () => {
    const { body, text } = readArticle(root, "ferry-timetable");
    assert.match(body, /^Written in our New York bureau\.\\?\nSecond line/m);
    assert.match(body, /<iframe src="https:\/\/player\.vimeo\.com\/video\/76979871"/);
    assert.match(body, /<figure><img src="\.\.\/images\/2024-05-boat-one\.jpg" alt="A red fishing boat"><figcaption>The first boat<\/figcaption><\/figure>/);
    assert.match(text, /^date: 2024-03-10T07:00:00-05:00$/m, "the post keeps the offset it was written in");
  });

  test("imports a draft as a draft (its date read in the site's zone, reported) and a scheduled post with its future date", () => {
    const draft = readArticle(root, "post-23");
    assert.equal(draft.data.draft, true);
    assert.match(draft.text, /^date: 2024-05-02T10:00:00\+01:00$/m);
    assert.deepEqual(draft.data.aliases, undefined);
    assert.ok(result.report.warnings.some((w) => w.kind === "date-in-site-zone" && w.message.includes("Europe/London")));
    assert.match(readArticle(root, "regatta-week").text, /^date: 2099-07-01T08:00:00\+01:00$/m);
    assert.equal(result.report.counts.scheduled, 1);
  });

  test("writes users, co-authors and guest authors with their names and bios", () => {
    const author = (id: string) => readFileSync(path.join(root, "content/authors", `${id}.md`), "utf8");
    assert.equal(author("mokafor"), '---\nname: "Maria Okafor"\n---\n');
    assert.equal(author("bsmith"), '---\nname: "Ben Smith"\n---\n');
    assert.equal(author("jlee"), '---\nname: "Jane Lee"\n---\nPhotographer on the coast.\n');
  });

  test("does not import pages, and says so", () => {
    assert.ok(!existsSync(path.join(root, "content/articles/about-us.md")));
    assert.ok(result.report.warnings.some((w) => w.kind === "not-imported" && w.message.includes("About us")));
  });

  test("counts what it imported and writes the report beside the content folder", () => {
    assert.deepEqual(result.report.counts, { posts: 5, drafts: 1, scheduled: 1, authors: 3, tags: 3, images: 3, otherMedia: 0, missingMedia: 0 });
    const written = JSON.parse(readFileSync(path.join(root, "import-report.json"), "utf8"));
    assert.deepEqual(written.counts, result.report.counts);
    assert.equal(written.warnings.length, result.report.warnings.length);
  });

  test("writes a site.yaml that trusts the video players it embeds, and the content checks with no errors", async () => {
    const site = readFileSync(path.join(root, "content/site.yaml"), "utf8");
    assert.match(site, /^name: "The Harbour Gazette"$/m);
    assert.match(site, /^baseUrl: https:\/\/news\.gazette\.example\.net$/m);
    assert.match(site, /^timeZone: Europe\/London$/m);
    assert.match(site, /^ {2}iframes: \["player\.vimeo\.com", "www\.youtube-nocookie\.com"]$/m);
    const errors = await checkErrors(root);
    assert.equal(errors.length, 0, formatted(errors));
  });

  test("changes nothing when run again: the same files, byte for byte", async () => {
    const first = snapshot(path.join(root, "content"));
    const report = readFileSync(path.join(root, "import-report.json"));
    const again = await runImport(root, IMPORT());
    assert.equal(again.files.written, 0);
    assert.deepEqual(snapshot(path.join(root, "content")), first);
    assert.deepEqual(readFileSync(path.join(root, "import-report.json")), report);
  });
});
