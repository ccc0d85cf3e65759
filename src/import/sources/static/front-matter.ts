import { parse as parseToml } from "smol-toml";
import { CORE_SCHEMA, load } from "js-yaml";

export type FrontMatter =
  | { ok: true; data: Record<string, unknown>; body: string; bodyFirstLine: number }
  | { ok: false; reason: string; line: number };

/**
 * Splits a static site's post into front matter and body: YAML between
 * "---" lines (Jekyll, Eleventy, Hugo), TOML between "+++" lines (Hugo), or
 * a JSON object first (Hugo). YAML is read by js-yaml, as gray-matter and
 * so Eleventy read it (it accepts the unindented multi-line quoted strings
 * archives have), with the core schema, so dates stay text as written
 * ("2014-03-21 12:00:00 -0400"); TOML dates are kept as written too.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fence = /^(---|\+\+\+)[ \t]*\n/.exec(source);
  if (!fence) {
    if (source.startsWith("{")) return jsonFrontMatter(source);
    return { ok: true, data: {}, body: source, bodyFirstLine: 1 };
  }
  const closing = new RegExp(`\\n${fence[1] === "+++" ? "\\+\\+\\+" : "(?:---|\\.\\.\\.)"}[ \\t]*(\\n|$)`).exec(source.slice(fence[0].length - 1));
  if (!closing) return { ok: false, reason: `the front matter opened on line 1 is never closed with ${fence[1]}`, line: 1 };
  const inner = source.slice(fence[0].length, fence[0].length - 1 + closing.index);
  const bodyStart = fence[0].length - 1 + closing.index + closing[0].length;
  const bodyFirstLine = source.slice(0, bodyStart).split("\n").length;
  const parsed = fence[1] === "+++" ? readToml(inner) : readYaml(inner);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, line: 2 };
  return { ok: true, data: parsed.data, body: source.slice(bodyStart), bodyFirstLine };
}

function readYaml(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  const attempt = (yaml: string) => load(yaml, { schema: CORE_SCHEMA, json: true });
  try {
    return { ok: true, data: asRecord(attempt(text)) };
  } catch (error) {
    // Tabs for indentation are common in hand-written front matter and not YAML; spaces mean the same.
    if (text.includes("\t")) {
      try {
        return { ok: true, data: asRecord(attempt(text.replace(/\t/g, "  "))) };
      } catch {
        // Report the first error.
      }
    }
    return { ok: false, reason: firstLine((error as Error).message) };
  }
}

function readToml(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  try {
    return { ok: true, data: tomlValues(parseToml(text)) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, reason: firstLine((error as Error).message) };
  }
}

/** TOML dates as the text they were written as: the same shape YAML front matter gives. */
function tomlValues(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlValues);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, tomlValues(item)]));
  return value;
}

function jsonFrontMatter(source: string): FrontMatter {
  // The object ends at the first line that is a lone "}".
  const end = /\n}[ \t]*(\n|$)/.exec(source);
  if (!end) return { ok: false, reason: "the JSON front matter is never closed", line: 1 };
  const json = source.slice(0, end.index + 2);
  try {
    const bodyStart = end.index + end[0].length;
    return { ok: true, data: asRecord(JSON.parse(json)), body: source.slice(bodyStart), bodyFirstLine: source.slice(0, bodyStart).split("\n").length };
  } catch (error) {
    return { ok: false, reason: firstLine((error as Error).message), line: 1 };
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function firstLine(message: string): string {
  return message.split("\n")[0]!;
}

/** Reads a data or config file (YAML, TOML or JSON) by its extension; undefined when it cannot be read. */
export function parseDataText(text: string, extension: string): unknown {
  try {
    if (extension === ".json") return JSON.parse(text);
    if (extension === ".toml") return tomlValues(parseToml(text));
    return load(text, { schema: CORE_SCHEMA, json: true });
  } catch {
    return undefined;
  }
}
