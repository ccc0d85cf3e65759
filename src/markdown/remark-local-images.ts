import type { Element, ElementContent } from "hast";
import type { Image, Root } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { eachNode } from "./each-node.ts";
import { reportRule } from "./report-rule.ts";
import type { ResponsiveImage } from "../content/model.ts";

/** What the resolver gives back for a body image: its derivatives (alt comes from the Markdown). */
export type LocalImageRendition = Pick<ResponsiveImage, "url" | "width" | "height" | "sources">;

export type LocalImageResult =
  | { ok: true; image: LocalImageRendition }
  | { ok: false; problem: string; hint: string; ruleId: LocalImageRuleId };

/** Why a local image could not be used. */
export type LocalImageRuleId = "images/image-not-found" | "images/not-an-image" | "images/too-large";

export interface LocalImageContext {
  alt: string;
  /** Where the image is written in the Markdown body. */
  position: Position | undefined;
}

/** One body image as it was resolved: a cached render is valid while the same request resolves the same way. */
export interface ResolvedLocalImage {
  written: string;
  context: LocalImageContext;
  result: LocalImageResult;
}

declare module "vfile" {
  interface DataMap {
    /** The body's local images in document order. */
    localImages: ResolvedLocalImage[];
  }
}

export interface LocalImagesOptions {
  /** Resolves a path written in the file (relative to it) to a published responsive image. */
  resolveImage: (written: string, file: VFile, context: LocalImageContext) => Promise<LocalImageResult>;
}

/**
 * The slot a body image fills, matching public/css/site.css: the text column
 * is 36rem at most, and the viewport less the gutters (4vw each) below 40em.
 */
export const BODY_IMAGE_SIZES = "(max-width: 39.99em) 92vw, 36rem";

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

const srcset = (candidates: LocalImageRendition["sources"][number]["candidates"]) =>
  candidates.map((candidate) => `${candidate.url} ${candidate.width}w`).join(", ");

/**
 * Body images stored in the repository become a `<picture>`: AVIF and WebP
 * sources and a JPEG `<img>` with srcset and sizes, the intrinsic
 * width/height (no layout shift), lazy loading and async decoding.
 * Missing alt text is an error for new work (an archive article's is a
 * warning: see the archive policy): a blind reader would get nothing.
 */
export function remarkLocalImages(options: LocalImagesOptions) {
  return async (tree: Root, file: VFile) => {
    const images: Image[] = [];
    eachNode(tree, (node) => {
      if (node.type !== "image") return;
      if (!node.alt?.trim()) reportRule(file, node.position, "images/missing-alt", { where: "markdown" });
      if (!HAS_SCHEME.test(node.url)) images.push(node);
    });
    file.data.localImages = await Promise.all(
      images.map(async (node): Promise<ResolvedLocalImage> => {
        const context = { alt: node.alt ?? "", position: node.position };
        const result = await options.resolveImage(node.url, file, context);
        const resolved = { written: node.url, context, result };
        if (!result.ok) {
          reportRule(file, node.position, result.ruleId, { reason: result.problem, hint: result.hint });
          return resolved;
        }
        node.data = { ...node.data, hName: "picture", hProperties: { src: undefined, alt: undefined, title: undefined }, hChildren: pictureChildren(result.image, node.alt ?? "", node.title ?? undefined) };
        return resolved;
      }),
    );
  };
}

/** A body image as a `<picture>`: what a Markdown image and a raw `<img>` of a local file both become. */
export function pictureElement(image: LocalImageRendition, alt: string, title?: string): Element {
  return { type: "element", tagName: "picture", properties: {}, children: pictureChildren(image, alt, title) };
}

function pictureChildren(image: LocalImageRendition, alt: string, title: string | undefined): ElementContent[] {
  const jpeg = image.sources.find((source) => source.format === "jpeg");
  const sources: Element[] = image.sources
    .filter((source) => source !== jpeg)
    .map((source) => ({
      type: "element",
      tagName: "source",
      properties: { type: source.mimeType, srcSet: srcset(source.candidates), sizes: BODY_IMAGE_SIZES },
      children: [],
    }));
  const img: Element = {
    type: "element",
    tagName: "img",
    properties: {
      src: image.url,
      alt,
      ...(title ? { title } : {}),
      width: image.width,
      height: image.height,
      ...(jpeg ? { srcSet: srcset(jpeg.candidates), sizes: BODY_IMAGE_SIZES } : {}),
      loading: "lazy",
      decoding: "async",
    },
    children: [],
  };
  return [...sources, img];
}
