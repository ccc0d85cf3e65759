/**
 * What the build handed Pagefind before search records: each article and
 * standalone page's searchable part, read from the rendered page (as
 * src/site-builder/search-index.ts did), for tests that hold the records to it.
 */

/** Pagefind indexes only pages that mark their searchable part, when any page does. */
const SEARCHABLE = "data-pagefind-body";
/** Elements whose text Pagefind leaves out of the index. */
const IGNORED = "data-pagefind-ignore";

/**
 * The part of a page Pagefind indexes, as a document of its own: the element
 * marked `data-pagefind-body` (headline, byline filters, hero, body) under the
 * page's `<html lang>`, without the elements it marks `data-pagefind-ignore`
 * (the related list, which other articles' headlines change without changing
 * what a search finds on this page). Everything Pagefind reads (title from
 * the first h1, image, filters, sort) is kept; an image outside the part (a
 * text-only brief's neighbour's thumbnail) is not. Undefined for pages without it.
 */
export function searchablePart(html: string): string | undefined {
  const body = markedElement(html, SEARCHABLE, 0);
  if (!body) return undefined;
  let searchable = html.slice(body.start, body.end);
  for (let ignored = markedElement(searchable, IGNORED, 0); ignored; ) {
    const element = searchable.slice(ignored.start, ignored.end);
    // Pagefind still reads filters and metadata inside an ignored element: such an element stays.
    const keep = /data-pagefind-(filter|meta|sort|default-meta)/.test(element);
    if (!keep) searchable = searchable.slice(0, ignored.start) + searchable.slice(ignored.end);
    ignored = markedElement(searchable, IGNORED, keep ? ignored.end : ignored.start);
  }
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"></head><body>${searchable}</body></html>`;
}

/** Start and end offsets of the first element from `from` on carrying the attribute `marker`; our own markup, so a tag scan is enough. */
function markedElement(html: string, marker: string, from: number): { start: number; end: number } | undefined {
  let at = html.indexOf(marker, from);
  let start = html.lastIndexOf("<", at);
  // The marker as text (an article about search markup) is not an attribute: look further.
  while (at !== -1 && (start === -1 || html.slice(start, at).includes(">"))) {
    at = html.indexOf(marker, at + 1);
    start = html.lastIndexOf("<", at);
  }
  if (at === -1) return undefined;
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start, at))?.[1];
  if (!tag) return undefined;
  // The element's closing tag, counting nested ones of the same name.
  const opening = new RegExp(`<${tag}[\\s>]|</${tag}>`, "gi");
  opening.lastIndex = start + 1;
  let depth = 1;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    depth += match[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return { start, end: match.index + match[0].length };
  }
  return undefined;
}
