import jsyaml from "js-yaml";

/**
 * A js-yaml schema that reads plain scalars exactly as the `yaml` package's
 * YAML 1.2 core schema does (its dist/schema/core/*.js: the same tests, the
 * same conversions). js-yaml's own CORE schema differs (`0b11`, `-0o7` and
 * `+0x1F` are numbers to it, `+.5` a string), and its DEFAULT schema adds
 * timestamps (which must stay strings: the zod schemas parse them) and merge
 * keys `<<`.
 */

// `yaml`'s tests; they are exclusive, so the order of the types does not matter.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar type: js-yaml calls `resolve` with the scalar's text (null for an empty node), for every plain scalar. */
function scalarType(tag: string, test: (text: string) => boolean, construct: (text: string) => unknown): jsyaml.Type {
  return new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (text: string | null) => text !== null && test(text),
    construct,
  });
}

/** A number starts with a digit, a sign or a dot: most scalars (words) are told apart by that before any regex. */
function startsLikeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e; // 0-9 + - .
}

const nullType = scalarType("null", (text) => text.length <= 4 && NULL.test(text), () => null);

const boolType = scalarType(
  "bool",
  (text) => (text.length === 4 || text.length === 5) && BOOL.test(text),
  (text) => text[0] === "t" || text[0] === "T",
);

/** parseInt as `yaml` calls it: past the 0o / 0x prefix, so beyond 2^53 it rounds the same way. */
const intType = scalarType(
  "int",
  (text) => startsLikeNumber(text) && (INT.test(text) || INT_OCT.test(text) || INT_HEX.test(text)),
  (text) => (text[1] === "o" ? parseInt(text.substring(2), 8) : text[1] === "x" ? parseInt(text.substring(2), 16) : parseInt(text, 10)),
);

const floatType = scalarType(
  "float",
  (text) => startsLikeNumber(text) && (FLOAT.test(text) || FLOAT_EXP.test(text) || FLOAT_NAN.test(text)),
  (text) => {
    if (!FLOAT_NAN.test(text)) return parseFloat(text);
    if (text.slice(-3).toLowerCase() === "nan") return NaN;
    return text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
);

/** Strings, maps and sequences (the failsafe schema) plus the core schema's null, bool, int and float. */
export const YAML_CORE_SCHEMA: jsyaml.Schema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
