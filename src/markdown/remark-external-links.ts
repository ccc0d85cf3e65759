import type { Root } from "mdast";
import { visit } from "unist-util-visit";

export interface ExternalLinksOptions {
  /** The site's own origin, e.g. "https://herald.example.org"; links there are internal. */
  siteOrigin: string;
}

/** Adds rel="noopener noreferrer" to links that leave the site. */
export function remarkExternalLinks(options: ExternalLinksOptions) {
  return (tree: Root) => {
    visit(tree, "link", (node) => {
      let url: URL;
      try {
        url = new URL(node.url);
      } catch {
        return; // relative: internal
      }
      if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== options.siteOrigin) {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, rel: ["noopener", "noreferrer"] } };
      }
    });
  };
}
