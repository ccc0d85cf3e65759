import assert from "node:assert/strict";
import { appendFileSync, cpSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkSite } from "../../src/check/check-site.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/**
 * tests/fixtures/sites/ten-mistakes holds ten mistakes in five files, among
 * them an article with frontmatter errors that two other articles link to,
 * by `related:` and by a ::related card, and problems in bodies of files
 * whose frontmatter is also wrong.
 */
describe("every problem in every file in one run, and no false ones, #20", () => {
  test("ten distinct mistakes across five files give exactly those ten errors", async () => {
    const { diagnostics } = await checkSite({ rootDir: path.join(FIXTURE_SITES, "ten-mistakes"), checkOnly: true });
    const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === "error")).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    assert.deepEqual(errors, [
      "content/articles/ferry-cancelled.md:4:11 article/unknown-author",
      "content/articles/ferry-cancelled.md:7:26 article/unknown-related",
      "content/articles/ferry-cancelled.md:9:25 links/broken",
      "content/articles/harbour-closed.md:6:10 frontmatter/updated-before-date",
      "content/articles/harbour-closed.md:11:1 directives/unknown-directive",
      "content/articles/storm-warning.md:5:7 frontmatter/date-without-offset",
      "content/articles/storm-warning.md:10:1 images/missing-alt",
      "content/authors/jane-roe.md:3:1 frontmatter/unknown-key",
      "content/authors/jane-roe.md:5:26 links/broken",
      "content/site.yaml:7:28 site/unknown-navigation-tag",
    ]);
  });

  test("a link to a published article that could not be built is not broken: its own problems are what is reported", async () => {
    const rootDir = temporaryFolder("newsroom-unbuilt-");
    cpSync(path.join(FIXTURE_SITES, "ten-mistakes"), rootDir, { recursive: true });
    // harbour-closed is published, and cannot be built (its body and its dates are wrong); no-such-story does not exist.
    appendFileSync(path.join(rootDir, "content/articles/ferry-cancelled.md"), "\nMore: [the closure](/news/harbour-closed/) and [a story](/news/no-such-story/).\n");
    const { diagnostics } = await checkSite({ rootDir, checkOnly: true });
    const broken = diagnostics.filter((d) => d.ruleId === "links/broken" && d.file === "content/articles/ferry-cancelled.md").map((d) => d.message);
    assert.equal(broken.length, 2, broken.join("\n"));
    assert.ok(broken.some((message) => message.includes("/news/no-such-story/")));
    assert.ok(!broken.some((message) => message.includes("/news/harbour-closed/")));
  });

  test("each says what is wrong and how to fix it, with the values in the site's zone", async () => {
    const { diagnostics } = await checkSite({ rootDir: path.join(FIXTURE_SITES, "ten-mistakes"), checkOnly: true });
    const lines = sortDiagnostics(diagnostics.filter((d) => d.severity === "error")).map(formatDiagnostic);
    assert.ok(lines.includes(`content/articles/storm-warning.md:5:7 error: date "2026-11-26 08:15" has no time zone offset, so it is not a single moment (write 2026-11-26T08:15:00+00:00, that time in Europe/London) [frontmatter/date-without-offset]`));
    assert.ok(lines.includes("content/articles/harbour-closed.md:6:10 error: updated (2026-11-26 09:30 Europe/London) is earlier than date (2026-11-26 10:00 Europe/London) (updated is when the article last changed: it cannot be before it was published) [frontmatter/updated-before-date]"));
    assert.ok(lines.includes('content/articles/ferry-cancelled.md:7:26 error: unknown related article "storm-warnin" (did you mean "storm-warning"?) [article/unknown-related]'));
  });
});
