import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";

/** The text of a bit of HTML (an excerpt, a caption, a term name): tags dropped, entities read, spaces collapsed. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  return toText(fromHtml(html, { fragment: true })).replace(/\s+/g, " ").trim();
}
