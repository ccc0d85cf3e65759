import os from "node:os";
import path from "node:path";
import { cacheFolder } from "../cache/cache-folders.ts";

/** Part of derivatives' cache keys: raise it when the SVG sanitiser (svg-sanitizer.ts) would give the same file out differently. */
export const SVG_SANITIZER_VERSION = 1;

/** What derivatives are written as: the three still formats, GIF for animations' fallback, and sanitised SVG. */
export type ImageFormat = "avif" | "webp" | "jpeg" | "gif" | "svg";

export const MIME_TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml" };
export const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", gif: "gif", svg: "svg" };

/**
 * Encoder settings per format, chosen by measuring size, time and SSIM on the
 * sample photographs (README, Decisions: "Encoder settings"). Changing one
 * changes the cache key of that format's derivatives only.
 */
export const ENCODERS = {
  avif: { quality: 55, effort: 2 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 75, progressive: true, mozjpeg: false },
  // sharp's defaults; only an animation's fallback for browsers without WebP (none current) is written as GIF.
  gif: { effort: 7 },
  // Not an encoder: the sanitiser's version, so that a stricter sanitiser publishes new files.
  svg: { sanitizer: SVG_SANITIZER_VERSION },
} as const satisfies Record<ImageFormat, object>;

/** Formats in the order a `<picture>` offers them: the smallest first, JPEG last as the `<img>`. */
export const FORMATS: readonly ImageFormat[] = ["avif", "webp", "jpeg"];

/**
 * An animation's formats, for each still format asked for: WebP keeps every
 * frame, and GIF stands in for JPEG as the `<img>`. No AVIF: sharp 0.35's
 * AVIF encoder writes one image (an animated GIF's frames came out stacked
 * into one tall picture), so an animation is never offered as AVIF.
 */
export const ANIMATED_FORMAT_FOR: Readonly<Record<ImageFormat, ImageFormat | undefined>> = { avif: undefined, webp: "webp", jpeg: "gif", gif: "gif", svg: undefined };

/** What `images:` in site.yaml can set; everything has a default. */
export interface ImageSettings {
  /** Widths of hero derivatives, in pixels. */
  widths: number[];
  /** Widths of body images (the text column is at most 36rem wide, 2x that is ~1150 px). */
  bodyWidths: number[];
  /** Widths of the square list thumbnail. */
  thumbnailWidths: number[];
  /** Sources above this many megapixels are refused (decompression bombs). */
  maxMegapixels: number;
}

export const DEFAULT_IMAGE_SETTINGS: Readonly<ImageSettings> = Object.freeze({
  widths: [400, 800, 1200, 1600],
  bodyWidths: [400, 800, 1200],
  thumbnailWidths: [160, 320, 480],
  maxMegapixels: 50,
});

/** The Open Graph / Twitter card size (1.91:1). */
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;
/** The crops search engines ask for in NewsArticle.image: 16:9, 4:3 and 1:1, at least 1200 px wide. */
export const SEARCH_CROP_SIZES = [
  { width: 1200, height: 675 },
  { width: 1200, height: 900 },
  { width: 1200, height: 1200 },
] as const;
/** Author photos are shown at most 7rem (112 px) wide: 2x is enough. */
export const AUTHOR_PHOTO_WIDTH = 240;
/** Where derivatives are published in the site. */
export const DERIVED_URL_PREFIX = "/images/derived/";
/** Where sanitised SVGs are published: a folder of their own, so that `_headers` gives them a Content-Security-Policy of their own. */
export const SVG_URL_PREFIX = "/images/svg/";

/**
 * The smallest social card the networks take: Facebook refuses og:image under
 * 200x200 px (developers.facebook.com/docs/sharing/webmasters/images), X's
 * summary_large_image card under 300x157 px (developer.x.com, Cards,
 * "Summary Card with Large Image"). A smaller card gives way to the site's.
 */
export const SOCIAL_CARD_MINIMUM = { width: 300, height: 200 } as const;
/** Google takes NewsArticle images of at least 50,000 pixels (width x height) (developers.google.com/search/docs/appearance/structured-data/article). */
export const SEARCH_IMAGE_MINIMUM_PIXELS = 50_000;

/**
 * The derivative cache: `NEWSROOM_IMAGE_CACHE` if set (CI can point it at a
 * restored folder), else `.cache/images/` under the project root.
 */
export function imageCacheDir(rootDir: string): string {
  return cacheFolder(rootDir, "images");
}

/**
 * Encodes in flight at once. sharp runs one libvips thread per pipeline on
 * glibc Linux (its default without jemalloc), so parallel pipelines are what
 * uses the cores; libuv's pool (4 threads by default) caps it as well.
 */
export function defaultEncodeConcurrency(): number {
  return Math.max(1, Math.min(os.availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE ?? 4)));
}
