import type { Root } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { toString } from "mdast-util-to-string";

/** A converted body, and the text of its first paragraph (a dek when the source has no excerpt). */
export interface ConvertedBody {
  markdown: string;
  firstParagraph?: string;
}

export function convertedBody(tree: Root): ConvertedBody {
  const first = tree.children.find((node) => node.type === "paragraph" && toString(node).trim());
  return { markdown: mdastToMarkdown(tree), ...(first ? { firstParagraph: toString(first).trim() } : {}) };
}

/** Markdown as the site's editors write it: "-" bullets, "_" emphasis, "**" strong, fenced code, GitHub tables. */
export function mdastToMarkdown(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown()],
    bullet: "-",
    emphasis: "_",
    strong: "*",
    fences: true,
    rule: "-",
    listItemIndent: "one",
  }).trim();
}
