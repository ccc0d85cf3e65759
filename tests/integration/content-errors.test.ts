import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, unwrapContentError } from "../../src/site-builder/build-site.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { temporaryFolder } from "../temporary-folder.ts";

async function buildBroken(outputDir: string) {
  try {
    await buildSite({ rootDir: path.join(FIXTURE_SITES, "broken"), outputDir });
  } catch (error) {
    return error;
  }
  assert.fail("the broken site built without errors");
}

describe("a site with content errors", () => {
  test("reports every problem in one run, each at its file, line and column, with a hint", async () => {
    const parent = temporaryFolder("newsroom-broken-");
    const error = unwrapContentError(await buildBroken(path.join(parent, "site")));
    assert.ok(error, "expected a content error, not an internal one");
    assert.deepEqual(sortDiagnostics(error.diagnostics).map(formatDiagnostic), [
      'content/articles/bad-fields.md:2:1 error: missing "title" (add it: title must be text) [frontmatter/missing-field]',
      'content/articles/bad-fields.md:2:1 error: unknown key "titel" (did you mean "title"?) [frontmatter/unknown-key]',
      'content/articles/bad-fields.md:5:7 error: date "2026-11-21T09:00:00" has no time zone offset, so it is not a single moment (write 2026-11-21T09:00:00+00:00, that time in Europe/London) [frontmatter/date-without-offset]',
      'content/articles/bad-fields.md:7:8 error: tag "!!!" has no letters or digits to make a page address from (write the tag as words or as a slug, like city-hall) [article/invalid-tag]',
      "content/articles/bad-fields.md:10:8 error: hero.alt (the description of the photo for blind readers) must not be empty [frontmatter/invalid-value]",
      'content/articles/bad-references.md:4:21 error: unknown author "jon-doe" (did you mean "john-doe"?) [article/unknown-author]',
      'content/articles/bad-references.md:7:5 error: unknown related article "good-stroy" (did you mean "good-story"?) [article/unknown-related]',
      'content/articles/bad-references.md:9:8 error: file "../images/missing.jpg" not found (there is no images/missing.jpg in the content folder) [article/hero-not-found]',
      'content/articles/bad-references.md:15:1 error: unknown article "good-storey" in ::related (did you mean "good-story"?) [related-card/unknown-id]',
      'content/articles/bad-yaml.md:3:25 error: YAML syntax: Missing closing "quote [yaml/syntax]',
      "content/articles/good-story.md:2:8 warning: headline is 122 characters long (search engines cut headlines after about 110; put the rest in the dek) [article/long-headline]",
      "content/articles/good-story.md:7:8 warning: hero is 300 px wide; the page shows heroes up to 672 px wide, so on large screens it is shown narrower than the column (use a photo at least 672 px wide; 1344 px stays sharp on high-density screens too) [images/hero-low-resolution]",
    ]);
    assert.match(error.message, /\n10 errors and 2 warnings in 4 files$/);
  });

  test("writes nothing and leaves the previous site untouched", async () => {
    const parent = temporaryFolder("newsroom-atomic-");
    const outputDir = path.join(parent, "site");
    mkdirSync(outputDir);
    writeFileSync(path.join(outputDir, "index.html"), "previous build");
    await buildBroken(outputDir);
    assert.deepEqual(readdirSync(parent), ["site"], "no staging folder is left behind");
    assert.deepEqual(readdirSync(outputDir), ["index.html"]);
    assert.equal(readFileSync(path.join(outputDir, "index.html"), "utf8"), "previous build");
  });
});
