import type { Image, Link, Nodes, Parents, PhrasingContent, Root } from "mdast";
import { placeAt, type BodyContext } from "./body-context.ts";
import { rewriteLink } from "./prepare-html.ts";

/**
 * Markdown images and links of a Markdown body, as prepare-html treats raw
 * HTML's: images copied and pointed at content/images/ (those on other
 * sites kept as links), links to old posts pointed at their new pages.
 * Runs before raw HTML is converted, so that each image is seen once.
 */
export function rewriteMarkdownReferences(tree: Root, context: BodyContext): void {
  walk(tree, (node, index, parent) => {
    if (node.type === "link" || node.type === "definition") {
      node.url = rewriteLink(node.url, context, node.position?.start.line);
      return;
    }
    if (node.type !== "image") return;
    const place = placeAt(context, node.position?.start.line);
    const resolved = context.media.resolve(node.url, place, context.mediaBase);
    if (resolved.kind === "remote") {
      context.report.warn("remote-image", place, `the image ${node.url} is on another site: kept as a link`);
      const link: Link = { type: "link", url: node.url, children: [{ type: "text", value: node.alt || node.url }] };
      parent.children.splice(index, 1, link as never);
      return;
    }
    if (!node.alt?.trim()) context.report.warn("images-without-alt", place, `the image ${node.url} has no alt text`);
    (node as Image).url = resolved.reference;
  });
}

/** A paragraph holding only raw HTML (an iframe, a figure) becomes that HTML as a block. */
export function liftHtmlParagraphs(tree: Root): void {
  walk(tree, (node, index, parent) => {
    if (node.type !== "paragraph") return;
    const meaningful = node.children.filter((child) => !(child.type === "text" && !child.value.trim()) && child.type !== "break");
    if (meaningful.length > 0 && meaningful.every((child) => child.type === "html" && /^<(figure|iframe|table|details|video|audio)\b/i.test(child.value))) {
      parent.children.splice(index, 1, ...(meaningful as never[]));
    }
  });
}

/** Visits every node with its parent; a visitor may replace the node in place (one for one or one for several). */
function walk(tree: Root, visit: (node: Nodes, index: number, parent: Parents) => void): void {
  const step = (parent: Parents) => {
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index]!;
      visit(node, index, parent);
      const current = parent.children[index];
      if (current && "children" in current) step(current as Parents);
    }
  };
  step(tree);
}

export type { PhrasingContent };
