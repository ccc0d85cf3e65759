import type { Element, Root } from "xast";
import { fromXml } from "xast-util-from-xml";

/**
 * Reading WordPress's export (WXR, RSS 2.0 with wp:, content:, excerpt:
 * and dc: elements) through xast-util-from-xml, which keeps every
 * element's line: the report can name the line of each post.
 */
export function parseWxr(xml: string): Element {
  const root: Root = fromXml(xml);
  const rss = root.children.find((node): node is Element => node.type === "element" && node.name === "rss");
  const channel = rss && childElement(rss, "channel");
  if (!channel) throw new Error("this is not a WordPress export: it has no <rss><channel>");
  return channel;
}

export function childElements(parent: Element, name: string): Element[] {
  return parent.children.filter((node): node is Element => node.type === "element" && node.name === name);
}

export function childElement(parent: Element, name: string): Element | undefined {
  return parent.children.find((node): node is Element => node.type === "element" && node.name === name);
}

/** The text of an element (CDATA sections included). */
export function textOf(element: Element | undefined): string {
  if (!element) return "";
  let text = "";
  for (const node of element.children) {
    if (node.type === "text" || node.type === "cdata") text += node.value;
    else if (node.type === "element") text += textOf(node);
  }
  return text;
}

/** The text of a child element, trimmed; "" when there is none. */
export function childText(parent: Element, name: string): string {
  return textOf(childElement(parent, name)).trim();
}

/** The line where an element's text starts (the first line of a post's content). */
export function textLine(element: Element | undefined): number {
  const first = element?.children.find((node) => node.type === "text" || node.type === "cdata");
  return first?.position?.start.line ?? element?.position?.start.line ?? 1;
}

/** An item's postmeta as a map of key -> value (the first value of each key). */
export function postMeta(item: Element): Map<string, string> {
  const meta = new Map<string, string>();
  for (const entry of childElements(item, "wp:postmeta")) {
    const key = childText(entry, "wp:meta_key");
    if (!meta.has(key)) meta.set(key, textOf(childElement(entry, "wp:meta_value")));
  }
  return meta;
}
