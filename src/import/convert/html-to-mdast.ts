import type { Element, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { defaultHandlers, toMdast, type Handle, type State } from "hast-util-to-mdast";
import type { Html, Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import { findElement, hasClass } from "./prepare-html.ts";

/**
 * HTML to Markdown's tree (hast-util-to-mdast), keeping as HTML what
 * Markdown cannot say and the build accepts as raw HTML: tables that do not
 * fit GitHub's table syntax (captions, merged cells, blocks in cells),
 * figures with captions, iframes, audio and video, details, and
 * superscripts and subscripts.
 */
export function htmlToMdast(tree: HastRoot): MdastRoot {
  const result = toMdast(tree, { handlers: HANDLERS });
  return result.type === "root" ? result : { type: "root", children: [result as never] };
}

const keepAsHtml: Handle = (state, node) => html(state, node);

const HANDLERS: Record<string, Handle> = {
  table: (state, node) => (tableFitsMarkdown(node) ? defaultHandlers.table!(state, node) : html(state, node)),
  figure: (state, node) => (figureNeedsHtml(node) ? html(state, node) : defaultHandlers.figure!(state, node)),
  iframe: keepAsHtml,
  video: keepAsHtml,
  audio: keepAsHtml,
  details: keepAsHtml,
  sup: keepAsHtml,
  sub: keepAsHtml,
};

function html(state: State, node: Element): Html {
  const result: Html = { type: "html", value: htmlText(node) };
  state.patch(node, result as MdastNodes);
  return result;
}

/** One element as HTML without blank lines (a blank line would end the HTML block in Markdown). */
export function htmlText(node: Element): string {
  return toHtml(node)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** A figure stays HTML when it has a caption, or holds an embed: Markdown has neither. */
function figureNeedsHtml(node: Element): boolean {
  return Boolean(findElement(node, "figcaption") || findElement(node, "iframe") || findElement(node, "video") || findElement(node, "audio") || hasClass(node, "wp-block-table") && findElement(node, "table") && !tableFitsMarkdown(findElement(node, "table")!));
}

const BLOCK_IN_CELL = new Set(["ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "hr", "div", "dl"]);

/**
 * A table fits GitHub's syntax when it has no caption, no merged cells, no
 * block content in a cell (lists, quotes, several paragraphs) and at most
 * one header row.
 */
export function tableFitsMarkdown(table: Element): boolean {
  let headerRows = 0;
  let fits = true;
  const visit = (node: Element, inCell: boolean) => {
    for (const child of node.children) {
      if (!fits || child.type !== "element") continue;
      const name = child.tagName;
      if (name === "caption") fits = false;
      else if ((name === "td" || name === "th") && (Number(child.properties.colSpan ?? 1) > 1 || Number(child.properties.rowSpan ?? 1) > 1)) fits = false;
      else if (inCell && (BLOCK_IN_CELL.has(name) || (name === "p" && node.children.filter((c) => c.type === "element" && c.tagName === "p").length > 1))) fits = false;
      else {
        if (name === "tr" && node.tagName === "thead") headerRows++;
        visit(child, inCell || name === "td" || name === "th");
      }
    }
  };
  visit(table, false);
  return fits && headerRows <= 1;
}
