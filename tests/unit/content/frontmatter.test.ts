import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FrontmatterCache, parseFrontmatter, parseFrontmatterFiles } from "../../../src/content/frontmatter.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

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

  it("reports an alias it cannot follow at the alias, instead of failing the build", () => {
    const unknown = parseFrontmatter("---\ntitle: Ferry\ndek: *standfirst\n---\nBody\n");
    assert.deepEqual(unknown.errors, [{ message: "Unresolved alias (the anchor must be set before the alias): standfirst", place: { line: 3, column: 6 } }]);
    assert.deepEqual(unknown.data, {});
    const inItself = parseFrontmatter("---\ntitle: Ferry\ntags: &tags [harbour, *tags]\n---\nBody\n", new FrontmatterCache(temporaryFolder("frontmatter-alias-")));
    assert.deepEqual(inItself.errors, [{ message: "an alias (*name) is inside the list or map its anchor (&name) names", place: { line: 3, column: 23 } }]);
    const followed = parseFrontmatter("---\ntitle: &title Ferry\ndek: *title\n---\nBody\n");
    assert.deepEqual([followed.errors, followed.data], [[], { title: "Ferry", dek: "Ferry" }]);
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

describe("parseFrontmatter with a cache", () => {
  const sitesDir = fileURLToPath(new URL("../../fixtures/sites/", import.meta.url));
  const files = readdirSync(sitesDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && name.includes("content"))
    .map((name) => path.join(sitesDir, name));

  /** Every path the document has, a level deeper (missing), and keys. */
  function probes(data: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
    const found: PropertyKey[][] = [prefix, [...prefix, "missing"], [...prefix, 7]];
    if (Array.isArray(data)) data.forEach((item, index) => found.push(...probes(item, [...prefix, index])));
    else if (data && typeof data === "object") for (const [key, value] of Object.entries(data)) found.push(...probes(value, [...prefix, key]));
    return found;
  }

  it("gives exactly what a fresh parse gives, places included, for every fixture file", async () => {
    assert.ok(files.length > 20, `${files.length} fixture files`);
    const cache = new FrontmatterCache(temporaryFolder("newsroom-frontmatter-"));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const fresh = parseFrontmatter(text);
      parseFrontmatter(text, cache); // fills the entry
      await cache.flush();
      const cached = parseFrontmatter(text, new FrontmatterCache(cache.dir));
      assert.deepEqual([cached.data, cached.errors, cached.body, cached.bodyLineOffset], [fresh.data, fresh.errors, fresh.body, fresh.bodyLineOffset], file);
      for (const probe of probes(fresh.data)) {
        assert.deepEqual(cached.locate(probe), fresh.locate(probe), `${file} ${JSON.stringify(probe)}`);
        assert.deepEqual(cached.locate(probe, { key: true }), fresh.locate(probe, { key: true }), `${file} ${JSON.stringify(probe)} key`);
      }
    }
  });

  it("does not store what JSON cannot hold", async () => {
    const cache = new FrontmatterCache(temporaryFolder("newsroom-frontmatter-"));
    const text = "---\ntitle: x\nscore: .inf\n---\nBody.\n";
    parseFrontmatter(text, cache);
    await cache.flush();
    assert.equal(cache.read(cache.key(text)), undefined);
    assert.equal((parseFrontmatter(text, cache).data as { score: number }).score, Infinity);
    for (const value of [".nan", "-.inf", "-0", "[1, .nan]", "{a: -0.0}"]) {
      const other = `---\ntitle: x\nscore: ${value}\n---\nBody.\n`;
      parseFrontmatter(other, cache);
      await cache.flush();
      assert.equal(cache.read(cache.key(other)), undefined, value);
    }
    const plain = "---\ntitle: x\nscore: 0\nlist: [1, 2.5, null, true, {a: b}]\n---\nBody.\n";
    parseFrontmatter(plain, cache);
    await cache.flush();
    assert.notEqual(cache.read(cache.key(plain)), undefined, "plain values are stored");
  });
});

describe("parseFrontmatterFiles", () => {
  it("parses like parseFrontmatter, and says how many files the cache did not hold before parsing them", async () => {
    const cache = new FrontmatterCache(temporaryFolder("newsroom-frontmatter-"));
    const texts = ["---\ntitle: A\n---\nOne.\n", "---\ntitle: B\n---\r\nTwo.\r\n", "No frontmatter.\n"];
    parseFrontmatter(texts[0]!, cache);
    await cache.flush();
    const counts: number[] = [];
    const parsed = parseFrontmatterFiles(texts, { cache: new FrontmatterCache(cache.dir), beforeSplitting: (misses) => counts.push(misses) });
    assert.deepEqual(counts, [2]);
    for (const [index, text] of texts.entries()) {
      const one = parseFrontmatter(text);
      assert.deepEqual([parsed[index]!.data, parsed[index]!.errors, parsed[index]!.body, parsed[index]!.bodyLineOffset], [one.data, one.errors, one.body, one.bodyLineOffset]);
    }
  });
});
