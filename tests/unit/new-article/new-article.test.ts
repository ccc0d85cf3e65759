import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { parseFrontmatter } from "../../../src/content/frontmatter.ts";
import { loadContent } from "../../../src/assembly/load-content.ts";
import { articleIdFor, newArticleMarkdown } from "../../../src/new-article/new-article.ts";
import { temporaryFolder } from "../../temporary-folder.ts";
import { RUN_COMMAND } from "../../../src/loader/node-flags.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = path.join(ROOT, "src/new-article/cli.ts");

describe("new article", () => {
  it("derives an ASCII id of at most eight words from the headline", () => {
    assert.equal(articleIdFor("Café owners vote on Sunday opening hours!"), "cafe-owners-vote-on-sunday-opening-hours");
    assert.equal(articleIdFor("One two three four five six seven eight nine ten"), "one-two-three-four-five-six-seven-eight");
  });

  it("writes valid draft frontmatter dated now in the site's zone, with its offset", () => {
    const markdown = newArticleMarkdown({ headline: 'Mayor says "no" to tolls', now: new Date("2026-07-01T10:15:30Z"), timeZone: "Europe/Berlin", authorIds: ["news-desk"] });
    const parsed = parseFrontmatter(markdown);
    const result = articleSchema.safeParse(parsed.data);
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    assert.equal(result.data.title, 'Mayor says "no" to tolls');
    assert.equal(result.data.draft, true);
    assert.match(markdown, /^date: 2026-07-01T12:15:30\+02:00$/m);
    assert.doesNotMatch(parsed.body.replace(/<!--[\s\S]*?-->/g, ""), /\S/, "the body's guidance is all in comments");
  });

  it("creates the file from the command line, which checks cleanly, and refuses to overwrite it", async () => {
    const root = temporaryFolder("newsroom-new-");
    cpSync(path.join(ROOT, "tests/fixtures/sites/basic/content"), path.join(root, "content"), { recursive: true });
    const run = (...args: string[]) => spawnSync(process.execPath, [RUN_COMMAND, CLI, ...args], { cwd: root, encoding: "utf8" });
    const created = run("Harbour", "wall", "repairs", "begin", "--author", "ben-okoro");
    assert.equal(created.status, 0, created.stderr);
    const file = path.join(root, "content/articles/harbour-wall-repairs-begin.md");
    assert.match(readFileSync(file, "utf8"), /^title: "Harbour wall repairs begin"\n# dek: .*\nauthors: \[ben-okoro\]$/m);
    const { diagnostics } = await loadContent({ rootDir: root, isPreview: true });
    // The fixture's heroes are narrower than the page shows heroes on purpose, and say so; the new file adds only its own warning.
    const others = diagnostics.filter((d) => d.ruleId !== "images/hero-low-resolution");
    assert.deepEqual(others.map((d) => `${d.file} ${d.severity} ${d.ruleId}`), ["content/articles/harbour-wall-repairs-begin.md warning article/incomplete-draft"]);
    const again = run("Harbour wall repairs begin");
    assert.equal(again.status, 1);
    assert.match(again.stderr, /harbour-wall-repairs-begin\.md already exists: nothing was written/);
    const unknownAuthor = run("Another story", "--author", "nobody");
    assert.equal(unknownAuthor.status, 1);
    assert.match(unknownAuthor.stderr, /unknown author "nobody"/);
  });
});
