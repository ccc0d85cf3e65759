import { randomUUID } from "node:crypto";
import type { Element, Root as HastRoot, RootContent } from "hast";
import { raw } from "hast-util-raw";
import { sanitize } from "hast-util-sanitize";
import type { Nodes, Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import type { VFile } from "vfile";
import { countWords } from "../../format/reading-time.ts";
import { normalizeHastHeadings } from "../heading-levels.ts";
import { sanitizeSchema } from "../sanitize-schema.ts";
import { findRemovals } from "./find-removals.ts";
import { applyRawElementPolicies, type RawElementOptions } from "./raw-elements.ts";
import { reportRemovals } from "./report-removals.ts";

export type RawHtmlOptions = RawElementOptions;

/** Marks the elements our own plugins made, so that only what an editor wrote as raw HTML is judged and reported. */
const OWN = "dataNewsroomOwn";

/**
 * Raw HTML in a body (an archive's tables, figures, embeds) is parsed and
 * sanitised, not dropped: the whole body is turned into HTML here with its
 * raw parts parsed by hast-util-raw (parse5, as a browser would), the rules
 * for links, images, embeds and media are applied to what was written as
 * HTML, and hast-util-sanitize keeps what the newsroom schema allows. Each
 * element or attribute it removes is a warning at its place. Runs last
 * among the remark plugins, and only for bodies that hold raw HTML; the
 * result replaces the tree's children (remark-html then sanitises it again,
 * with the same schema, which changes nothing).
 */
export function remarkRawHtml(options: RawHtmlOptions) {
  return async (tree: Root, file: VFile) => {
    if (!hasRawHtml(tree)) return;
    // A value nobody can write into their own HTML in advance.
    const mark = randomUUID();
    const hast = toHast(tree, { allowDangerousHtml: true }) as HastRoot;
    markOwn(hast, mark);
    const parsed = raw(hast, { file }) as HastRoot;
    const isOwn = (element: Element) => element.properties[OWN] === mark;
    const replaced = await applyRawElementPolicies(parsed, file, options, isOwn);
    reportRemovals(file, [...replaced, ...findRemovals(parsed, sanitizeSchema, isOwn)]);
    const clean = sanitize(parsed, sanitizeSchema) as HastRoot;
    dropEmptyLists(clean);
    normalizeHastHeadings(clean);
    wrapTables(clean);
    // The raw parts' words count too (remark-word-count saw only the Markdown).
    file.data.wordCount = wordsIn(clean);
    tree.children = [];
    tree.data = { ...tree.data, hChildren: clean.children as RootContent[] } as Root["data"];
  };
}

/** Words a reader reads in the body: its text, less related cards (another article's words). */
function wordsIn(node: HastRoot | Element): number {
  let words = 0;
  for (const child of node.children) {
    if (child.type === "text") words += countWords(child.value);
    else if (child.type === "element" && child.tagName !== "aside") words += wordsIn(child);
  }
  return words;
}

/**
 * What removing leaves behind: a class list the sanitiser emptied (written
 * as class=""), and a paragraph that held only what was removed (a script on
 * a line of its own). Markdown makes no empty paragraph by itself.
 */
function dropEmptyLists(node: HastRoot | Element): void {
  node.children = node.children.filter((child) => !(child.type === "element" && child.tagName === "p" && child.children.every((inner) => inner.type === "text" && inner.value.trim() === "")));
  for (const child of node.children) {
    if (child.type !== "element") continue;
    for (const [key, value] of Object.entries(child.properties)) if (Array.isArray(value) && value.length === 0) delete child.properties[key];
    dropEmptyLists(child);
  }
}

function hasRawHtml(node: Nodes): boolean {
  if (node.type === "html") return true;
  return "children" in node && node.children.some(hasRawHtml);
}

function markOwn(node: HastRoot | Element, mark: string): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    child.properties[OWN] = mark;
    markOwn(child, mark);
  }
}

/** Raw tables scroll sideways on phones like Markdown ones (see remark-table-scroll.ts); those are wrapped already. */
function wrapTables(node: HastRoot | Element): void {
  node.children.forEach((child, index) => {
    if (child.type !== "element") return;
    if (child.tagName === "table" && !(node.type === "element" && isTableScroll(node))) {
      node.children[index] = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: "Table, scrolls sideways" },
        children: [child],
      };
      return;
    }
    wrapTables(child);
  });
}

function isTableScroll(element: Element): boolean {
  return Array.isArray(element.properties.className) && element.properties.className.includes("table-scroll");
}
