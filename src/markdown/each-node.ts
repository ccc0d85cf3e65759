import type { Nodes, Parents } from "mdast";

/**
 * Calls `visit` with every node of `tree` (the root included) in document
 * order, with its index and parent; returning false skips its children.
 * unist-util-visit builds each node's array of ancestors, which cost a tenth
 * of rendering a body; these plugins need the parent at most. `visit` may
 * change a node in place, not its parent's list of children.
 */
export function eachNode(tree: Nodes, visit: (node: Nodes, index: number | undefined, parent: Parents | undefined) => boolean | void): void {
  const step = (node: Nodes, index: number | undefined, parent: Parents | undefined): void => {
    if (visit(node, index, parent) === false || !("children" in node)) return;
    const { children } = node;
    for (let i = 0; i < children.length; i++) step(children[i]!, i, node);
  };
  step(tree, undefined, undefined);
}
