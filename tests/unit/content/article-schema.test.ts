import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articleFieldRules, articleSchema, validFields } from "../../../src/content/article-schema.ts";

function frontmatter(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Ferry crews strike",
    dek: "No crossings on Monday.",
    authors: ["maria-okafor"],
    date: "2026-03-14T09:30:00+01:00",
    hero: { src: "../images/ferry.jpg", alt: "A ferry at its berth", credit: "Staff" },
    ...overrides,
  };
}

const issuesOf = (data: unknown) => {
  const result = articleSchema.safeParse(data);
  assert.equal(result.success, false, "expected the frontmatter to fail");
  return result.error!.issues;
};

describe("articleSchema", () => {
  it("parses valid frontmatter, turning dates into Dates and applying defaults", () => {
    const article = articleSchema.parse(frontmatter({ updated: "2026-03-14T12:00:00Z" }));
    assert.ok(article.date instanceof Date);
    assert.equal(article.date.toISOString(), "2026-03-14T08:30:00.000Z");
    assert.equal(article.updated?.toISOString(), "2026-03-14T12:00:00.000Z");
    assert.deepEqual(article.tags, []);
    assert.deepEqual(article.related, []);
    assert.equal(article.featured, false);
    assert.equal(article.draft, false);
    assert.equal(article.slug, undefined);
    assert.equal(article.audio, undefined);
  });

  it("trims text fields", () => {
    assert.equal(articleSchema.parse(frontmatter({ title: "  Spaced  " })).title, "Spaced");
  });

  it("fails an unknown key with code unrecognized_keys", () => {
    const issues = issuesOf(frontmatter({ titel: "typo" }));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.code, "unrecognized_keys");
    assert.deepEqual((issues[0] as { keys?: string[] }).keys, ["titel"]);
  });

  it("fails unknown keys inside hero at their path", () => {
    const issues = issuesOf(frontmatter({ hero: { src: "../images/a.jpg", alt: "A", credit: "C", photographer: "x" } }));
    assert.equal(issues[0]?.code, "unrecognized_keys");
    assert.deepEqual(issues[0]?.path, ["hero"]);
  });

  it("finds an updated time earlier than date at path ['updated'], with both times", () => {
    const issues = articleFieldRules(articleSchema.parse(frontmatter({ updated: "2026-03-14T09:29:00+01:00" })));
    assert.deepEqual(issues.map((issue) => [issue.path, issue.rule, issue.dates?.earlier.toISOString(), issue.dates?.later.toISOString()]), [
      [["updated"], "updated-before-date", "2026-03-14T08:29:00.000Z", "2026-03-14T08:30:00.000Z"],
    ]);
  });

  it("checks the rules across fields on the fields that are valid, whatever else is wrong, #20", () => {
    const raw = { ...frontmatter({ updated: "2026-03-14T09:29:00+01:00" }), dek: undefined, titel: "typo", authors: "not a list" };
    assert.equal(articleSchema.safeParse(raw).success, false);
    assert.deepEqual(articleFieldRules(validFields(raw)).map((issue) => issue.rule), ["missing-dek", "updated-before-date"]);
  });

  it("compares updated and date as instants, not as text", () => {
    // 09:00Z is later than 09:30+01:00 (08:30Z) although it reads earlier.
    assert.deepEqual(articleFieldRules(articleSchema.parse(frontmatter({ updated: "2026-03-14T09:00:00Z" }))), []);
  });

  it("accepts related article ids and external links with a title and url", () => {
    const article = articleSchema.parse(frontmatter({ related: ["other-story", { title: "Report", url: "https://example.org/r" }] }));
    assert.deepEqual(article.related, ["other-story", { title: "Report", url: "https://example.org/r" }]);
  });

  it("rejects a related link with a javascript: URL", () => {
    const issues = issuesOf(frontmatter({ related: [{ title: "Bad", url: "javascript:alert(1)" }] }));
    assert.ok(issues.length >= 1);
    assert.deepEqual(issues[0]?.path.slice(0, 2), ["related", 0]);
  });

  it("rejects a related id that is not kebab-case", () => {
    issuesOf(frontmatter({ related: ["Other Story"] }));
  });

  it("rejects empty or blank hero alt text at hero.alt", () => {
    for (const alt of ["", "   "]) {
      const issues = issuesOf(frontmatter({ hero: { src: "../images/a.jpg", alt, credit: "C" } }));
      assert.deepEqual(issues[0]?.path, ["hero", "alt"]);
      assert.match(issues[0]?.message ?? "", /must not be empty/);
    }
  });

  it("requires at least one author", () => {
    const issues = issuesOf(frontmatter({ authors: [] }));
    assert.equal(issues[0]?.message, "authors must name at least one author or desk");
  });

  it("rejects a date without offset with the editor-facing message", () => {
    const issues = issuesOf(frontmatter({ date: "2026-03-14T09:30:00" }));
    assert.deepEqual(issues[0]?.path, ["date"]);
    assert.match(issues[0]?.message ?? "", /no time zone offset/);
  });

  it("rejects featured written as text", () => {
    const issues = issuesOf(frontmatter({ featured: "yes" }));
    assert.equal(issues[0]?.message, "featured must be true or false");
  });

  it("lets a draft leave out its dek, but not a published article", () => {
    const { dek: _dek, ...incomplete } = frontmatter();
    assert.deepEqual(articleFieldRules(articleSchema.parse({ ...incomplete, draft: true })), []);
    assert.deepEqual(articleFieldRules(articleSchema.parse(incomplete)).map((issue) => [issue.path.join("."), issue.rule]), [["dek", "missing-dek"]]);
  });

  it("lets any article leave out its hero (a text-only brief), and a hero its credit", () => {
    const { hero: _hero, ...textOnly } = frontmatter();
    assert.equal(articleSchema.safeParse(textOnly).success, true);
    assert.equal(articleSchema.safeParse(frontmatter({ hero: { src: "../images/ferry.jpg", alt: "A ferry" } })).success, true);
  });

  it("checks that corrections are dated and not before the article", () => {
    const early = articleFieldRules(articleSchema.parse(frontmatter({ corrections: [{ date: "2026-03-13T09:00:00Z", text: "Fixed a name." }] })));
    assert.deepEqual(early.map((issue) => issue.path.join(".")), ["corrections.0.date"]);
    assert.equal(articleSchema.parse(frontmatter({ corrections: [{ date: "2026-03-15T09:00:00Z", text: "Fixed a name." }] })).corrections.length, 1);
  });

  it("accepts exactly these keys", () => {
    assert.deepEqual(
      Object.keys(articleSchema.def.shape).sort(),
      ["aliases", "audio", "authors", "corrections", "date", "dek", "draft", "featured", "hero", "related", "slug", "tags", "title", "updated"],
    );
  });
});
