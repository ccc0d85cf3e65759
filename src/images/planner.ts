import type { Focus } from "../content/focus.ts";
import type { ImageSource } from "../content/model.ts";
import { createHash } from "node:crypto";
import { ANIMATED_FORMAT_FOR, DERIVED_URL_PREFIX, ENCODERS, EXTENSIONS, MIME_TYPES, SVG_URL_PREFIX, type ImageFormat } from "./image-options.ts";

/**
 * What to encode and where it is published: pure functions, no sharp, no fs.
 * Everything here is derived from the source's hash and size and the options,
 * so a plan names its files before anything is encoded (content addressing).
 */


export const CENTER: Readonly<Focus> = Object.freeze({ x: 0.5, y: 0.5 });

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One file to encode. */
export interface DerivativeSpec {
  /** `<key>-<width>.<ext>`: the name in the cache and under /images/derived/. */
  fileName: string;
  format: ImageFormat;
  width: number;
  height: number;
  /** Region of the (auto-oriented) source to cut out before resizing; none = the whole image. */
  crop?: CropRect;
  /** Keeps every frame of an animated source (WebP, GIF). */
  isAnimated?: true;
  /** The source is SVG: sanitised first, then written as SVG or drawn at this size. */
  isVector?: true;
}

export interface Candidate {
  url: string;
  width: number;
  height: number;
}

export interface PlannedSource {
  format: ImageFormat;
  mimeType: string;
  candidates: Candidate[];
}

/** A responsive image as planned: what the markup needs, and the files behind it. */
export interface PlannedRendition {
  /** Intrinsic size: the largest derivative's. */
  width: number;
  height: number;
  sources: PlannedSource[];
  derivatives: DerivativeSpec[];
  /**
   * The sources a page offers and the fallback `<img src>`, made once per
   * plan (responsive-image.ts): the heroes of 10,000 articles sharing a
   * few hundred photos share these arrays, in memory and in the content state.
   */
  offered?: { sources: ImageSource[]; fallbackUrl: string };
}

/** A still picture, an animation (GIF or WebP with several frames), or a vector drawing (SVG). */
export type SourceKind = "still" | "animated" | "vector";

export interface SourceFacts {
  /** Hash of the source file's bytes. */
  hash: string;
  /** Size after EXIF orientation; an SVG's in CSS pixels (svg-size.ts). */
  width: number;
  height: number;
  /** Default "still". */
  kind?: SourceKind;
}

/** What a derivative's bytes depend on besides the source, format and crop. */
type DerivativeFlags = Pick<DerivativeSpec, "isAnimated" | "isVector">;

function flagsOf(source: SourceFacts, crop: CropRect | undefined): DerivativeFlags {
  // A crop (thumbnail, social card) is always a still: lists and cards do not move.
  if (source.kind === "animated" && !crop) return { isAnimated: true };
  if (source.kind === "vector") return { isVector: true };
  return {};
}

/** A focus as a CSS position (`object-position`), e.g. `"60% 30%"`. */
export function cssPosition(focus: Focus): string {
  const percent = (value: number) => `${Number((value * 100).toFixed(1))}%`;
  return `${percent(focus.x)} ${percent(focus.y)}`;
}

/**
 * The widths to publish for a source `sourceWidth` pixels wide: the requested
 * ones that do not upscale, plus the source's own width when some requested
 * width was larger (so the sharpest available version is offered). Sorted, unique.
 */
export function planWidths(sourceWidth: number, widths: readonly number[]): number[] {
  const fitting = widths.filter((width) => width <= sourceWidth);
  if (widths.some((width) => width > sourceWidth)) fitting.push(sourceWidth);
  return [...new Set(fitting.map((width) => Math.round(width)))].filter((width) => width > 0).sort((a, b) => a - b);
}

/**
 * The largest region of aspect `ratio` (width / height) that fits the source,
 * centred on the focus as far as the edges allow. Whole pixels.
 */
export function focalCrop(sourceWidth: number, sourceHeight: number, ratio: number, focus: Focus = CENTER): CropRect {
  let width = Math.min(sourceWidth, Math.round(sourceHeight * ratio));
  let height = Math.min(sourceHeight, Math.round(width / ratio));
  width = Math.max(1, width);
  height = Math.max(1, height);
  const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.round(value)), max);
  return {
    left: clamp(focus.x * sourceWidth - width / 2, sourceWidth - width),
    top: clamp(focus.y * sourceHeight - height / 2, sourceHeight - height),
    width,
    height,
  };
}

/**
 * Where the focus lies inside a crop, as fractions: used as CSS
 * `object-position` so a box that crops the image further (object-fit: cover)
 * keeps the focal point in view.
 */
export function focusInCrop(focus: Focus, crop: CropRect, sourceWidth: number, sourceHeight: number): Focus {
  const within = (value: number) => Math.min(1, Math.max(0, value));
  return {
    x: crop.width === 0 ? 0.5 : within((focus.x * sourceWidth - crop.left) / crop.width),
    y: crop.height === 0 ? 0.5 : within((focus.y * sourceHeight - crop.top) / crop.height),
  };
}

/**
 * The cache key of one source + crop + format + encoder settings. Widths are
 * in the file name, so adding a width re-encodes only that width, and a new
 * AVIF setting re-encodes only the AVIF files.
 */
export function derivativeKey(sourceHash: string, format: ImageFormat, crop: CropRect | undefined, flags: DerivativeFlags = {}): string {
  // Flags are added only when set, so that the keys of still photographs stay those of earlier builds.
  const options = JSON.stringify({
    v: 1,
    source: sourceHash,
    format,
    encoder: ENCODERS[format],
    crop: crop ?? null,
    ...(flags.isAnimated ? { animated: true } : {}),
    ...(flags.isVector ? { vector: ENCODERS.svg.sanitizer } : {}),
  });
  return createHash("sha256").update(options).digest("hex").slice(0, 20);
}

export interface RenditionRequest {
  widths: readonly number[];
  formats: readonly ImageFormat[];
  /** Cut this region first (a focal crop); the widths then apply to it. */
  crop?: CropRect;
}

/**
 * Plans a responsive image of a source: one derivative per width and format,
 * never upscaled. An SVG is one sanitised SVG file at every size (its crops
 * are drawn at any width: a vector is never blurred). An animation keeps its
 * frames as WebP, with one GIF at the `<img>`'s width (see ANIMATED_FORMAT_FOR).
 */
export function planRendition(source: SourceFacts, request: RenditionRequest): PlannedRendition {
  const flags = flagsOf(source, request.crop);
  if (flags.isVector && !request.crop) return planVector(source);
  const region = request.crop ?? { left: 0, top: 0, width: source.width, height: source.height };
  const widths = flags.isVector ? [...new Set(request.widths)].sort((a, b) => a - b) : planWidths(region.width, request.widths);
  const heightOf = (width: number) => Math.max(1, Math.round((width * region.height) / region.width));
  const derivatives: DerivativeSpec[] = [];
  const formats = flags.isAnimated ? animatedFormats(request.formats) : request.formats;
  const sources = formats.map((format): PlannedSource => {
    const key = derivativeKey(source.hash, format, request.crop, flags);
    // An animation's GIF is the fallback `<img>` only: one file, at the width a JPEG fallback would have.
    const formatWidths = format === "gif" ? [fallbackWidth(widths)] : widths;
    const candidates = formatWidths.map((width) => {
      const fileName = `${key}-${width}.${EXTENSIONS[format]}`;
      const height = heightOf(width);
      derivatives.push({ fileName, format, width, height, ...(request.crop ? { crop: request.crop } : {}), ...flags });
      return { url: DERIVED_URL_PREFIX + fileName, width, height };
    });
    return { format, mimeType: MIME_TYPES[format], candidates };
  });
  const largest = widths[widths.length - 1]!;
  return { width: largest, height: heightOf(largest), sources, derivatives };
}

/** The `<img>` fallback's width: the widest up to 800 px, else the narrowest. */
export function fallbackWidth(widths: readonly number[]): number {
  const fitting = widths.filter((width) => width <= 800);
  return fitting[fitting.length - 1] ?? widths[0]!;
}

function animatedFormats(formats: readonly ImageFormat[]): ImageFormat[] {
  return [...new Set(formats.map((format) => ANIMATED_FORMAT_FOR[format]).filter((format): format is ImageFormat => format !== undefined))];
}

/** An SVG source: one sanitised file under /images/svg/, shown at its own size. */
function planVector(source: SourceFacts): PlannedRendition {
  const fileName = `${derivativeKey(source.hash, "svg", undefined)}.svg`;
  const { width, height } = source;
  return {
    width,
    height,
    sources: [{ format: "svg", mimeType: MIME_TYPES.svg, candidates: [{ url: SVG_URL_PREFIX + fileName, width, height }] }],
    derivatives: [{ fileName, format: "svg", width, height, isVector: true }],
  };
}

/**
 * One fixed-size derivative (the social card): the focal crop of `size`'s
 * aspect, scaled down to `size` (never up: a small source gives a smaller card
 * of the same aspect; an SVG is drawn at `size`). Always a still.
 */
export function planFixedSize(
  source: SourceFacts,
  size: { width: number; height: number },
  format: ImageFormat,
  focus: Focus,
): DerivativeSpec & { url: string } {
  const crop = focalCrop(source.width, source.height, size.width / size.height, focus);
  const flags = flagsOf(source, crop);
  const width = flags.isVector ? size.width : Math.min(size.width, crop.width);
  const height = Math.max(1, Math.round((width * size.height) / size.width));
  const fileName = `${derivativeKey(source.hash, format, crop, flags)}-${width}x${height}.${EXTENSIONS[format]}`;
  return { fileName, url: DERIVED_URL_PREFIX + fileName, format, width, height, crop, ...flags };
}

export type { Focus };
