import type { Root } from "xast";
import { fromXml } from "xast-util-from-xml";

export type SvgParse = { ok: true; tree: Root } | { ok: false; problem: string; hint: string };

/** `<!DOCTYPE svg [ ... ]>` and the internal subset between its brackets. */
const DOCTYPE_WITH_SUBSET = /<!DOCTYPE\s[^[>]*\[([\s\S]*?)\]\s*>/i;
/** `<!ENTITY name "value">`: a general entity whose value is plain text. */
const PLAIN_ENTITY = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&<%']*)"|'([^'&<%"]*)')\s*>/g;

/**
 * Illustrator writes `<!ENTITY ns_svg "http://www.w3.org/2000/svg">` in the
 * doctype and `xmlns="&ns_svg;"` on the root; the XML parser does not read
 * doctypes. Entities whose value is plain text (no markup, no other entity,
 * no quote) are replaced once, so nothing can expand into markup or grow
 * exponentially; any other entity stays undefined and fails the parse.
 */
export function expandPlainEntities(text: string): string {
  const doctype = DOCTYPE_WITH_SUBSET.exec(text);
  if (!doctype) return text;
  const values = new Map<string, string>();
  for (const match of doctype[1]!.matchAll(PLAIN_ENTITY)) values.set(match[1]!, match[2] ?? match[3] ?? "");
  // The doctype gives way to as many line breaks, so that the parser's line numbers stay those of the file.
  const before = text.slice(0, doctype.index) + "\n".repeat(doctype[0].split("\n").length - 1);
  const after = text.slice(doctype.index + doctype[0].length);
  return before + after.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => values.get(name) ?? whole);
}

/**
 * Parses an SVG file as XML, as a browser does when it shows it with `<img>`:
 * a file that is not well-formed XML shows as a broken image there, so it is
 * refused here with the parser's line and column.
 */
export function parseSvgXml(text: string): SvgParse {
  try {
    return { ok: true, tree: fromXml(expandPlainEntities(text.replace(/^\uFEFF/, ""))) };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = (cause instanceof Error ? cause.message : String(error)).split("\n")[0]!.trim();
    return { ok: false, problem: `is not well-formed SVG (${detail})`, hint: "open it in a drawing program and export it again as SVG" };
  }
}
