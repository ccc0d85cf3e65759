import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFrontmatter } from "../../../src/content/frontmatter.ts";

// Line numbers of this fixture are pinned by the tests below.
const FIXTURE = [
  "---", //                                            1
  "title: Ferry crews strike", //                      2
  "dek: No crossings on Monday.", //                   3
  "authors:", //                                       4
  "  - maria-okafor", //                               5
  "  - news-desk", //                                  6
  "tags: [harbour, transport]", //                     7
  "hero:", //                                          8
  "  src: ../images/ferry.jpg", //                     9
  "  alt: A ferry at its berth", //                   10
  "---", //                                           11
  "First body line.", //                              12
  "", //                                              13
  "::related{id=x}", //                               14
  "",
].join("\n");

describe("parseFrontmatter", () => {
  it("splits the body and counts the frontmatter lines in bodyLineOffset", () => {
    const parsed = parseFrontmatter(FIXTURE);
    assert.equal(parsed.bodyLineOffset, 11);
    assert.equal(parsed.body, "First body line.\n\n::related{id=x}\n");
    assert.deepEqual(parsed.errors, []);
  });

  it("returns the data with dates left as strings", () => {
    const parsed = parseFrontmatter("---\ntitle: A\ndate: 2026-03-14T09:30:00+01:00\n---\n");
    assert.deepEqual(parsed.data, { title: "A", date: "2026-03-14T09:30:00+01:00" });
  });

  it("locates scalar values at their exact line and column", () => {
    const { locate } = parseFrontmatter(FIXTURE);
    assert.deepEqual(locate(["title"]), { line: 2, column: 8 });
    assert.deepEqual(locate(["dek"]), { line: 3, column: 6 });
    assert.deepEqual(locate(["hero", "alt"]), { line: 10, column: 8 });
  });

  it("locates keys with {key: true}", () => {
    const { locate } = parseFrontmatter(FIXTURE);
    assert.deepEqual(locate(["dek"], { key: true }), { line: 3, column: 1 });
    assert.deepEqual(locate(["hero", "src"], { key: true }), { line: 9, column: 3 });
  });

  it("locates items of block and flow lists", () => {
    const { locate } = parseFrontmatter(FIXTURE);
    assert.deepEqual(locate(["authors", 0]), { line: 5, column: 5 });
    assert.deepEqual(locate(["authors", 1]), { line: 6, column: 5 });
    assert.deepEqual(locate(["tags", 1]), { line: 7, column: 17 });
  });

  it("locates a missing key at its parent key", () => {
    const { locate } = parseFrontmatter(FIXTURE);
    assert.deepEqual(locate(["hero", "credit"]), { line: 8, column: 1 });
  });

  it("locates a missing top-level key at the start of the frontmatter", () => {
    const { locate } = parseFrontmatter(FIXTURE);
    assert.deepEqual(locate(["date"]), { line: 2, column: 1 });
  });

  it("reports a YAML syntax error with its file line", () => {
    const parsed = parseFrontmatter("---\ntitle: A\ndek: a: b\nauthors: [a]\n---\nBody\n");
    assert.equal(parsed.errors.length, 1);
    assert.deepEqual(parsed.errors[0]?.place, { line: 3, column: 6 });
    assert.equal(parsed.errors[0]?.message, "Nested mappings are not allowed in compact mappings");
    assert.deepEqual(parsed.data, {});
    assert.doesNotMatch(parsed.errors[0]?.message ?? "", /at line \d+/);
  });

  it("reports a duplicate key as an error at its line", () => {
    const parsed = parseFrontmatter("---\ntitle: A\ntitle: B\n---\n");
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]?.place.line, 3);
  });

  it("handles a file without frontmatter", () => {
    const parsed = parseFrontmatter("Just a body.\n");
    assert.equal(parsed.bodyLineOffset, 0);
    assert.equal(parsed.body, "Just a body.\n");
    assert.deepEqual(parsed.data, {});
    assert.deepEqual(parsed.locate(["title"]), { line: 1, column: 1 });
  });

  it("handles empty frontmatter", () => {
    const parsed = parseFrontmatter("---\n---\nBody\n");
    assert.equal(parsed.bodyLineOffset, 2);
    assert.equal(parsed.body, "Body\n");
    assert.deepEqual(parsed.data, {});
  });

  it("counts lines the same with CRLF line endings", () => {
    const parsed = parseFrontmatter(FIXTURE.replace(/\n/g, "\r\n"));
    assert.equal(parsed.bodyLineOffset, 11);
    assert.deepEqual(parsed.locate(["title"]), { line: 2, column: 8 });
    assert.deepEqual(parsed.locate(["authors", 1]), { line: 6, column: 5 });
    assert.deepEqual(parsed.errors, []);
  });

  it(
    "does not keep a carriage return in the last frontmatter value with CRLF line endings",
    
    () => {
      const parsed = parseFrontmatter("---\r\ntitle: A\r\ndate: 2026-03-14T09:30:00Z\r\n---\r\nBody\r\n");
      assert.deepEqual(parsed.data, { title: "A", date: "2026-03-14T09:30:00Z" });
    },
  );
});
