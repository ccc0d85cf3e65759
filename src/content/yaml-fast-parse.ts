import jsyaml from "js-yaml";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.ts";

/**
 * Where a node may start, and so carry a tag or an anchor, or be an alias or
 * an explicit key: at the start of a line, after a block indicator and
 * space, inside a flow collection, or after the `:` of a quoted or flow key.
 */
const NODE_START = String.raw`(?:^[ \t]*|[-:?][ \t]+|[,[{][ \t]*|["'\]}]:[ \t]*)`;

/**
 * What js-yaml and `yaml` may read differently, so the text goes to `yaml`:
 * each pattern, after the characters it needs (one of them at least; a text
 * with none skips the pattern, which would cost about as much as js-yaml's
 * parse if every one ran). Ordinary frontmatter matches none. Each was found
 * by comparing the two parsers (see tests/unit/content/yaml-fast-parse.test.ts).
 */
const MAY_DIFFER: readonly [needs: string, pattern: RegExp][] = [
  // A collection as a key: `yaml` writes it as YAML text, js-yaml as
  // String(value). In a flow map it needs no `:` (`{[a], b}`), so a flow
  // collection nested after `{` or `,` goes too.
  ["]}", /[\]}]\s*:|[{,][ \t]*[[{]/],
  // An empty sequence entry (`-` alone on its line): js-yaml may then take a
  // less indented `-` for the next entry.
  ["-", /(?:^|[ \t])-[ \t]*(?:#[^\n]*)?$/m],
  // Document markers.
  ["-.", /^(?:---|\.\.\.)/m],
  // Tags, anchors and aliases: js-yaml knows other tags, and `yaml` resolves aliases its own way.
  ["!&*", new RegExp(`${NODE_START}[!&*]`, "m")],
  // Explicit keys, directives; merge keys `<<`, which only `yaml`'s YAML 1.1
  // schema merges, but which are rare enough not to trust.
  ["?%<", new RegExp(String.raw`${NODE_START}\?(?:[ \t]|$)|^%|<<`, "m")],
  // A block scalar with an indentation indicator (`|2`) or keeping its last
  // line breaks (`|+`): the two read its blank and trailing lines differently.
  ["|>", /[|>](?:[-+]?[1-9]|[1-9]?\+)/],
  // A block scalar whose first lines are blank but for spaces: `yaml` may
  // refuse their indentation where js-yaml reads an empty string.
  ["|>", /[|>][-+]?[ \t]*(?:#[^\n]*)?\n(?:[ \t]*\n)*?[ \t]+(?:\n|$)/],
  // \U escapes: js-yaml takes code points past U+10FFFF that `yaml` refuses.
  ["\\", /\\U/],
  // A comment line with no space after its `#` (a line commented out), above
  // more indented lines: `yaml` may then misjudge the indentation of a plain
  // value after it (an error, or the next entry read into the value).
  ["#", /^([ \t]*)#[^ \t\n][^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*\1[ \t]/m],
  // A comment right after a quote or a flow collection: an error for `yaml`, js-yaml reads on.
  ["#", /["'\]}]#/],
  // A tab in indentation: `yaml` refuses it in places js-yaml does not.
  ["\t", /^ *\t/m],
  // A BOM, and line breaks js-yaml and `yaml` may count differently.
  ["", /[\uFEFF\u0085\u2028\u2029\r]/],
];

/** Implicit keys of over 1024 characters are an error for `yaml` only: any line that long goes to it. */
const LONG_LINE = 1000;

function mayDiffer(text: string): boolean {
  if (text.length >= LONG_LINE && hasLineOf(LONG_LINE, text)) return true;
  return MAY_DIFFER.some(([needs, pattern]) => (needs === "" || containsAny(text, needs)) && pattern.test(text));
}

function containsAny(text: string, chars: string): boolean {
  for (const char of chars) if (text.includes(char)) return true;
  return false;
}

/** Whether a line of `text` is `length` characters or more. */
function hasLineOf(length: number, text: string): boolean {
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    if (end - start >= length) return true;
    start = end + 1;
  }
  return text.length - start >= length;
}

/**
 * The data of YAML text, read by js-yaml with `yaml`'s core schema (a tenth of
 * the time `yaml` takes), or undefined when it must be read by `yaml`: when
 * js-yaml fails (a syntax error, a duplicate key, an unknown tag: `yaml`
 * reports these with its own messages and places) or when the two could
 * disagree. No places: `yaml` finds them if a problem is ever reported.
 */
export function parseYamlFast(text: string): { data: unknown } | undefined {
  if (mayDiffer(text)) return undefined;
  let data: unknown;
  const multiLine = new MultiLineNodes();
  try {
    data = jsyaml.load(text, { schema: YAML_CORE_SCHEMA, listener: multiLine.listener });
  } catch {
    return undefined;
  }
  if (multiLine.found) return undefined;
  // Frontmatter is a map; anything else is an error left to `yaml` (a block
  // scalar at the root is indented differently by the two).
  if (typeof data !== "object" || data === null || Array.isArray(data) || hasNullKey(data)) return undefined;
  return { data };
}

/**
 * Whether a map has the key "null": js-yaml turns a null key (`~:`, `null:`,
 * an empty key) into "null", `yaml` into "".
 */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== "object") return false;
  return Object.hasOwn(value, "null") || Object.values(value).some(hasNullKey);
}

/**
 * Notes a quoted scalar or flow collection that spans lines: `yaml` wants
 * their later lines indented past the enclosing collection, js-yaml takes any
 * indentation. js-yaml reports where each node starts (before the space and
 * comments that separate it) and ends; a block map whose first key is quoted
 * starts with a quote too, but is no scalar.
 */
class MultiLineNodes {
  found = false;
  readonly #starts: number[] = [];

  readonly listener = (event: jsyaml.EventType, state: jsyaml.State): void => {
    if (event === "open") {
      this.#starts.push(state.position);
      return;
    }
    const input = state.input;
    let start = this.#starts.pop()!;
    for (;;) {
      const char = input[start];
      if (char === " " || char === "\t" || char === "\n") start++;
      else if (char === "#") start = input.indexOf("\n", start);
      else break;
    }
    if (start === -1 || start >= state.position) return;
    const first = input[start];
    const quoted = state.kind === "scalar" && (first === '"' || first === "'");
    const flow = state.kind !== "scalar" && (first === "[" || first === "{");
    if ((quoted || flow) && input.lastIndexOf("\n", state.position - 1) > start) this.found = true;
  };
}
