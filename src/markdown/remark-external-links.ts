import type { Definition, Root } from "mdast";
import { eachNode } from "./each-node.ts";

export interface ExternalLinksOptions {
  /** The site's own origin, e.g. "https://herald.example.org"; links there are internal. */
  siteOrigin: string;
}

/**
 * Adds rel="noopener noreferrer" to links that leave the site, inline
 * (`[text](url)`) and by reference (`[text][ref]` with `[ref]: url`).
 */
export function remarkExternalLinks(options: ExternalLinksOptions) {
  const isExternal = (href: string) => {
    try {
      const url = new URL(href);
      return (url.protocol === "http:" || url.protocol === "https:") && url.origin !== options.siteOrigin;
    } catch {
      return false; // relative: internal
    }
  };
  return (tree: Root) => {
    const definitions = new Map<string, Definition>();
    eachNode(tree, (node) => {
      if (node.type === "definition") definitions.set(node.identifier.toLowerCase(), node);
    });
    eachNode(tree, (node) => {
      if (node.type !== "link" && node.type !== "linkReference") return;
      const href = node.type === "link" ? node.url : definitions.get(node.identifier.toLowerCase())?.url;
      if (href && isExternal(href)) {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, rel: ["noopener", "noreferrer"] } };
      }
    });
  };
}
