import { parseHTML } from "linkedom";

/** How a reader that takes a field for HTML sees it. */

const { document } = parseHTML("<!doctype html><html><body></body></html>");

/** The text an HTML parser makes of `html` (character references decoded, tags dropped). */
export function textOfHtml(html: string): string {
  const container = document.createElement("div");
  container.innerHTML = html;
  return container.textContent ?? "";
}

/** Whether `html` holds a "<" that an HTML parser would read as a tag, comment or declaration. */
export function hasLiveMarkup(html: string): boolean {
  return /<[A-Za-z/!?]/.test(html);
}
