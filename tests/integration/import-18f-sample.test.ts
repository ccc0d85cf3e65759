import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { ImportResult } from "../../src/import/import-archive.ts";
import { checkErrors, FIXTURES, formatted, readArticle, runImport, tempProject } from "../fixtures/import/check-imported.ts";
import { makeMedia } from "../fixtures/import/make-media.ts";

/** Six posts of the 18F blog (public domain, CC0: see the fixture's LICENSE.md), an Eleventy site with Liquid shortcodes and raw HTML. */
let root: string;
let result: ImportResult;
before(async () => {
  const project = tempProject("eleventy-18f-sample");
  root = project.root;
  const sizes = JSON.parse(readFileSync(path.join(FIXTURES, "eleventy-18f-sample/stand-in-images.json"), "utf8")) as Record<string, [number, number]>;
  await makeMedia(project.source, sizes);
  result = await runImport(root, {
    from: "eleventy",
    source: project.source,
    authorsFile: path.join(project.source, "data/team_members.csv"),
    // 18F's permalink uses its own date filter (toDatePath), which the import does not run.
    permalink: "/:year/:month/:day/:slug/",
    timeZone: "America/New_York",
    // The sample moves to a new address: links to the posts left out of it go to the old site, which stays up.
    baseUrl: "https://blog.18f.example.gov",
  });
});

describe("importing a sample of the 18F blog (Eleventy)", () => {
  test("imports every post with its authors' names from the CSV and its old address", () => {
    assert.equal(result.report.counts.posts, 6);
    const foia = readArticle(root, "a-new-look-at-the-freedom-of-information-act");
    assert.deepEqual(foia.data.aliases, ["/2014/09/04/a-new-look-at-the-freedom-of-information-act/"]);
    assert.deepEqual(foia.data.hero, { src: "../images/blog-foia-in-hand.jpg" });
    assert.match(readFileSync(path.join(root, "content/authors/shashank.md"), "utf8"), /^name: "Shashank Khandelwal"$/m);
  });

  test("turns {% image %} shortcodes and linked-figure includes into images and figures", () => {
    assert.match(readArticle(root, "a-new-look-at-the-freedom-of-information-act").body, /<figure><img src="\.\.\/images\/blog-foia-in-hand\.jpg" alt="a mockup of our app on an iPhone"><figcaption>An illustrative prototype/);
    const research = readArticle(root, "two-exercises-for-improving-design-research-through-reflective-practice").body;
    assert.match(research, /<figure><img src="\.\.\/images\/blog-design-research-reflective-practice-usability-test\.png" alt="Screenshot of usability test video\."><figcaption>Usability test<\/figcaption><\/figure>/);
  });

  test("keeps the survey's tables and the embedded video", () => {
    assert.match(readArticle(root, "culture-climate-survey").body, /<table>|^\|/m);
    assert.match(readArticle(root, "large-scale-development-culture-change").body, /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\//);
  });

  test("points links to posts outside the sample at the old site", () => {
    assert.match(readArticle(root, "why-we-use-https-in-every-gov-website-we-make").body, /\]\(https:\/\/18f\.gsa\.gov\/2014\/07\/29\/18f-an-open-source-team\/\)/);
  });

  test("checks with no errors", async () => {
    const errors = await checkErrors(root);
    assert.equal(errors.length, 0, formatted(errors));
  });
});
