import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Wraps each table in a focusable, labelled scroll region, so that a wide
 * table scrolls inside the column on a phone instead of widening the page,
 * and keyboard users can scroll it too. The table keeps its semantics.
 */
export function remarkTableScroll() {
  return (tree: Root) => {
    visit(tree, "table", (node, index, parent) => {
      if (!parent || index === undefined) return;
      const wrapper = {
        type: "tableScroll",
        data: { hName: "div", hProperties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: "Table, scrolls sideways" } },
        children: [node],
      };
      parent.children.splice(index, 1, wrapper as never);
    });
  };
}
