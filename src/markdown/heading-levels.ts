import type { Element, Root as HastRoot } from "hast";
import type { Root } from "mdast";
import { eachNode } from "./each-node.ts";

/** The page's headline is the h1: a body's sub-heads start at h2. */
const FIRST_BODY_LEVEL = 2;
const DEEPEST = 6;

/**
 * Levels for a body's headings, in document order, so that the page (whose
 * h1 is the headline) skips no level: the first becomes h2, and each is at
 * most one deeper than the heading it sits under, keeping the editor's
 * nesting. An archive body whose sub-heads start at ### (or jump from ## to
 * ####) fails HTML checkers and confuses screen-reader navigation otherwise.
 */
export function normalizedLevels(levels: readonly number[]): number[] {
  const open: { written: number; shown: number }[] = [];
  return levels.map((written) => {
    while (open.length > 0 && open[open.length - 1]!.written >= written) open.pop();
    const shown = Math.min(DEEPEST, open.length === 0 ? FIRST_BODY_LEVEL : open[open.length - 1]!.shown + 1);
    open.push({ written, shown });
    return shown;
  });
}

/** A remark plugin: Markdown headings at their normalised levels. */
export function remarkHeadingLevels() {
  return (tree: Root) => {
    const headings: { depth: number }[] = [];
    eachNode(tree, (node) => {
      if (node.type === "heading") headings.push(node);
    });
    normalizedLevels(headings.map((heading) => heading.depth)).forEach((level, index) => {
      headings[index]!.depth = level as 1 | 2 | 3 | 4 | 5 | 6;
    });
  };
}

const HEADING = /^h([1-6])$/;

/** The same over HTML: a body with raw HTML has its headings in the HTML tree too. */
export function normalizeHastHeadings(tree: HastRoot): void {
  const headings: Element[] = [];
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (HEADING.test(child.tagName)) headings.push(child);
      visit(child);
    }
  };
  visit(tree);
  normalizedLevels(headings.map((heading) => Number(HEADING.exec(heading.tagName)![1]))).forEach((level, index) => {
    headings[index]!.tagName = `h${level}`;
  });
}
