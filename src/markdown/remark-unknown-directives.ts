import type { Root, Text } from "mdast";
import type { VFile } from "vfile";
import { visit, SKIP } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import "mdast-util-directive";
import { didYouMean } from "../diagnostics/suggest.ts";
import { reportRule } from "./report-rule.ts";

export interface UnknownDirectivesOptions {
  /** Block directives that an earlier plugin handles, e.g. ["related"]. */
  known: readonly string[];
}

/**
 * Runs after the plugins that own directives. A `::name` block nobody handles
 * is an editor's typo and is reported; a `:word` inside a sentence ("ratio
 * 3:1", "Note:this") was never meant as a directive and is put back as text.
 */
export function remarkUnknownDirectives(options: UnknownDirectivesOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === "textDirective") {
        const label = node.children.length > 0 ? `[${toString(node)}]` : "";
        const text: Text = { type: "text", value: `:${node.name}${label}` };
        parent.children.splice(index, 1, text as never);
        return [SKIP, index + 1];
      }
      if ((node.type === "leafDirective" || node.type === "containerDirective") && !node.data?.hName) {
        const prefix = node.type === "leafDirective" ? "::" : ":::";
        const suggestion = didYouMean(node.name, options.known);
        reportRule(file, node.position, "directives/unknown-directive", { written: `${prefix}${node.name}`, known: options.known, ...(suggestion ? { suggestion } : {}) });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
