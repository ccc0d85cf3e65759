import type { Element, ElementContent, Nodes, Parents, Root } from "hast";
import { toText } from "hast-util-to-text";
import { embedFor, type Embed } from "./embeds.ts";
import { placeAt, type BodyContext } from "./body-context.ts";
import { isMediaPath } from "./media-library.ts";

/** Elements whose content never reaches a reader, and why: left out, with a warning. */
const DROPPED: Record<string, string> = {
  script: "scripts never run on the site",
  noscript: "it only shows when scripts are off",
  style: "pages use the site's own styles",
  link: "pages use the site's own styles",
  meta: "it is page metadata",
  form: "forms are not kept",
  button: "forms are not kept",
  select: "forms are not kept",
  textarea: "forms are not kept",
  object: "plugins are not kept",
  embed: "plugins are not kept",
  applet: "plugins are not kept",
  svg: "inline drawings are not kept (save them as .svg files)",
  math: "inline formulas are not kept",
  template: "templates are not content",
  canvas: "it is drawn by scripts",
};

/** Attributes an image keeps: the build makes its own sizes and formats. */
const IMAGE_ATTRIBUTES = ["src", "alt", "title"];

/**
 * Cleans a body's HTML for conversion: comments and elements that cannot be
 * kept go (each a warning at its line); WordPress's captions, galleries and
 * embed blocks become plain figures, images and iframes; media are copied
 * and pointed at content/images/; links to old posts point at their new pages.
 */
export function prepareHtml(tree: Root, context: BodyContext): void {
  transformChildren(tree, context);
}

function transformChildren(parent: Parents, context: BodyContext): void {
  const children: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    const replaced = transformNode(child, context);
    for (const node of replaced) children.push(node as never);
  }
  parent.children = children as never;
}

/** One node, as the nodes that take its place (none, itself, or others). */
function transformNode(node: Nodes, context: BodyContext): ElementContent[] {
  if (node.type === "comment" || node.type === "doctype") return [];
  if (node.type !== "element") return node.type === "root" ? [] : [node as ElementContent];
  const name = node.tagName;
  const line = node.position?.start.line;
  if (name in DROPPED) {
    context.report.warn("dropped-html", placeAt(context, line), `<${name}> left out: ${DROPPED[name]}`);
    return [];
  }
  if (hasClass(node, "wp-block-embed")) return [embedBlock(node, context)];
  if (hasClass(node, "wp-block-gallery") || hasClass(node, "gallery") || hasClass(node, "tiled-gallery")) return galleryImages(node, context);
  if (name === "div" && hasClass(node, "wp-caption")) return transformNode(captionFigure(node), context);
  dropPresentation(node);
  if (name === "iframe") return [iframeOrLink(node, context)];
  if (name === "img") return [image(node, context)];
  if (name === "a" && typeof node.properties.href === "string") return link(node, context);
  if (name === "video" || name === "audio" || name === "source") {
    const replaced = media(node, context);
    if (replaced !== node) return [replaced];
  }
  transformChildren(node, context);
  return [node];
}

/** Attributes that only styled the old site (classes, inline styles, data-*, old layout attributes): the new site has its own. */
const PRESENTATION = /^(className|style|align|valign|border|cellPadding|cellSpacing|bgColor|frameBorder|color|face|size|data[A-Z].*)$/;

function dropPresentation(node: Element): void {
  for (const key of Object.keys(node.properties)) if (PRESENTATION.test(key)) delete node.properties[key];
}

function image(node: Element, context: BodyContext): ElementContent {
  const src = String(node.properties.src ?? "").trim();
  const place = placeAt(context, node.position?.start.line);
  const alt = typeof node.properties.alt === "string" ? node.properties.alt.trim() : "";
  if (!src) return textNode(alt);
  const resolved = context.media.resolve(src, place, context.mediaBase);
  if (resolved.kind === "remote") {
    context.report.warn("remote-image", place, `the image ${src} is on another site: kept as a link`);
    return element("a", { href: src }, [textNode(alt || src)]);
  }
  if (!alt) context.report.warn("images-without-alt", place, `the image ${src} has no alt text`);
  const properties: Element["properties"] = {};
  for (const key of IMAGE_ATTRIBUTES) if (node.properties[key] !== undefined) properties[key] = node.properties[key];
  properties.src = resolved.reference;
  return { ...node, properties, children: [] };
}

/** A link: to an old post's new page; a link around an image that only opens the image file goes. */
function link(node: Element, context: BodyContext): ElementContent[] {
  const href = String(node.properties.href);
  const onlyImage = node.children.filter((child) => !(child.type === "text" && !child.value.trim()));
  if (isMediaPath(href) && onlyImage.length === 1 && onlyImage[0]!.type === "element" && onlyImage[0]!.tagName === "img") {
    return transformNode(onlyImage[0]!, context);
  }
  node.properties = { href: rewriteLink(href, context, node.position?.start.line), ...(node.properties.title ? { title: node.properties.title } : {}) };
  transformChildren(node, context);
  return [node];
}

/** A link's new address; one to a page of the old site that was not imported is reported (the build reports it too). */
export function rewriteLink(href: string, context: BodyContext, line: number | undefined): string {
  const rewritten = context.links.rewrite(href);
  if (rewritten.isPageNotImported) context.report.warn("link-not-imported", placeAt(context, line), `the link to ${href} leads to a page of the old site that was not imported`);
  return rewritten.url;
}

function iframeOrLink(node: Element, context: BodyContext): ElementContent {
  const src = String(node.properties.src ?? "");
  const title = typeof node.properties.title === "string" ? node.properties.title : undefined;
  return embedElement(embedFor(src, title), context, node.position?.start.line, title);
}

function embedElement(embed: Embed, context: BodyContext, line: number | undefined, title?: string): Element {
  if (embed.kind === "iframe") {
    context.iframeHosts.add(embed.host);
    return element("iframe", { src: embed.src, title: embed.title, width: "560", height: "315", loading: "lazy", allowFullScreen: true }, []);
  }
  context.report.warn("embed-as-link", placeAt(context, line), `the embed of ${embed.url} is kept as a link`);
  return element("p", {}, [element("a", { href: rewriteLink(embed.url, context, line) }, [textNode(title?.trim() || embed.url)])]);
}

/** A WordPress embed block: the URL inside its wrapper, and its caption. */
function embedBlock(node: Element, context: BodyContext): Element {
  const caption = findElement(node, "figcaption");
  const wrapper = node.children.find((child): child is Element => child.type === "element" && child.tagName !== "figcaption");
  const iframe = findElement(node, "iframe");
  const url = iframe ? String(iframe.properties.src ?? "") : toText(wrapper ?? node).trim().split(/\s+/)[0] ?? "";
  const embedded = embedElement(embedFor(url), context, node.position?.start.line);
  if (!caption || embedded.tagName !== "iframe") return embedded;
  transformChildren(caption, context);
  return element("figure", {}, [embedded, caption]);
}

/** A gallery as its images in order, each a figure when it has a caption. */
function galleryImages(node: Element, context: BodyContext): ElementContent[] {
  const items: ElementContent[] = [];
  const collect = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "img") items.push(element("p", {}, [image(child, context)]));
      else if (child.tagName === "figure" && findElement(child, "img")) items.push(...transformNode(child, context));
      else if (child.tagName === "dl" && hasClass(child, "gallery-item")) items.push(...transformNode(galleryItemFigure(child), context));
      else collect(child);
    }
  };
  collect(node);
  return items;
}

/** A classic gallery item (<dl><dt><img></dt><dd>caption</dd></dl>) as a figure. */
function galleryItemFigure(item: Element): Element {
  const img = findElement(item, "img");
  const caption = findElement(item, "dd");
  const text = caption ? toText(caption).trim() : "";
  return element("figure", {}, [...(img ? [img] : []), ...(text ? [element("figcaption", {}, [textNode(text)])] : [])]);
}

/** Classic WordPress's rendered caption (<div class="wp-caption"><img><p class="wp-caption-text">) as a figure. */
function captionFigure(node: Element): Element {
  const caption = node.children.find((child): child is Element => child.type === "element" && hasClass(child, "wp-caption-text"));
  const rest = node.children.filter((child) => child !== caption);
  return element("figure", {}, [...rest, ...(caption ? [element("figcaption", {}, caption.children)] : [])]);
}

function media(node: Element, context: BodyContext): ElementContent {
  const src = typeof node.properties.src === "string" ? node.properties.src : undefined;
  if (src) {
    const place = placeAt(context, node.position?.start.line);
    const resolved = context.media.resolve(src, place, context.mediaBase);
    if (resolved.kind === "remote") {
      context.report.warn("remote-media", place, `the ${node.tagName === "source" ? "media" : node.tagName} ${src} is on another site: kept as a link`);
      return element("a", { href: src }, [textNode(src)]);
    }
    node.properties.src = resolved.reference;
  }
  if (node.tagName !== "source") node.properties = { ...pick(node.properties, ["src", "width", "height", "loop", "muted", "playsInline"]), controls: true };
  transformChildren(node, context);
  return node;
}

function pick(properties: Element["properties"], keys: readonly string[]): Element["properties"] {
  return Object.fromEntries(keys.filter((key) => properties[key] !== undefined).map((key) => [key, properties[key]]));
}

export function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

export function findElement(node: Element | Root, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

export function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function textNode(value: string): ElementContent {
  return { type: "text", value };
}
