import type { Element, ElementContent, Parents, Root } from "hast";
import type { VFile } from "vfile";
import type { LocalImagesOptions, ResolvedLocalImage } from "../remark-local-images.ts";
import { pictureElement } from "../remark-local-images.ts";
import type { SiteLink } from "../remark-link-policy.ts";
import { reportRule } from "../report-rule.ts";
import { aliasTarget, classifyUrl, isTrustedHost, sitePathOf } from "../url-policy.ts";
import type { Removal } from "./find-removals.ts";

export interface TrustedHosts {
  /** Hosts whose pages may be embedded with <iframe> (video players, maps, charts). */
  iframes: readonly string[];
  /** Hosts whose images may be shown from there, with their width and height. */
  images: readonly string[];
}

/** A local audio or video file as the body refers to it. */
export type MediaResult = { ok: true; url: string } | { ok: false; problem: string; hint: string };

export interface RawElementOptions extends LocalImagesOptions {
  siteOrigin: string;
  trustedHosts: TrustedHosts;
  /** Old addresses of the site's pages and where each now is: a link to one is rewritten. */
  aliases: Readonly<Record<string, string>>;
  /** Resolves a path written in the body (relative to it) to a published audio or video file. */
  resolveMedia: (written: string, file: VFile) => MediaResult;
}

/** What raw HTML ids become: they share the page with the site's own ids. */
export const RAW_ID_PREFIX = "user-content-";
const EXTERNAL_REL = ["noopener", "noreferrer"];
const IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

/**
 * The rules for elements written as raw HTML, before the sanitiser runs:
 * links as in Markdown (script URLs are errors, other sites get rel, same-site
 * links are checked), local images through the image pipeline, images from
 * other sites only from trusted hosts and with their size, iframes only from
 * trusted hosts (sandboxed, titled, lazy; others become a link), audio and
 * video only from local files, ids prefixed so that they cannot clash with
 * the page's own. Elements our own plugins made (`isOwn`) are left alone.
 */
export async function applyRawElementPolicies(tree: Root, file: VFile, options: RawElementOptions, isOwn: (element: Element) => boolean): Promise<Removal[]> {
  const rawIds = new Set<string>();
  const removals: Removal[] = [];
  const pending: Promise<void>[] = [];
  const siteLinks = (file.data.siteLinks ??= []);
  const localImages: ResolvedLocalImage[] = (file.data.localImages ??= []);
  const replace = (parent: Parents, element: Element, by: ElementContent[]) => {
    parent.children.splice(parent.children.indexOf(element), 1, ...by);
  };
  const seen = new Set<Element>();
  const visit = (parent: Parents) => {
    // By index over the live list: a policy may replace an element by others (a link by its text), and those are visited in turn.
    for (let index = 0; index < parent.children.length; ) {
      const child = parent.children[index]!;
      if (child.type !== "element" || seen.has(child)) {
        if (child.type === "element") visit(child);
        index++;
        continue;
      }
      seen.add(child);
      if (!isOwn(child)) {
        prefixIds(child, rawIds);
        const policy = POLICIES[child.tagName];
        const result = policy?.(child, parent, file, options, { siteLinks, localImages, replace, removals });
        if (result instanceof Promise) {
          // Replaced once its image is resolved: nothing inside it needs a policy.
          pending.push(result);
          index++;
          continue;
        }
        if (parent.children[index] !== child) continue;
      }
      visit(child);
      index++;
    }
  };
  visit(tree);
  await Promise.all(pending);
  if (rawIds.size > 0) prefixFragmentLinks(tree, rawIds);
  return removals;
}

/**
 * The attributes of a raw element that its replacement does not carry (an
 * `onerror` on an image that becomes our <picture>), as removals to report:
 * a replaced element must not lose anything without a word.
 */
function droppedAttributes(element: Element, kept: readonly string[]): Removal[] {
  return Object.keys(element.properties)
    .filter((key) => !kept.includes(key))
    .map((attribute) => ({ kind: "attribute" as const, tagName: element.tagName, attribute, position: element.position }));
}

/** What a raw <img> may say of itself; our <picture> or the trusted image carries these. */
const IMG_KEPT = ["src", "alt", "title", "width", "height", "loading", "decoding", "id"];
const IFRAME_KEPT = ["src", "title", "width", "height", "loading", "allow", "allowFullScreen", "sandbox", "referrerPolicy", "frameBorder", "id"];

/** `id` and `name` (old anchors, `<a name="x">`) become prefixed ids; `name` is obsolete. */
function prefixIds(element: Element, rawIds: Set<string>): void {
  const { properties } = element;
  const id = properties.id ?? (element.tagName === "a" ? properties.name : undefined);
  delete properties.name;
  if (typeof id === "string" && id !== "") {
    rawIds.add(id);
    properties.id = id.startsWith(RAW_ID_PREFIX) ? id : RAW_ID_PREFIX + id;
  } else {
    delete properties.id;
  }
}

/** Links to the body's own raw ids ("#glossary") follow them to their prefixed form. */
function prefixFragmentLinks(tree: Root, rawIds: ReadonlySet<string>): void {
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const href = child.properties.href;
      if (child.tagName === "a" && typeof href === "string" && href.startsWith("#") && rawIds.has(decodeURIComponent(href.slice(1)))) {
        child.properties.href = `#${RAW_ID_PREFIX}${href.slice(1)}`;
      }
      visit(child);
    }
  };
  visit(tree);
}

type Replace = (parent: Parents, element: Element, by: ElementContent[]) => void;

interface PolicyContext {
  siteLinks: SiteLink[];
  localImages: ResolvedLocalImage[];
  replace: Replace;
  /** What a policy dropped in replacing an element, reported with the sanitiser's removals. */
  removals: Removal[];
}

type Policy = (element: Element, parent: Parents, file: VFile, options: RawElementOptions, context: PolicyContext) => void | Promise<void>;

/** The elements of raw HTML that have a rule of their own, by tag name. */
const POLICIES: Record<string, Policy> = {
  a: (element, parent, file, options, { siteLinks, replace }) => linkPolicy(element, parent, file, options, siteLinks, replace),
  img: (element, parent, file, options, { localImages, replace, removals }) => {
    removals.push(...droppedAttributes(element, IMG_KEPT));
    return imagePolicy(element, parent, file, options, localImages, replace);
  },
  picture: (element, parent, file, options, { localImages, replace, removals }) => {
    const img = element.children.find((child): child is Element => child.type === "element" && child.tagName === "img");
    if (img) removals.push(...droppedAttributes(img, IMG_KEPT));
    return picturePolicy(element, parent, file, options, localImages, replace);
  },
  iframe: (element, parent, file, options, { replace, removals }) => {
    removals.push(...droppedAttributes(element, IFRAME_KEPT));
    iframePolicy(element, parent, file, options, replace);
  },
  video: (element, parent, file, options, { replace }) => mediaPolicy(element, parent, file, options, replace),
  // The schema allows <input> for Markdown task lists (a ticked box); one written in raw HTML is a form control.
  input: (element, parent, file, _options, { replace }) => {
    reportRule(file, element.position, "html/removed-element", { what: "<input>", count: 1, reason: "forms in an article cannot send anything" });
    replace(parent, element, []);
  },
  audio: (element, parent, file, options, { replace }) => mediaPolicy(element, parent, file, options, replace),
};

function linkPolicy(element: Element, parent: Parents, file: VFile, options: RawElementOptions, siteLinks: SiteLink[], replace: Replace): void {
  const href = element.properties.href;
  if (typeof href !== "string") return;
  const kind = classifyUrl(href, options.siteOrigin);
  if (kind.kind === "dangerous" || kind.kind === "unsupported" || kind.kind === "data-image") {
    const scheme = kind.kind === "data-image" ? "data" : kind.scheme;
    reportRule(file, element.position, kind.kind === "unsupported" ? "links/unsupported-scheme" : "links/dangerous-url", { url: href, scheme });
    replace(parent, element, element.children);
    return;
  }
  if (kind.kind === "web") {
    element.properties.href = kind.href;
    if (!kind.isSameSite) element.properties.rel = EXTERNAL_REL;
  }
  const moved = aliasTarget(kind, options.aliases);
  if (moved !== undefined) element.properties.href = moved;
  // Links open in the reader's tab; rel covers what target="_blank" was for.
  if (element.properties.target !== undefined) {
    reportRule(file, element.position, "html/removed-attribute", { what: "the target attribute of <a>", count: 1, reason: "links open in the reader's own tab" });
    delete element.properties.target;
  }
  const path = sitePathOf(moved === undefined ? kind : classifyUrl(moved, options.siteOrigin));
  if (path !== undefined) siteLinks.push({ path, written: href, line: (element.position?.start.line ?? 1) + (file.data.bodyLineOffset ?? 0), column: element.position?.start.column ?? 1 });
}

async function imagePolicy(
  element: Element,
  parent: Parents,
  file: VFile,
  options: RawElementOptions,
  localImages: ResolvedLocalImage[],
  replace: Replace,
): Promise<void> {
  const src = element.properties.src;
  const alt = typeof element.properties.alt === "string" ? element.properties.alt : "";
  const title = typeof element.properties.title === "string" ? element.properties.title : undefined;
  const position = element.position;
  if (typeof src !== "string" || src.trim() === "") {
    reportRule(file, position, "images/no-src", {});
    return replace(parent, element, []);
  }
  const kind = classifyUrl(src, options.siteOrigin);
  if (kind.kind === "relative") {
    if (!alt.trim()) reportRule(file, position, "images/missing-alt", { where: "html" });
    const context = { alt, position };
    const result = await options.resolveImage(src, file, context);
    localImages.push({ written: src, context, result });
    if (!result.ok) {
      reportRule(file, position, result.ruleId, { reason: result.problem, hint: result.hint });
      return replace(parent, element, []);
    }
    return replace(parent, element, [pictureElement(result.image, alt, title)]);
  }
  if (kind.kind === "web" && isTrustedHost(kind.host, options.trustedHosts.images)) {
    const { width, height } = element.properties;
    if (!isPixels(width) || !isPixels(height)) {
      reportRule(file, position, "images/remote-needs-size", { url: src });
      return replace(parent, element, []);
    }
    if (!alt.trim()) reportRule(file, position, "images/missing-alt", { where: "html" });
    element.properties = { src: kind.href, alt, width, height, ...(title ? { title } : {}), loading: "lazy", decoding: "async", referrerPolicy: "no-referrer" };
    return;
  }
  if (kind.kind === "web") reportRule(file, position, "images/remote", { url: src, host: kind.host });
  else if (kind.kind === "data-image") reportRule(file, position, "images/inline-data", {});
  else if (kind.kind === "dangerous" || kind.kind === "unsupported") reportRule(file, position, "links/dangerous-url", { url: src, scheme: kind.scheme });
  else reportRule(file, position, "images/no-src", {});
  replace(parent, element, []);
}

/** A raw `<picture>` is its `<img>`: our pipeline makes the sources. */
async function picturePolicy(element: Element, parent: Parents, file: VFile, options: RawElementOptions, localImages: ResolvedLocalImage[], replace: Replace): Promise<void> {
  const img = element.children.find((child): child is Element => child.type === "element" && child.tagName === "img");
  if (!img) {
    reportRule(file, element.position, "images/no-src", {});
    return replace(parent, element, []);
  }
  replace(parent, element, [img]);
  await imagePolicy(img, parent, file, options, localImages, replace);
}

function isPixels(value: unknown): boolean {
  return (typeof value === "number" && value > 0) || (typeof value === "string" && /^\d+$/.test(value) && Number(value) > 0);
}

function iframePolicy(element: Element, parent: Parents, file: VFile, options: RawElementOptions, replace: Replace): void {
  const src = typeof element.properties.src === "string" ? element.properties.src : "";
  const kind = classifyUrl(src, options.siteOrigin);
  if (kind.kind === "dangerous" || kind.kind === "unsupported") {
    reportRule(file, element.position, "links/dangerous-url", { url: src, scheme: kind.scheme });
    return replace(parent, element, []);
  }
  if (kind.kind !== "web") {
    reportRule(file, element.position, "html/removed-element", { what: "<iframe>", count: 1, reason: "it has no web address to embed" });
    return replace(parent, element, []);
  }
  if (!kind.href.startsWith("https:") || !isTrustedHost(kind.host, options.trustedHosts.iframes)) {
    reportRule(file, element.position, "html/iframe-not-trusted", { host: kind.host });
    // The reader still reaches what was embedded.
    const link: Element = { type: "element", tagName: "a", properties: { href: kind.href, rel: EXTERNAL_REL }, children: [{ type: "text", value: `Embedded content from ${kind.host}` }] };
    return replace(parent, element, [{ type: "element", tagName: "p", properties: {}, children: [link] }]);
  }
  let title = typeof element.properties.title === "string" ? element.properties.title.trim() : "";
  if (!title) {
    title = `Embedded content from ${kind.host}`;
    reportRule(file, element.position, "html/iframe-untitled", { title });
  }
  const { width, height } = element.properties;
  element.properties = {
    src: kind.href,
    title,
    ...(isPixels(width) && isPixels(height) ? { width, height } : {}),
    loading: "lazy",
    sandbox: IFRAME_SANDBOX.split(" "),
    allow: "fullscreen; picture-in-picture; encrypted-media",
    referrerPolicy: "strict-origin-when-cross-origin",
    allowFullScreen: true,
  };
  element.children = [];
  replace(parent, element, [{ type: "element", tagName: "div", properties: { className: ["embed"] }, children: [element] }]);
}

const MEDIA_ATTRIBUTES_REMOVED: [string, string][] = [
  ["autoPlay", "audio and video play when the reader asks"],
  ["poster", "the first frame is shown until the reader plays it"],
];

/** `<video>` and `<audio>` play local files only, with controls; sources and captions from elsewhere are dropped. */
function mediaPolicy(element: Element, parent: Parents, file: VFile, options: RawElementOptions, replace: Replace): void {
  const localUrl = (src: unknown, position = element.position): string | undefined => {
    if (typeof src !== "string" || src.trim() === "") return undefined;
    const kind = classifyUrl(src, options.siteOrigin);
    if (kind.kind !== "relative") {
      if (kind.kind === "dangerous") reportRule(file, position, "links/dangerous-url", { url: src, scheme: kind.scheme });
      else reportRule(file, position, "html/media-not-local", { url: src });
      return undefined;
    }
    const media = options.resolveMedia(src, file);
    if (!media.ok) {
      reportRule(file, position, "html/media-not-found", { reason: media.problem, hint: media.hint });
      return undefined;
    }
    return media.url;
  };
  const src = element.properties.src === undefined ? undefined : localUrl(element.properties.src);
  if (src) element.properties.src = src;
  else delete element.properties.src;
  for (const [property, reason] of MEDIA_ATTRIBUTES_REMOVED) {
    if (element.properties[property] === undefined) continue;
    reportRule(file, element.position, "html/removed-attribute", { what: `the ${property.toLowerCase()} attribute of <${element.tagName}>`, count: 1, reason });
    delete element.properties[property];
  }
  element.properties.controls = true;
  element.children = element.children.filter((child) => {
    if (child.type !== "element" || (child.tagName !== "source" && child.tagName !== "track")) return child.type === "element" || child.type === "text";
    const url = localUrl(child.properties.src, child.position);
    if (!url) return false;
    child.properties.src = url;
    return true;
  });
  const playable = src !== undefined || element.children.some((child) => child.type === "element" && child.tagName === "source");
  if (!playable) replace(parent, element, []);
}
