import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseYamlFast } from "../../src/content/yaml-fast-parse.ts";
import { parseYaml, parseYamlQuickly, yamlSource, type YamlSource } from "../../src/content/yaml-source.ts";

/** Text with what makes YAML scalars tricky: indicators, quotes, comments, escapes. */
const TRICKY = [..."abcxyz XYZ019", ":", ": ", "#", " #", "'", '"', "-", "- ", ",", "[", "]", "{", "}", "&", "*", "!", "?", "|", ">", "%", "@", "`", "\\", ".", "/", "é", "😀", "\t", "~"];
const text = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 16 });
/** What titles and deks have inside quotes: punctuation, `: `, `#`, quotes, escapes. */
const PROSE = [..."abcxyz XYZ019.,;()/-é😀", ": ", " #", "'", '"', "\\"];
const prose = fc.string({ unit: fc.constantFrom(...PROSE), maxLength: 24 });
const words = fc
  .tuple(fc.constantFrom(..."abcdefghijKLM"), fc.string({ unit: fc.constantFrom(..."abcdefghij -'.,"), maxLength: 24 }))
  .map(([first, rest]) => first + rest);
const doubleQuoted = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const singleQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** A line break and the next line's indentation, for quoted scalars and flow collections that span lines. */
const lineBreak = fc.constantFrom("\n", "\n ", "\n  ", "\n    ", "\n\n  ");

/** A scalar as an editor might write it: words, quoted text, numbers, dates. */
const ordinaryScalar = fc.oneof(
  { arbitrary: words, weight: 6 },
  { arbitrary: prose.map(doubleQuoted), weight: 2 },
  { arbitrary: prose.map(singleQuoted), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.double({ noNaN: true }).map(String), weight: 1 },
  { arbitrary: fc.constantFrom("0", "-0", "+12", "007", "0o17", "0x1F", "1_000", "0b11", ".5", "1.", "1e3", "-1.5E-3", ".inf", "-.Inf", ".nan", "12345678901234567890"), weight: 1 },
  { arbitrary: fc.constantFrom("true", "True", "FALSE", "yes", "off", "~", "null", "Null", "NULL", "", "2026-03-14", "2026-03-14T09:30:00+01:00"), weight: 1 },
  { arbitrary: fc.constantFrom("https://example.org/a?b=1&c=2#frag", "../images/a.jpg", "it's", "Q&A: a *big* day", "50% off!"), weight: 1 },
);
/** Also plain text full of indicators, and quotes left unescaped. */
const anyScalar = fc.oneof(
  { arbitrary: ordinaryScalar, weight: 2 },
  text,
  text.map(doubleQuoted),
  text.map(singleQuoted),
  text.map((value) => `"${value}"`),
  fc.tuple(prose, lineBreak, prose).map(([first, lineBreak, second]) => doubleQuoted(first).slice(0, -1) + lineBreak + doubleQuoted(second).slice(1)),
  fc.tuple(prose, lineBreak, prose).map(([first, lineBreak, second]) => singleQuoted(first).slice(0, -1) + lineBreak + singleQuoted(second).slice(1)),
);

const ordinaryKey = fc.oneof(
  { arbitrary: fc.constantFrom("title", "dek", "authors", "tags", "hero", "src", "alt", "date", "1", "true", "__proto__", "toString", "a b"), weight: 1 },
  { arbitrary: words, weight: 3 },
);
const anyKey = fc.oneof({ arbitrary: ordinaryKey, weight: 6 }, text.map(doubleQuoted), fc.constantFrom("null", "~", "<<", "? x", "[k]", "&a x", "*a"));

/** A flow collection's `separator` may break the line. */
type Node = string | { list: Node[]; flow: boolean; separator?: string } | { map: [string, Node][]; flow: boolean; separator?: string };

/** Block maps and lists of `scalar`s; flow ones hold scalars only, on one line, or anything when `nestedFlows`. */
function nodes(scalar: fc.Arbitrary<string>, key: fc.Arbitrary<string>, nestedFlows: boolean): fc.Arbitrary<Node> {
  return fc.letrec<{ node: Node }>((tie) => {
    const flowItem = nestedFlows ? tie("node") : scalar;
    const separator = nestedFlows ? fc.oneof({ arbitrary: fc.constant(", "), weight: 3 }, lineBreak.map((lineBreak) => `,${lineBreak}`)) : fc.constant(", ");
    return {
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        fc.record({ list: fc.array(tie("node"), { maxLength: 4 }), flow: fc.constant(false) }),
        fc.record({ map: fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }), flow: fc.constant(false) }),
        fc.record({ list: fc.array(flowItem, { maxLength: 4 }), flow: fc.constant(true), separator }),
        fc.record({ map: fc.array(fc.tuple(key, flowItem), { maxLength: 4 }), flow: fc.constant(true), separator }),
      ),
    };
  }).node;
}

function flowText(value: Node): string {
  if (typeof value === "string") return value;
  const separator = value.separator ?? ", ";
  if ("list" in value) return `[${value.list.map(flowText).join(separator)}]`;
  return `{${value.map.map(([name, item]) => `${name}: ${flowText(item)}`).join(separator)}}`;
}

/** Block YAML at `indent`, one line per entry; a nested block item starts on its dash's line. */
function blockText(value: Node, indent: string, comments: string[]): string {
  const nextComment = () => comments.shift() ?? "";
  if (typeof value === "string" || value.flow || ("list" in value ? value.list.length === 0 : value.map.length === 0)) return flowText(value);
  const lines = "list" in value
    ? value.list.map((item) => {
        const nested = typeof item !== "string" && !item.flow && blockText(item, `${indent}  `, comments);
        return nested && nested.startsWith(`${indent}  `) ? `${indent}- ${nested.slice(indent.length + 2)}` : `${indent}- ${flowText(item)}${nextComment()}`;
      })
    : value.map.map(([name, item]) => {
        const nested = blockText(item, `${indent}  `, comments);
        return nested.startsWith(`${indent}  `) ? `${indent}${name}:${nextComment()}\n${nested}` : `${indent}${name}: ${nested}${nextComment()}`;
      });
  return lines.join("\n");
}

const comment = fc.constantFrom("", "", "", " # a comment", "\n# a line comment");

/**
 * Frontmatter YAML as gray-matter hands it over: a newline first, none last
 * (sometimes one). Half of it ordinary, half with anything in it.
 */
const frontmatter = fc
  .boolean()
  .chain((ordinary) => {
    const key = ordinary ? ordinaryKey : anyKey;
    const entries = fc.array(fc.tuple(key, nodes(ordinary ? ordinaryScalar : anyScalar, key, !ordinary)), { minLength: 1, maxLength: 8 });
    return fc.tuple(entries, fc.array(comment, { maxLength: 20 }), fc.boolean());
  })
  .map(([entries, comments, endsWithNewline]) => `\n${blockText({ map: entries, flow: false }, "", comments)}${endsWithNewline ? "\n" : ""}`);

/** What `parse` returns or throws: `yaml` throws on an alias to no anchor (`a: *x`), and so must the fast parse. */
function outcome<T>(parse: () => T): { value?: T; thrown?: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { thrown: String(error) };
  }
}

/** The same data and errors, and the same places for each top-level key, a missing one, and a first item. */
function assertSame(quick: YamlSource, full: YamlSource): void {
  assert.deepEqual(quick.data, full.data);
  assert.deepEqual(quick.errors, full.errors);
  const keys = full.data && typeof full.data === "object" ? Object.keys(full.data) : [];
  for (const name of [...keys, "missing"]) {
    assert.deepEqual(quick.locate([name]), full.locate([name]));
    assert.deepEqual(quick.locate([name, 0], { key: true }), full.locate([name, 0], { key: true }));
  }
}

describe("property: the fast frontmatter parse reads what `yaml` reads", () => {
  test("the same data, errors and places as the full `yaml` parse", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(frontmatter, fc.integer({ min: 0, max: 5 }), (yaml, lineOffset) => {
        runs++;
        if (parseYamlFast(yaml)) fast++;
        const full = outcome(() => yamlSource(parseYaml(yaml, lineOffset)));
        const quick = outcome(() => yamlSource(parseYamlQuickly(yaml, lineOffset), () => parseYaml(yaml, lineOffset).places));
        assert.equal(quick.thrown, full.thrown);
        if (full.value && quick.value) assertSame(quick.value, full.value);
      }),
      { numRuns: 1000 },
    );
    // Enough of it takes the fast path for the property to say something.
    assert.ok(fast > runs * 0.2, `${fast} of ${runs} parsed fast`);
  });
});
