import { createHash } from "node:crypto";
import { DERIVED_URL_PREFIX, ENCODERS, EXTENSIONS, MIME_TYPES, type ImageFormat } from "./image-options.ts";

/**
 * What to encode and where it is published: pure functions, no sharp, no fs.
 * Everything here is derived from the source's hash and size and the options,
 * so a plan names its files before anything is encoded (content addressing).
 */

/** A focal point as fractions of the width and height (0..1), from the left and top. */
export interface Focus {
  x: number;
  y: number;
}

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
}

export interface SourceFacts {
  /** Hash of the source file's bytes. */
  hash: string;
  /** Size after EXIF orientation. */
  width: number;
  height: number;
}

const PERCENT = /^\s*(\d{1,3}(?:\.\d+)?)%\s+(\d{1,3}(?:\.\d+)?)%\s*$/;

/** `"60% 30%"` (across, then down, as in CSS `object-position`) to a focus; undefined if malformed or above 100%. */
export function parseFocus(text: string): Focus | undefined {
  const match = PERCENT.exec(text);
  if (!match) return undefined;
  const x = Number(match[1]) / 100;
  const y = Number(match[2]) / 100;
  return x <= 1 && y <= 1 ? { x, y } : undefined;
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
export function derivativeKey(sourceHash: string, format: ImageFormat, crop: CropRect | undefined): string {
  const options = JSON.stringify({ v: 1, source: sourceHash, format, encoder: ENCODERS[format], crop: crop ?? null });
  return createHash("sha256").update(options).digest("hex").slice(0, 20);
}

export interface RenditionRequest {
  widths: readonly number[];
  formats: readonly ImageFormat[];
  /** Cut this region first (a focal crop); the widths then apply to it. */
  crop?: CropRect;
}

/** Plans a responsive image of a source: one derivative per width and format, never upscaled. */
export function planRendition(source: SourceFacts, request: RenditionRequest): PlannedRendition {
  const region = request.crop ?? { left: 0, top: 0, width: source.width, height: source.height };
  const widths = planWidths(region.width, request.widths);
  const heightOf = (width: number) => Math.max(1, Math.round((width * region.height) / region.width));
  const derivatives: DerivativeSpec[] = [];
  const sources = request.formats.map((format): PlannedSource => {
    const key = derivativeKey(source.hash, format, request.crop);
    const candidates = widths.map((width) => {
      const fileName = `${key}-${width}.${EXTENSIONS[format]}`;
      const height = heightOf(width);
      derivatives.push({ fileName, format, width, height, ...(request.crop ? { crop: request.crop } : {}) });
      return { url: DERIVED_URL_PREFIX + fileName, width, height };
    });
    return { format, mimeType: MIME_TYPES[format], candidates };
  });
  const largest = widths[widths.length - 1]!;
  return { width: largest, height: heightOf(largest), sources, derivatives };
}

/**
 * One fixed-size derivative (the social card): the focal crop of `size`'s
 * aspect, scaled down to `size` (never up: a small source gives a smaller card
 * of the same aspect).
 */
export function planFixedSize(
  source: SourceFacts,
  size: { width: number; height: number },
  format: ImageFormat,
  focus: Focus,
): DerivativeSpec & { url: string } {
  const crop = focalCrop(source.width, source.height, size.width / size.height, focus);
  const width = Math.min(size.width, crop.width);
  const height = Math.max(1, Math.round((width * size.height) / size.width));
  const fileName = `${derivativeKey(source.hash, format, crop)}-${width}x${height}.${EXTENSIONS[format]}`;
  return { fileName, url: DERIVED_URL_PREFIX + fileName, format, width, height, crop };
}
