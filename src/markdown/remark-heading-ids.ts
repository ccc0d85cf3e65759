import type { Root } from "mdast";
import GithubSlugger from "github-slugger";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

/**
 * Gives every heading an id from its text ("The vote" -> "the-vote"), unique
 * within the article, so that sub-heads can be linked to.
 */
export function remarkHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, "heading", (node) => {
      const id = slugger.slug(toString(node)) || "section";
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}
