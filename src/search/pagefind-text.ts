import type { Element, ElementContent, Properties, Text } from "hast";

/**
 * The text Pagefind indexes for a record, written the way its HTML reader
 * writes a page's (Pagefind 1.x, pagefind/src/fossick/parser.rs), so that a
 * record built from the site model finds the same words, with the same
 * weights and the same excerpts, as the page it stands for. The rules, as
 * Pagefind applies them to the searchable element of a page:
 * - text is kept as it is written, elements add nothing, except:
 * - the elements below that end a sentence get a space before, a full stop
 *   after unless their text ends in punctuation, and a space after;
 * - headings are weighted (h1 7 ... h6 2) with Pagefind's own markers, which
 *   the content of a custom record goes through like a page's text;
 * - `<br>` and an element with an id (an anchor, for a page) split words;
 * - the elements below are left out, and so is anything marked
 *   `data-pagefind-ignore`.
 * tests/integration/search-records.test.ts holds the records to the pages.
 */

/** Pagefind's SENTENCE_SELECTORS. */
const SENTENCE_ELEMENTS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"]);
/** Pagefind's REMOVE_SELECTORS. */
const REMOVED_ELEMENTS = new Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
const HEADING_WEIGHTS: Readonly<Record<string, number>> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
/** Pagefind's SENTENCE_CHARS, `[\w'"\)\$\*]` with Rust's Unicode `\w`: text ending in one of them gets a full stop. */
const ENDS_WITHOUT_PUNCTUATION = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;

/**
 * Text the layouts write (preact escapes `"` as `&quot;` in text), as
 * opposed to the body's HTML (which keeps `"` as it is): Pagefind reads the
 * page's source, so a sentence ending in a layout's `"` ends in `;` for it.
 */
const layoutTexts = new WeakSet<Text>();

/** A hast element, for writing a record's skeleton: the parts of a page the layouts write around its body. */
export function element(tagName: string, children: readonly (ElementContent | string | null | undefined | false)[] = [], properties: Properties = {}): Element {
  const content = children.flatMap((child): ElementContent[] => {
    if (typeof child !== "string") return child ? [child] : [];
    const text: Text = { type: "text", value: child };
    layoutTexts.add(text);
    return [text];
  });
  return { type: "element", tagName, properties, children: content };
}

/** Pagefind's text of a tree, markers included (see above). */
export function pagefindText(nodes: readonly ElementContent[]): string {
  return piecesOf(nodes).text;
}

/** Text, and whether its last character is a `"` the page writes as an entity. */
interface Piece {
  text: string;
  endsInEntity: boolean;
}

function piecesOf(nodes: readonly ElementContent[]): Piece {
  let text = "";
  let endsInEntity = false;
  for (const node of nodes) {
    const piece = pieceOf(node);
    if (piece.text === "") continue;
    text += piece.text;
    endsInEntity = piece.endsInEntity;
  }
  return { text, endsInEntity };
}

function pieceOf(node: ElementContent): Piece {
  if (node.type === "text") return { text: node.value, endsInEntity: layoutTexts.has(node) && node.value.endsWith('"') };
  if (node.type !== "element" || REMOVED_ELEMENTS.has(node.tagName) || node.properties.dataPagefindIgnore !== undefined) return { text: "", endsInEntity: false };
  // Pagefind puts an anchor marker (a separate word) before an element with an id; a custom record has no anchors.
  const anchor = node.properties.id !== undefined ? " " : "";
  const inner = node.tagName === "br" ? { text: " ", endsInEntity: false } : piecesOf(node.children);
  if (!SENTENCE_ELEMENTS.has(node.tagName)) return { text: anchor + inner.text, endsInEntity: inner.endsInEntity };
  let text = ` ${inner.text}${!inner.endsInEntity && ENDS_WITHOUT_PUNCTUATION.test(inner.text) ? "." : ""} `;
  const weight = HEADING_WEIGHTS[node.tagName];
  if (weight !== undefined) text = ` ___PAGEFIND_AUTO_WEIGHT___${weight} ${text} ___END_PAGEFIND_WEIGHT___ `;
  return { text: anchor + text, endsInEntity: false };
}

/**
 * Pagefind's normalize_content, for metadata and filter values: trimmed,
 * line breaks and runs of spaces made one space.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\s+|\s+$/gu, "")
    .replace(/(\n|\r\n)+/g, " ")
    .replace(/\s{2,}/gu, " ");
}

/**
 * The image Pagefind gives a page as metadata: the first `<img>` after the
 * headline (for an article, its hero; else the first image of its body).
 */
export function firstImage(nodes: readonly ElementContent[]): { src: string; alt: string } | undefined {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    const src = node.properties.src;
    if (node.tagName === "img" && typeof src === "string") return { src, alt: typeof node.properties.alt === "string" ? node.properties.alt : "" };
    const inside = firstImage(node.children);
    if (inside) return inside;
  }
  return undefined;
}
