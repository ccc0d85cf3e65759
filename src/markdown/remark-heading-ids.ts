import type { Root } from "mdast";
import GithubSlugger, { slug } from "github-slugger";
import { toString } from "mdast-util-to-string";
import { eachNode } from "./each-node.ts";

export interface HeadingIdsOptions {
  /** Ids the page around the body already uses; a heading never takes one. */
  isReserved?: (id: string) => boolean;
}

/**
 * Gives every heading an id from its text ("The vote" -> "the-vote"), unique
 * within the article and never one of the page's own ids, so that sub-heads
 * can be linked to.
 */
export function remarkHeadingIds(options: HeadingIdsOptions = {}) {
  const isReserved = options.isReserved ?? (() => false);
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    eachNode(tree, (node) => {
      if (node.type !== "heading") return;
      // Text with no letters or digits ("???") gets "section", "section-1", ...
      const text = slug(toString(node)) ? toString(node) : "section";
      let id = slugger.slug(text);
      while (isReserved(id)) id = slugger.slug(text);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}
