import os from "node:os";
import path from "node:path";

export type ImageFormat = "avif" | "webp" | "jpeg";

export const MIME_TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
export const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * Encoder settings per format, chosen by measuring size, time and SSIM on the
 * sample photographs (README, Decisions: "Encoder settings"). Changing one
 * changes the cache key of that format's derivatives only.
 */
export const ENCODERS = {
  avif: { quality: 55, effort: 2 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 75, progressive: true, mozjpeg: false },
} as const satisfies Record<ImageFormat, object>;

/** Formats in the order a `<picture>` offers them: the smallest first, JPEG last as the `<img>`. */
export const FORMATS: readonly ImageFormat[] = ["avif", "webp", "jpeg"];

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

/**
 * The derivative cache: `NEWSROOM_IMAGE_CACHE` if set (CI can point it at a
 * restored folder), else `.cache/images/` under the project root.
 */
export function imageCacheDir(rootDir: string): string {
  const fromEnv = process.env.NEWSROOM_IMAGE_CACHE;
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(rootDir, ".cache", "images");
}

/**
 * Encodes in flight at once. sharp runs one libvips thread per pipeline on
 * glibc Linux (its default without jemalloc), so parallel pipelines are what
 * uses the cores; libuv's pool (4 threads by default) caps it as well.
 */
export function defaultEncodeConcurrency(): number {
  return Math.max(1, Math.min(os.availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE ?? 4)));
}
