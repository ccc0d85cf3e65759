import type { Definition, Nodes, Parents, Root } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { reportRule } from "./report-rule.ts";
import { aliasTarget, classifyUrl, isTrustedHost, sitePathOf, type UrlKind } from "./url-policy.ts";

export interface LinkPolicyOptions {
  /** The site's own origin, e.g. "https://herald.example.org": links there are the site's own. */
  siteOrigin: string;
  /** Hosts whose images may be shown from there (site.yaml trustedHosts.images). */
  trustedImageHosts?: readonly string[];
  /** Old addresses of the site's pages and where each now is: a link to one is rewritten. */
  aliases?: Readonly<Record<string, string>>;
}

/** A same-site link of the body, checked against the pages the build writes. */
export interface SiteLink {
  /** The site path ("/news/x/"), without query or fragment. */
  path: string;
  /** As written, for the message. */
  written: string;
  /** In the file (the body's line plus its offset), 1-based. */
  line: number;
  column: number;
}

declare module "vfile" {
  interface DataMap {
    /** The body's links to pages of this site, in document order. */
    siteLinks: SiteLink[];
  }
}

const EXTERNAL_REL = ["noopener", "noreferrer"];

/**
 * Every Markdown link and image of a body, by what its URL is (url-policy.ts):
 * script and data URLs are errors and never published (a link keeps its
 * text, an image is left out); links of other schemes keep their text, with
 * a warning; links that leave the site get rel="noopener noreferrer", and
 * protocol-relative ones become https; images from other sites are errors
 * (saved in content/images/ they go through the image pipeline); links to
 * this site are noted for the link check. Local images are
 * remark-local-images' work.
 */
export function remarkLinkPolicy(options: LinkPolicyOptions) {
  const trustedImageHosts = options.trustedImageHosts ?? [];
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, { node: Definition; kind: UrlKind; reported: boolean }>();
    const siteLinks: SiteLink[] = [];
    walk(tree, (node) => {
      if (node.type === "definition") definitions.set(node.identifier.toLowerCase(), { node, kind: classifyUrl(node.url, options.siteOrigin), reported: false });
      return "keep";
    });
    const noteSiteLink = (kind: UrlKind, written: string, position: Position | undefined) => {
      const path = sitePathOf(kind);
      // At file lines: the body starts after the frontmatter.
      if (path !== undefined) siteLinks.push({ path, written, line: (position?.start.line ?? 1) + (file.data.bodyLineOffset ?? 0), column: position?.start.column ?? 1 });
    };
    walk(tree, (node, index, parent) => {
      if (node.type === "link" || node.type === "linkReference") {
        const definition = node.type === "linkReference" ? definitions.get(node.identifier.toLowerCase()) : undefined;
        if (node.type === "linkReference" && !definition) return "keep";
        const url = node.type === "link" ? node.url : definition!.node.url;
        const kind = definition?.kind ?? classifyUrl(url, options.siteOrigin);
        // A reference is reported once, at its definition.
        const reportAt = definition ? (definition.reported ? undefined : definition.node.position) : node.position;
        if (definition && (kind.kind === "dangerous" || kind.kind === "unsupported")) definition.reported = true;
        if (kind.kind === "dangerous" || kind.kind === "unsupported") {
          if (reportAt) reportRule(file, reportAt, kind.kind === "dangerous" ? "links/dangerous-url" : "links/unsupported-scheme", { url, scheme: kind.scheme });
          parent!.children.splice(index!, 1, ...(node.children as never[]));
          return "replaced";
        }
        if (kind.kind === "web") {
          if (node.type === "link") node.url = kind.href;
          else definition!.node.url = kind.href;
          if (!kind.isSameSite) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, rel: EXTERNAL_REL } };
        }
        // A link to an old address goes straight to where the page now is.
        const moved = aliasTarget(kind, options.aliases ?? {});
        if (moved !== undefined) {
          if (node.type === "link") node.url = moved;
          else definition!.node.url = moved;
          noteSiteLink(classifyUrl(moved, options.siteOrigin), url, node.position);
          return "keep";
        }
        noteSiteLink(kind, url, node.position);
        return "keep";
      }
      if (node.type === "image" || node.type === "imageReference") {
        const definition = node.type === "imageReference" ? definitions.get(node.identifier.toLowerCase()) : undefined;
        if (node.type === "imageReference" && !definition) return "keep";
        const url = node.type === "image" ? node.url : definition!.node.url;
        const kind = definition?.kind ?? classifyUrl(url, options.siteOrigin);
        if (kind.kind === "relative") {
          if (definition) parent!.children.splice(index!, 1, { type: "image", url, alt: node.alt, position: node.position } as never);
          return "keep";
        }
        if (kind.kind === "dangerous" || kind.kind === "unsupported") reportRule(file, node.position, "links/dangerous-url", { url, scheme: kind.scheme });
        else if (kind.kind === "data-image") reportRule(file, node.position, "images/inline-data", {});
        else if (kind.kind === "web" && isTrustedHost(kind.host, trustedImageHosts)) reportRule(file, node.position, "images/remote-needs-size", { url });
        else if (kind.kind === "web") reportRule(file, node.position, "images/remote", { url, host: kind.host });
        else reportRule(file, node.position, "images/no-src", {});
        // An image without a usable source is never written.
        parent!.children.splice(index!, 1);
        return "replaced";
      }
      return "keep";
    });
    file.data.siteLinks = siteLinks;
  };
}

/**
 * Visits every node in document order; a visitor that replaced the node in
 * its parent's children says so, and the walk carries on at the same index
 * (the replacement's own children are visited there).
 */
function walk(tree: Root, visit: (node: Nodes, index: number | undefined, parent: Parents | undefined) => "keep" | "replaced"): void {
  const step = (parent: Parents) => {
    for (let index = 0; index < parent.children.length; ) {
      const node = parent.children[index]!;
      if (visit(node, index, parent) === "replaced") continue;
      if ("children" in node) step(node);
      index++;
    }
  };
  visit(tree, undefined, undefined);
  step(tree);
}
