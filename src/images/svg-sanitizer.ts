import type { Element, ElementContent, Root } from "xast";
import { toXml } from "xast-util-to-xml";
import {
  HREF_REQUIRED_ELEMENTS,
  KEPT_ATTRIBUTE_PREFIXES,
  LINK_ONLY_ATTRIBUTES,
  LINKS_AS_GROUPS,
  LOCAL_HREF_ELEMENTS,
  SILENT_ELEMENTS,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  SVG_NAMESPACE,
  XHTML_NAMESPACE,
  XLINK_NAMESPACE,
  XML_NAMESPACE,
} from "./svg-allowlist.ts";
import { cssUrls, describeReference, isAllowedReference, isLocalReference, sanitizeCss } from "./svg-references.ts";
import { svgIntrinsicSize } from "./svg-size.ts";
import { parseSvgXml } from "./svg-xml.ts";

export { SVG_SANITIZER_VERSION } from "./image-options.ts";

export interface SanitizedSvg {
  ok: true;
  /** The published file's text. */
  svg: string;
  /** Shown size in CSS pixels (see svg-size.ts). */
  width: number;
  height: number;
  /** What was taken out, for the editor: `<script>`, `onload handler (2)`, `reference to https://...`. */
  removed: string[];
}

export type SvgSanitizeResult = SanitizedSvg | { ok: false; problem: string; hint: string };

const EXPORT_AGAIN = "open it in a drawing program and export it again as SVG";

/**
 * An SVG file as it may be published: parsed as XML (xast), then rebuilt
 * from an allowlist (svg-allowlist.ts) of SVG elements and attributes, with
 * every reference kept inside the file (svg-references.ts). No script, event
 * handler, foreignObject, link, `<use>` or image of another file, or
 * stylesheet import survives; shapes, text, styles, gradients, filters and
 * defs do. Editors' own data (Inkscape, Illustrator, metadata, comments) is
 * dropped without a word; everything else taken out is listed in `removed`.
 */
export function sanitizeSvg(text: string): SvgSanitizeResult {
  const parsed = parseSvgXml(text);
  if (!parsed.ok) return parsed;
  const root = parsed.tree.children.find((node): node is Element => node.type === "element");
  if (!root) return { ok: false, problem: "has no SVG element", hint: EXPORT_AGAIN };
  const scope = declarations(root, BASE_SCOPE);
  const name = resolveName(root.name, scope, true);
  if (name.namespace !== SVG_NAMESPACE || name.local !== "svg") {
    return { ok: false, problem: `is not an SVG picture (it starts with <${root.name}>)`, hint: "use a JPEG, PNG, GIF, WebP, AVIF or SVG file" };
  }
  const size = svgIntrinsicSize(root.attributes);
  if (!size) return { ok: false, problem: "has no size", hint: 'give its <svg> element a viewBox, like viewBox="0 0 640 400"' };
  const context = new SanitizeContext();
  noteStylesheetInstructions(parsed.tree, context);
  let clean: ElementContent[];
  try {
    clean = sanitizeElement(root, BASE_SCOPE, context);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problem: "is nested too deeply to read", hint: EXPORT_AGAIN };
    throw error;
  }
  const svg = clean[0] as Element;
  svg.attributes = { xmlns: SVG_NAMESPACE, ...(context.usesXlink ? { "xmlns:xlink": XLINK_NAMESPACE } : {}), ...svg.attributes };
  return { ok: true, svg: `${toXml({ type: "root", children: [svg] } satisfies Root, { closeEmptyElements: true })}\n`, ...size, removed: context.removedList() };
}

/** Collects what was removed, counted, in the order first met. */
class SanitizeContext {
  usesXlink = false;
  readonly #removed = new Map<string, number>();

  removed = (what: string): void => {
    this.#removed.set(what, (this.#removed.get(what) ?? 0) + 1);
  };

  removedList(): string[] {
    return [...this.#removed].map(([what, count]) => (count > 1 ? `${what} (${count})` : what));
  }
}

/** Namespace prefixes in scope ("" is the default namespace). `xlink` is assumed when a file forgets to declare it, as many do. */
type Scope = ReadonlyMap<string, string>;
const BASE_SCOPE: Scope = new Map([
  ["xml", XML_NAMESPACE],
  ["xlink", XLINK_NAMESPACE],
]);

function declarations(element: Element, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    scope ??= new Map(parent);
    scope.set(name === "xmlns" ? "" : name.slice("xmlns:".length), value ?? "");
  }
  return scope ?? parent;
}

/** An element without a prefix and no default namespace declared is taken as SVG (browsers would not show it; the published file declares it). */
function resolveName(qualified: string, scope: Scope, isElement: boolean): { namespace: string | undefined; local: string } {
  const colon = qualified.indexOf(":");
  if (colon === -1) return { namespace: isElement ? (scope.get("") ?? SVG_NAMESPACE) : undefined, local: qualified };
  const prefix = qualified.slice(0, colon);
  return { namespace: scope.get(prefix) ?? `undeclared:${prefix}`, local: qualified.slice(colon + 1) };
}

/** `<?xml-stylesheet href="..."?>` loads a stylesheet from another file: it is not carried over (nothing outside the root is). */
function noteStylesheetInstructions(tree: Root, context: SanitizeContext): void {
  for (const node of tree.children) if (node.type === "instruction" && node.name === "xml-stylesheet") context.removed("stylesheet from another file");
}

const ELEMENT_NOTES: Record<string, string> = {
  foreignObject: "<foreignObject> (HTML inside the picture)",
  feImage: "<feImage> (an image from another file)",
};

function sanitizeNode(node: ElementContent, scope: Scope, context: SanitizeContext): ElementContent[] {
  switch (node.type) {
    case "text":
      return [node];
    case "cdata":
      return [{ type: "text", value: node.value }];
    case "element":
      return sanitizeElement(node, scope, context);
    default:
      // Comments and processing instructions: not part of the picture.
      return [];
  }
}

function sanitizeElement(element: Element, parentScope: Scope, context: SanitizeContext): ElementContent[] {
  const scope = declarations(element, parentScope);
  const { namespace, local } = resolveName(element.name, scope, true);
  if (namespace !== SVG_NAMESPACE) {
    // Another vocabulary's elements are editors' data (Inkscape, Illustrator, RDF), except HTML.
    if (namespace === XHTML_NAMESPACE) context.removed("HTML inside the picture");
    return [];
  }
  if (SILENT_ELEMENTS.has(local)) return [];
  if (!SVG_ELEMENTS.has(local) && !LINKS_AS_GROUPS.has(local)) {
    context.removed(ELEMENT_NOTES[local] ?? `<${local}>`);
    return [];
  }
  const attributes = sanitizeAttributes(element, local, scope, context);
  if (!attributes) return [];
  const content: ElementContent[] =
    local === "style" ? [{ type: "text", value: sanitizeCss(textOf(element), context.removed) }] : withoutRepeatedSpace(element.children.flatMap((child) => sanitizeNode(child, scope, context)));
  return [{ type: "element", name: LINKS_AS_GROUPS.has(local) ? "g" : local, attributes, children: content }];
}

/** Where removed elements leave runs of line breaks, one stays: whitespace between elements renders as one space at most. */
function withoutRepeatedSpace(nodes: ElementContent[]): ElementContent[] {
  const isSpace = (node: ElementContent | undefined) => node?.type === "text" && node.value.trim() === "";
  return nodes.filter((node, index) => !(isSpace(node) && isSpace(nodes[index - 1])));
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === "text" || child.type === "cdata" ? child.value : "")).join("");
}

/** An element's `href` and `xlink:href` (files carry either, and some both). */
function hrefsOf(element: Element, scope: Scope): { name: string; value: string }[] {
  return Object.entries(element.attributes).flatMap(([name, value]) => {
    if (value == null) return [];
    const resolved = resolveName(name, scope, false);
    const isHref = resolved.local === "href" && (resolved.namespace === undefined || resolved.namespace === XLINK_NAMESPACE);
    return isHref ? [{ name, value }] : [];
  });
}

/** Animations that would set a link or a handler: `<set attributeName="href" to="javascript:...">`. */
const DANGEROUS_ANIMATION_TARGET = /^\s*(?:(?:xlink:)?href|on\w*)\s*$/i;
/** A script URL anywhere in a value, with the spaces and control characters browsers skip removed. */
const SCRIPT_URL = /(?:java|vb)script:/i;

/** The attributes an element keeps, or undefined when the element goes (a `<use>` of another file, an animation of a link). */
function sanitizeAttributes(element: Element, local: string, scope: Scope, context: SanitizeContext): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  for (const [qualified, value] of Object.entries(element.attributes)) {
    if (value == null || qualified === "xmlns" || qualified.startsWith("xmlns:")) continue;
    const { namespace, local: name } = resolveName(qualified, scope, false);
    if (namespace === XML_NAMESPACE) {
      if (name === "space" || name === "lang") kept[`xml:${name}`] = value;
      else context.removed(`xml:${name} attribute`);
      continue;
    }
    if (namespace === XLINK_NAMESPACE || (namespace === undefined && name === "href")) continue; // hrefs below
    if (namespace !== undefined) continue; // editors' attributes (inkscape:label, sodipodi:role)
    if (/^on/i.test(name)) {
      context.removed(`${name} handler`);
      continue;
    }
    if (LINKS_AS_GROUPS.has(local) && LINK_ONLY_ATTRIBUTES.has(name)) continue;
    if (!SVG_ATTRIBUTES.has(name) && !KEPT_ATTRIBUTE_PREFIXES.test(name)) {
      context.removed(`${name} attribute`);
      continue;
    }
    if (name === "attributeName" && DANGEROUS_ANIMATION_TARGET.test(value)) {
      context.removed(`animation of ${value.trim()}`);
      return undefined;
    }
    const checked = name === "style" ? sanitizeCss(value, context.removed) : checkedValue(value, context);
    if (checked !== undefined && checked.trim() !== "") kept[name] = checked;
  }
  return withHref(element, local, scope, kept, context);
}

/** A value that loads nothing: every `url()` in it points inside the file, and no script URL hides in it. */
function checkedValue(value: string, context: SanitizeContext): string | undefined {
  const outside = cssUrls(value).find((url) => !isAllowedReference(url, { embedded: false }));
  if (outside !== undefined) {
    context.removed(describeReference(outside));
    return undefined;
  }
  if (SCRIPT_URL.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""))) {
    context.removed("javascript: link");
    return undefined;
  }
  return value;
}

/** Adds the element's href if it may have one and it points where allowed; undefined if the element needs the href it lost. */
function withHref(element: Element, local: string, scope: Scope, kept: Record<string, string>, context: SanitizeContext): Record<string, string> | undefined {
  const isAllowed = (value: string) =>
    local === "image" ? isAllowedReference(value, { embedded: true }) : LOCAL_HREF_ELEMENTS.has(local) && isLocalReference(value);
  let hasHref = false;
  for (const href of hrefsOf(element, scope)) {
    if (!hasHref && isAllowed(href.value)) {
      const isXlink = href.name !== "href";
      if (isXlink) context.usesXlink = true;
      kept[isXlink ? "xlink:href" : "href"] = href.value;
      hasHref = true;
      continue;
    }
    // A link to a part of the same file goes quietly with the link; anything else is said.
    const isLocalLink = LINKS_AS_GROUPS.has(local) && isLocalReference(href.value);
    if (href.value.trim() !== "" && !isLocalLink && !isAllowed(href.value)) context.removed(describeReference(href.value));
  }
  return hasHref || !HREF_REQUIRED_ELEMENTS.has(local) ? kept : undefined;
}
