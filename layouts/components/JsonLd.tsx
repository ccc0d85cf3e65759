/** @jsxRuntime automatic @jsxImportSource preact */
import type { JsonLd as JsonLdData } from "../../src/discovery/structured-data.ts";

export type JsonLdProps = { data: JsonLdData };

/**
 * Structured data. Raw by necessity (a script's text is not HTML-escaped), so
 * "<" is written as \u003c: no string in it can close the script element.
 */
export function JsonLd({ data }: JsonLdProps) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
