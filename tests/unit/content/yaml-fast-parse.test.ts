import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import matter from "gray-matter";
import { FrontmatterCache, parseFrontmatter } from "../../../src/content/frontmatter.ts";
import { parseYamlFast } from "../../../src/content/yaml-fast-parse.ts";
import { parseYaml, yamlSource, type YamlSource } from "../../../src/content/yaml-source.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/**
 * Frontmatter texts, each read by `parseFrontmatter` and by the full `yaml`
 * parse it used before the fast path; `via` is the path the YAML takes:
 * js-yaml ("fast"), `yaml` ("yaml"), or none (gray-matter finds no YAML).
 */
interface Case {
  name: string;
  /** The YAML between the fences, or `file`: a whole file. */
  yaml?: string;
  file?: string;
  via: "fast" | "yaml" | "none";
}

const CORPUS_LIKE = `title: "Airport agreed bird water licence"
dek: "Timetable walking final parking roughly, less of final such still second project path then."
authors: [laura-brennan]
date: 2025-01-14T15:14:03-08:00
tags: [energy-pubs, spring-cricket, food]
related:
  - music-closed-00359
  - running-argued-00646
hero:
  src: ../images/bench-hero-08.jpg
  alt: "Workers night private to crew an fishing second released because."
  caption: "Roughly after officials since over here committee estuary river storm."
  credit: "Herald photographer"`;

const CASES: Case[] = [
  // Ordinary frontmatter: the fast path.
  { name: "corpus-like article", yaml: CORPUS_LIKE, via: "fast" },
  { name: "plain title with punctuation", yaml: "title: Ferry crews strike, again — and why it matters (part 2)!\ndek: Q&A with the union; 40% say yes.", via: "fast" },
  { name: "& and * inside plain scalars", yaml: "title: Arts & culture * weekly\ndek: A *very* good & fair deal", via: "fast" },
  { name: ": and # inside quotes, a comment after a value", yaml: 'title: "Ferry: crews strike #1"\ndek: \'Why: #2\' # the second\nnote: a#b', via: "fast" },
  { name: "single quotes with a doubled quote", yaml: "title: 'it''s over'\ndek: 'say \"hi\"'", via: "fast" },
  { name: "double-quoted escapes", yaml: 'a: "\\x41\\u00e9\\uD83D\\uDE00\\N\\_\\L\\P\\e\\0\\a\\b\\t\\/\\\\\\" \\ "\nb: "tab\\\there"', via: "fast" },
  { name: "integers of the core schema", yaml: "a: 0\nb: -0\nc: +12\nd: 007\ne: 0o17\nf: 0x1F\ng: 0xff\nh: -42", via: "fast" },
  { name: "integers beyond 2^53", yaml: "a: 12345678901234567890\nb: 9007199254740993\nc: 0x1FFFFFFFFFFFFFFFF\nd: 0o7777777777777777777777", via: "fast" },
  { name: "not integers in the core schema", yaml: "a: 1_000\nb: 0b11\nc: 0O17\nd: 0X1F\ne: +0x1F\nf: -0o7\ng: 1:20\nh: 08.5.1\ni: -0x1\nj: +0o7", via: "fast" },
  { name: "floats", yaml: "a: .5\nb: 1.\nc: 1e3\nd: -1.5E-3\ne: 1.0\nf: -0.0\ng: +.5\nh: 1.e3\ni: .5e+2\nj: 3.14159", via: "fast" },
  { name: "infinities and NaN", yaml: "a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: -.nan\nh: .Nan\ni: inf", via: "fast" },
  { name: "nulls", yaml: "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: '~'", via: "fast" },
  { name: "booleans, and YAML 1.1 words that are strings", yaml: "a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: no\ni: on\nj: off\nk: tRUE\nl: y", via: "fast" },
  { name: "timestamps stay strings", yaml: "date: 2026-03-14\nupdated: 2026-03-14T09:30:00+01:00\nspaced: 2026-03-14 09:30:00\nzulu: 2026-03-14T09:30:00Z", via: "fast" },
  { name: "keys that are numbers and booleans", yaml: "1: a\ntrue: b\n1.5: c\n0x1F: d\n.inf: e\n-0: f\nFalse: g\n1e3: h", via: "fast" },
  { name: "__proto__ keys", yaml: "__proto__: {polluted: true}\nhero:\n  __proto__: x\n  src: a.jpg", via: "fast" },
  { name: "keys named like Object.prototype members", yaml: "constructor: a\ntoString: b\nhasOwnProperty: c\nvalueOf: [1]", via: "fast" },
  { name: "multi-line plain scalars", yaml: "dek: A long dek that\n  goes on\n\n  and has a second paragraph\ntitle: x", via: "fast" },
  { name: "literal block scalars", yaml: "a: |\n  line one\n    indented\n  line three\n\nb: |-\n  stripped\n\nc: x", via: "fast" },
  { name: "folded block scalars", yaml: "a: >\n  folded\n  text\n\n  new paragraph\n    more indented\n  back\nb: >-\n  stripped\n  too", via: "fast" },
  { name: "block scalars with leading blank lines and comments", yaml: "a: | # a comment\n\n\n  after blanks\n  # not a comment\n# a comment\nb: 1", via: "fast" },
  { name: "empty block scalars", yaml: "a: |\nb: >\nc: |-\n\nd: x", via: "fast" },
  { name: "flow collections on one line", yaml: "a: [a, b, ]\nb: {x: 1, y: [p, q]}\nc: {p, q}\nd: [k: v]\ne: []\nf: {}\ng: [[1, 2]]\nh: [{a: b}]\ni: {a: {b: [c]}}", via: "fast" },
  { name: "flow collections with quotes and URLs", yaml: 'related: ["a, b", \'c]\', https://example.org/a?b=1&c=2#frag, "d: e"]\nm: {"k": v, \'q\': "r"}', via: "fast" },
  { name: "flow collections with plain colons", yaml: "a: [a:b, http://x]\nb: {a:b}\nc: {\"q\":v}", via: "fast" },
  { name: "block sequences at the key's indentation", yaml: "tags:\n- a\n- b\nauthors:\n  - c\n  - d", via: "fast" },
  { name: "nested maps and lists", yaml: "a:\n  b:\n    c:\n      - d: 1\n        e: [2, 3]\n      - f\n  g: h", via: "fast" },
  { name: "comments everywhere", yaml: "# leading\ntitle: A # after\n  # indented comment\n\n# between\ntags: # before the list\n  - a # item\n  # inside\n  - b\n# trailing", via: "fast" },
  { name: "tabs as separators, trailing tabs and spaces", yaml: "a:\tb\nc: d\t\ne: f   \ng: [x,\ty]", via: "fast" },
  { name: "a long value line", yaml: `title: x\ndek: ${"long words ".repeat(90)}end`, via: "fast" },
  { name: "a long key", yaml: `${"k".repeat(900)}: v`, via: "fast" },
  { name: "unicode", yaml: "title: Café — naïve 😀 مرحبا\n\"ключ\": значение", via: "fast" },
  { name: "keys with spaces and quoted keys", yaml: "my key: v\n\"a b\": 1\n'c': 2\n\"\": empty", via: "fast" },
  { name: "quoted first keys of block maps", yaml: "\"title\": A\nhero:\n  'src': a.jpg\n  alt: b", via: "fast" },
  { name: "negative numbers in lists", yaml: "a: -1\nb:\n  - -1\n  - -.5\n  - - nested\n    - list", via: "fast" },
  { name: "strings that look like numbers, quoted", yaml: "a: \"123\"\nb: '1.5'\nc: \"true\"\nd: \"null\"\ne: ''", via: "fast" },
  { name: "Windows line endings", file: `---\r\n${CORPUS_LIKE.replace(/\n/g, "\r\n")}\r\n---\r\nBody.\r\n`, via: "fast" },
  { name: "a blank line before the YAML", yaml: "\n\ntitle: A\ndek: B", via: "fast" },
  { name: "YAML 1.1 octal and sexagesimal are plain", yaml: "a: 0755\nb: 190:20:30\nc: 1e\nd: e3\ne: 1.2.3\nf: +\ng: .\nh: -x", via: "fast" },
  { name: "a map of only empty values", yaml: "a:\nb:\nc:", via: "fast" },
  { name: "a document end marker-like value", yaml: "a: ...\nb: ---", via: "fast" },

  // What js-yaml reads differently, or may: routed to `yaml`.
  { name: "anchors and aliases", yaml: "a: &x 1\nb: *x\nc: &m {p: q}\nd: *m", via: "yaml" },
  { name: "merge keys", yaml: "base: &b {x: 1}\nhero:\n  <<: *b\n  y: 2", via: "yaml" },
  { name: "a << key without an alias", yaml: "<<: {x: 1}\ny: 2", via: "yaml" },
  { name: "core tags", yaml: "a: !!str 123\nb: !!int \"7\"\nc: !!float 1\nd: !!null ''\ne: !!bool true", via: "yaml" },
  { name: "YAML 1.1 tags unknown to the core schema", yaml: "a: !!binary aGk=\nb: !!timestamp 2020-01-01", via: "yaml" },
  { name: "a custom tag", yaml: "a: !custom x\nb: 1", via: "yaml" },
  { name: "null keys", yaml: "null: a\nb: 1", via: "yaml" },
  { name: "a quoted \"null\" key (refused with the null keys)", yaml: "\"null\": a\nb: 1", via: "yaml" },
  { name: "a lone - as a value", yaml: "a: -\nb: 1", via: "yaml" },
  { name: "~ and empty keys", yaml: "~: d\n: e", via: "yaml" },
  { name: "explicit keys", yaml: "? a\n: b\n? [c, d]\n: e", via: "yaml" },
  { name: "collections as keys", yaml: "[a, b]: c\n{d: e}: f", via: "yaml" },
  { name: "\\U escapes", yaml: 'emoji: "\\U0001F4F0"\nbad: "\\U001e3060"', via: "yaml" },
  { name: "flow collections nested after a comma", yaml: "g: [[1, 2], {a: b}]\nh: {a: 1, [b]}", via: "yaml" },
  { name: "a flow collection as a key without a value", yaml: "a: {[], x}", via: "yaml" },
  { name: "an empty block scalar with blank lines of spaces", yaml: "a: |\n     \n  # c", via: "yaml" },
  { name: "a multi-line double-quoted scalar", yaml: 'dek: "a long\n  dek \\\n  continued\n\n  after a blank"\ntitle: x', via: "yaml" },
  { name: "a multi-line single-quoted scalar", yaml: "dek: 'a long\n  dek'\ntitle: x", via: "yaml" },
  { name: "a multi-line flow sequence", yaml: "tags: [a,\n  b,\n  c]\ntitle: x", via: "yaml" },
  { name: "a multi-line flow map", yaml: "hero: {src: a.jpg,\n  alt: b}", via: "yaml" },
  { name: "a flow sequence not indented enough", yaml: "tags: [\na, b]", via: "yaml" },
  { name: "a quoted scalar not indented enough", yaml: "a:\n  b: \"x\n  y\"", via: "yaml" },
  { name: "block scalars with an indentation indicator", yaml: "a: |2\n    two more\n  b\nc: >1\n  x", via: "yaml" },
  { name: "a block scalar keeping its line breaks", yaml: "a: |+\n  x\n\n ", via: "yaml" },
  { name: "a block scalar of spaces with an indicator", yaml: "a: |2\n    \nb: 1", via: "yaml" },
  { name: "a top-level scalar", yaml: "just some text", via: "yaml" },
  { name: "a top-level sequence", yaml: "- a\n- b", via: "yaml" },
  { name: "a top-level null", yaml: "~", via: "yaml" },
  { name: "a top-level block scalar", yaml: "|\n  text", via: "yaml" },
  { name: "tabs in indentation", yaml: "a:\n\tb: 1", via: "yaml" },
  { name: "a tab before a top-level scalar", yaml: "\tx", via: "yaml" },
  { name: "a BOM inside", yaml: "a: b\uFEFF\nc: d", via: "yaml" },
  { name: "a BOM before the file", file: "\uFEFF---\ntitle: A\n---\nBody.\n", via: "fast" },
  { name: "Unicode line separators", yaml: "a: b\u2028c\nd: e\u0085f", via: "yaml" },
  { name: "a directive", yaml: "%YAML 1.2\ntitle: x", via: "yaml" },
  { name: "a document end marker", yaml: "title: x\n...\nmore: y", via: "yaml" },
  { name: "a line over 1000 characters", yaml: `title: ${"x".repeat(1200)}`, via: "yaml" },
  { name: "a key over 1024 characters", yaml: `${"k".repeat(1100)}: v`, via: "yaml" },
  { name: "an empty sequence entry", yaml: "a:\n  -\n  - b", via: "yaml" },
  { name: "a compact nested sequence with an empty entry", yaml: "a:\n    - -\n    - b", via: "yaml" },
  { name: "a line commented out above a plain value", yaml: "t: 1\nx:\n#draft: true\n  y\nz: 1", via: "yaml" },
  { name: "a line commented out above an entry's value", yaml: "- x:\n#c\n    y\n- z", via: "yaml" },
  { name: "lines commented out at their own indentation", yaml: "t: 1\n#draft: true\nhero:\n  src: a.jpg\n  #alt: old\n  alt: new", via: "fast" },
  { name: "a comment touching a quote", yaml: 'a: "x"#c', via: "yaml" },
  { name: "a comment touching a flow collection", yaml: "a: [x]#c", via: "yaml" },
  { name: "nesting deeper than js-yaml allows", yaml: `a: ${"[".repeat(120)}${"]".repeat(120)}`, via: "yaml" },

  // Errors: `yaml` reports them, with its messages and places.
  { name: "a duplicate key", yaml: "title: A\ntitle: B", via: "yaml" },
  { name: "a duplicate nested key", yaml: "hero:\n  src: a\n  src: b", via: "yaml" },
  { name: "a duplicate key in a flow map", yaml: "a: {x: 1, x: 2}", via: "yaml" },
  { name: "keys equal only as strings", yaml: "1: a\n\"1\": b", via: "yaml" },
  { name: "keys equal as numbers", yaml: "1: a\n1.0: b\n0x1: c", via: "yaml" },
  { name: "two .nan keys", yaml: ".nan: a\n.NaN: b", via: "yaml" },
  { name: "a nested mapping on one line", yaml: "title: A\ndek: a: b\nauthors: [a]", via: "yaml" },
  { name: "an unclosed double quote", yaml: 'title: "A\ndek: b', via: "yaml" },
  { name: "an unclosed flow sequence", yaml: "tags: [a, b\ntitle: x", via: "yaml" },
  { name: "a reserved character", yaml: "title: @handle", via: "yaml" },
  { name: "a backtick", yaml: "title: `code`", via: "yaml" },
  { name: "an unknown escape", yaml: 'title: "\\q"', via: "yaml" },
  { name: "a short \\u escape", yaml: 'title: "\\u12"', via: "yaml" },
  { name: "bad indentation", yaml: "a:\n  b: 1\n c: 2", via: "yaml" },
  { name: "a sequence on a key's line", yaml: "a: - b", via: "yaml" },
  { name: "a key without a value indicator", yaml: "title: A\njust words\ndek: b", via: "yaml" },
  { name: "an empty flow entry", yaml: "a: [x,,y]", via: "yaml" },

  // No YAML for either.
  { name: "only a comment", yaml: "# nothing here", via: "none" },
  { name: "empty frontmatter", file: "---\n---\nBody.\n", via: "none" },
  { name: "no frontmatter", file: "Just a body.\n", via: "none" },
];

const fileOf = (test: Case) => test.file ?? `---\n${test.yaml}\n---\nBody line.\n`;

/** The YAML gray-matter finds, and its line offset, as frontmatter.ts reads them. */
function yamlOf(file: string): { text: string; lineOffset: number } {
  const source = file.replace(/\r\n?/g, "\n");
  let text = "";
  matter(source, { excerpt: false, engines: { yaml: (yaml: string) => ((text = yaml), {}) } });
  return { text, lineOffset: source.slice(0, Math.max(0, source.indexOf(text))).split("\n").length - 1 };
}

/** What the full `yaml` parse gives, as parseFrontmatter gave it before the fast path. */
function fullParse(file: string): Pick<YamlSource, "data" | "errors" | "locate"> {
  const { text, lineOffset } = yamlOf(file);
  if (!text) return { data: {}, errors: [], locate: () => ({ line: 1, column: 1 }) };
  return yamlSource(parseYaml(text, lineOffset));
}

/** Every path the data has, each a level deeper (missing), and missing keys. */
function probes(data: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const found: PropertyKey[][] = [prefix, [...prefix, "missing"], [...prefix, 7]];
  if (Array.isArray(data)) data.forEach((item, index) => found.push(...probes(item, [...prefix, index])));
  else if (data && typeof data === "object") for (const [key, value] of Object.entries(data)) found.push(...probes(value, [...prefix, key]));
  return found;
}

function assertSameAsFullParse(parsed: Pick<YamlSource, "data" | "errors" | "locate">, file: string, label: string): void {
  const full = fullParse(file);
  assert.deepEqual(parsed.data, full.data, `${label}: data`);
  assert.deepEqual(parsed.errors, full.errors, `${label}: errors`);
  for (const probe of probes(full.data)) {
    assert.deepEqual(parsed.locate(probe), full.locate(probe), `${label}: locate ${JSON.stringify(probe)}`);
    assert.deepEqual(parsed.locate(probe, { key: true }), full.locate(probe, { key: true }), `${label}: locate ${JSON.stringify(probe)} key`);
  }
}

describe("frontmatter YAML: the fast parse against the full `yaml` parse", () => {
  it(`has at least 60 cases, on both paths`, () => {
    assert.ok(CASES.length >= 60, `${CASES.length} cases`);
    assert.ok(CASES.filter((test) => test.via === "fast").length >= 30);
    assert.ok(CASES.filter((test) => test.via === "yaml").length >= 30);
  });

  for (const test of CASES) {
    it(`${test.name}: the same data, errors and places, via ${test.via}`, () => {
      const file = fileOf(test);
      const { text } = yamlOf(file);
      const via = !text ? "none" : parseYamlFast(text) ? "fast" : "yaml";
      assert.equal(via, test.via, "the path taken");
      assertSameAsFullParse(parseFrontmatter(file), file, test.name);
    });
  }

  it("does not pollute Object.prototype, and keeps __proto__ as an own key", () => {
    const parsed = parseFrontmatter(fileOf(CASES.find((test) => test.name === "__proto__ keys")!));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed.data), Object.prototype);
    assert.ok(Object.hasOwn(parsed.data as object, "__proto__"));
    assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.data, "__proto__")?.value, { polluted: true });
  });

  it("reads numbers to the same values, -0, NaN and rounding beyond 2^53 included", () => {
    const yaml = "a: -0\nb: -0.0\nc: .nan\nd: 12345678901234567890\ne: 0x1FFFFFFFFFFFFFFFF\nf: 0o17\ng: -.inf";
    const data = parseYamlFast(yaml)!.data as Record<string, number>;
    assert.deepEqual(data, parseYaml(yaml).data);
    assert.ok(Object.is(data.a, -0) && Object.is(data.b, -0) && Number.isNaN(data.c));
    assert.equal(data.f, 15);
  });

  it("locates the values of a fast-parsed file, its places found on demand", () => {
    const parsed = parseFrontmatter(`---\n${CORPUS_LIKE}\n---\nBody.\n`);
    assert.deepEqual(parsed.locate(["hero", "alt"]), { line: 12, column: 8 });
    assert.deepEqual(parsed.locate(["related", 1]), { line: 9, column: 5 });
  });
});

describe("frontmatter cache with the fast parse", () => {
  it("a cached file gives the data and places of a fresh parse, for every case", async () => {
    const cache = new FrontmatterCache(temporaryFolder("newsroom-frontmatter-"));
    for (const test of CASES) {
      const file = fileOf(test);
      const fresh = parseFrontmatter(file);
      parseFrontmatter(file, cache);
      await cache.flush();
      const cached = parseFrontmatter(file, new FrontmatterCache(cache.dir));
      assert.deepEqual([cached.body, cached.bodyLineOffset], [fresh.body, fresh.bodyLineOffset], test.name);
      assertSameAsFullParse(cached, file, `${test.name} (cached)`);
    }
  });

  it("stores a fast-parsed file without places, with where its YAML is", async () => {
    const cache = new FrontmatterCache(temporaryFolder("newsroom-frontmatter-"));
    const file = `---\n${CORPUS_LIKE}\n---\nBody.\n`;
    parseFrontmatter(file, cache);
    await cache.flush();
    const stored = cache.read(cache.key(file)) as { yaml: { places?: unknown }; yamlAt?: { start: number; end: number } };
    assert.equal(stored.yaml.places, undefined);
    assert.equal(file.slice(stored.yamlAt!.start, stored.yamlAt!.end), `\n${CORPUS_LIKE}`);
  });
});
