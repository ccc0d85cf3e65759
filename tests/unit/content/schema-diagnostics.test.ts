import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { parseFrontmatter } from "../../../src/content/frontmatter.ts";
import { schemaDiagnostics } from "../../../src/content/schema-diagnostics.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";
import { parseYamlSource } from "../../../src/content/yaml-source.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";

const FILE = "content/articles/x.md";
const VALID = [
  "title: Ferry crews strike",
  "dek: No crossings on Monday.",
  "authors: [maria-okafor]",
  "date: 2026-03-14T09:30:00+01:00",
  "hero:",
  "  src: ../images/ferry.jpg",
  "  alt: A ferry",
  "  credit: Staff",
];

function diagnose(lines: string[]): Diagnostic[] {
  const yaml = parseFrontmatter(["---", ...lines, "---", "Body", ""].join("\n"));
  assert.deepEqual(yaml.errors, []);
  const result = articleSchema.safeParse(yaml.data);
  assert.equal(result.success, false, "expected the frontmatter to fail");
  return schemaDiagnostics(result.error!, { file: FILE, yaml, schema: articleSchema });
}

describe("schemaDiagnostics", () => {
  it("reports an unknown key at the key with a did-you-mean hint", () => {
    const lines = VALID.map((line) => line.replace(/^title:/, "titel:"));
    const diagnostics = diagnose(lines);
    const unknown = diagnostics.find((d) => d.ruleId === "frontmatter/unknown-key");
    assert.deepEqual(unknown, {
      file: FILE,
      line: 2,
      column: 1,
      severity: "error",
      message: 'unknown key "titel"',
      hint: 'did you mean "title"?',
      ruleId: "frontmatter/unknown-key",
    });
  });

  it("reports the missing field next to a misspelt one: one diagnostic per issue", () => {
    const diagnostics = diagnose(VALID.map((line) => line.replace(/^title:/, "titel:")));
    assert.deepEqual(diagnostics.map((d) => d.message).sort(), ['missing "title"', 'unknown key "titel"']);
  });

  it("reports a missing field as missing, with the schema's message as hint", () => {
    const diagnostics = diagnose(VALID.filter((line) => !line.startsWith("title:")));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.message, 'missing "title"');
    assert.equal(diagnostics[0]?.ruleId, "frontmatter/missing-field");
    assert.match(diagnostics[0]?.hint ?? "", /^add it: /);
    assert.equal(diagnostics[0]?.line, 2);
  });

  it("reports a missing nested field with a dotted path at its parent key", () => {
    const diagnostics = diagnose(VALID.filter((line) => !line.includes("src:")));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.message, 'missing "hero.src"');
    assert.deepEqual([diagnostics[0]?.line, diagnostics[0]?.column], [6, 1]);
  });

  it("reports an invalid value at the value with the schema's message", () => {
    const diagnostics = diagnose(VALID.map((line) => line.replace(/^date: .*/, "date: tomorrow")));
    assert.deepEqual(diagnostics, [
      { file: FILE, line: 5, column: 7, severity: "error", message: '"tomorrow" is not a date and time: write it like 2026-03-14T09:30:00+01:00', ruleId: "frontmatter/invalid-value" },
    ]);
  });

  it("says a date without an offset lacks one, and writes it with the site's offset at that time, #20", () => {
    const yaml = parseFrontmatter(["---", ...VALID.map((line) => line.replace(/^date: .*/, "date: 2026-11-26 08:15")), "---", ""].join("\n"));
    const result = articleSchema.safeParse(yaml.data);
    assert.deepEqual(schemaDiagnostics(result.error!, { file: FILE, yaml, schema: articleSchema, timeZone: "Europe/London" }), [
      {
        file: FILE, line: 5, column: 7, severity: "error",
        message: 'date "2026-11-26 08:15" has no time zone offset, so it is not a single moment',
        hint: "write 2026-11-26T08:15:00+00:00, that time in Europe/London",
        ruleId: "frontmatter/date-without-offset",
      },
    ]);
    const summer = parseFrontmatter(["---", ...VALID.map((line) => line.replace(/^date: .*/, "date: 2026-07-01T18:00")), "---", ""].join("\n"));
    const [diagnostic] = schemaDiagnostics(articleSchema.safeParse(summer.data).error!, { file: FILE, yaml: summer, schema: articleSchema, timeZone: "Europe/London" });
    assert.equal(diagnostic?.hint, "write 2026-07-01T18:00:00+01:00, that time in Europe/London");
  });

  it("reports a bad list item at the item, with the index in the place", () => {
    const diagnostics = diagnose([...VALID.map((line) => line.replace(/^authors: .*/, "authors: [maria-okafor, Tom Achterberg]"))]);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([diagnostics[0]?.line, diagnostics[0]?.column], [4, 25]);
    assert.match(diagnostics[0]?.message ?? "", /lowercase letters, digits and hyphens/);
  });

  it("reports every issue of a file", () => {
    const diagnostics = diagnose(["titel: A", "dek: ''", "authors: []", "date: tomorrow", "hero: {src: /abs.jpg, alt: A, credit: C}", "featured: yes"]);
    // missing "title" + unknown "titel" + one for each bad value
    assert.equal(diagnostics.length, 7, diagnostics.map((d) => d.message).join("\n"));
    assert.deepEqual(diagnostics.map((d) => d.line).sort(), [2, 2, 3, 4, 5, 6, 7]);
  });

  it("lists the known keys when an unknown key resembles none", () => {
    const diagnostics = diagnose([...VALID, "zzzzzz: 1"]);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]?.hint ?? "", /^known keys are title, dek, authors, date, updated/);
  });

  it("suggests keys of the nested object for an unknown nested key", () => {
    const diagnostics = diagnose([...VALID, "  credt: Staff"].filter((line) => !line.includes("credit:")));
    const unknown = diagnostics.find((d) => d.ruleId === "frontmatter/unknown-key");
    assert.equal(unknown?.message, 'unknown key "hero.credt"');
    assert.equal(unknown?.hint, 'did you mean "credit"?');
    assert.equal(unknown?.line, 9);
    assert.equal(unknown?.column, 3);
  });

  it("suggests keys inside list items of the site settings (navigation[0])", () => {
    const yaml = parseYamlSource(
      "name: H\nbaseUrl: https://h.example.org\nlanguage: en\ntimeZone: UTC\nnavigation:\n  - label: City\n    tagg: city-hall\n",
    );
    const result = siteSchema.safeParse(yaml.data);
    assert.equal(result.success, false);
    const diagnostics = schemaDiagnostics(result.error!, { file: "content/site.yaml", yaml, schema: siteSchema });
    const unknown = diagnostics.find((d) => d.ruleId === "frontmatter/unknown-key");
    assert.equal(unknown?.message, 'unknown key "navigation[0].tagg"');
    assert.equal(unknown?.hint, 'did you mean "tag"?');
    assert.deepEqual([unknown?.line, unknown?.column], [7, 5]);
  });

  it(
    "reports an unknown key inside a related link instead of crashing",
    () => {
      const diagnostics = diagnose([...VALID, "related:", "  - title: Report", "    url: https://example.org/r", "    note: extra"]);
      const unknown = diagnostics.find((d) => d.ruleId === "frontmatter/unknown-key");
      assert.equal(unknown?.message, 'unknown key "related[0].note"');
      assert.equal(unknown?.line, 13);
    },
  );
});
