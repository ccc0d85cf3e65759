/**
 * Plain text for feed fields that readers take as HTML. Both return HTML
 * whose text, once an HTML parser has read it, is exactly `text`.
 */

import { withoutNonXmlCharacters } from "./xml.ts";

const HTML_ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/** Text as HTML: every "&", "<" and ">" escaped. For fields that are HTML by their format's spec. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[<>&]/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Escapes only what an HTML reader would take for markup: a "<" that opens
 * a tag, comment or declaration (followed by a letter, "/", "!" or "?") and
 * an "&" that may start a character reference ("&#", "&name;", or two
 * letters, as the names HTML decodes without ";" have). Other text comes
 * back unchanged ("Fish & chips", "Q&A", "AT&T's", "3 < 5"), so a reader that
 * shows the field as plain text shows it as written, and one that reads it
 * as HTML finds no markup in it. For fields readers disagree on (see rss.ts).
 */
export function escapeMarkupOpeners(text: string): string {
  // Characters XML drops go first: "<\uFFFEx" must not become a live "<x" once the writer leaves U+FFFE out.
  return withoutNonXmlCharacters(text).replace(/<(?=[A-Za-z/!?])|&(?=#|[A-Za-z0-9]+;|[A-Za-z]{2})/g, (char) => HTML_ESCAPES[char]!);
}

/** Text for a double-quoted HTML attribute value. */
export function escapeHtmlAttribute(text: string): string {
  return escapeHtmlText(text).replaceAll('"', "&quot;");
}
