/** @jsxRuntime automatic @jsxImportSource preact */
import type { JsonLd as JsonLdData } from "../../src/discovery/structured-data.ts";

export type JsonLdProps = { data: JsonLdData };

/** JSON escapes that keep the text inert inside a script element and to any JavaScript reader. */
const SCRIPT_SAFE: Record<string, string> = { "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/**
 * Structured data. Raw by necessity (a script's text is not HTML-escaped), so
 * "<" is written as \u003c: no string in it can close the script element or
 * open a comment ("</script>", "<!--"). U+2028 and U+2029, valid raw in JSON
 * but line breaks to JavaScript before ES2019, are escaped too.
 */
export function JsonLd({ data }: JsonLdProps) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/[<\u2028\u2029]/g, (char) => SCRIPT_SAFE[char]!) }} />;
}
