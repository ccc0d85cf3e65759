import sharp from "sharp";
import { ENCODERS } from "./image-options.ts";
import type { CropRect, DerivativeSpec } from "./planner.ts";
import { sanitizeSvg, type SanitizedSvg } from "./svg-sanitizer.ts";

/**
 * Encodes one derivative from the source's bytes. Orientation is applied from
 * EXIF, colours are converted to sRGB (an embedded profile is honoured), and
 * no metadata is written: no EXIF, GPS, XMP or camera data reaches readers.
 * A damaged source (truncated, corrupt) throws: `failOn: "warning"` makes
 * libjpeg's "premature end" a failure instead of a grey half image.
 * An SVG source is sanitised first: published as that text, or drawn from it.
 */
export async function encodeDerivative(bytes: Uint8Array, spec: DerivativeSpec, options: { limitInputPixels: number }): Promise<Buffer> {
  if (!spec.isVector) return encodeRaster(bytes, spec, options);
  const svg = sanitizeSvg(Buffer.from(bytes).toString("utf8"));
  if (!svg.ok) throw new Error(svg.problem);
  if (spec.format === "svg") return Buffer.from(svg.svg, "utf8");
  const drawn = await drawVector(svg, spec, options);
  const { isVector: _vector, crop: _crop, ...still } = spec;
  return encodeRaster(drawn.bytes, { ...still, ...(drawn.crop ? { crop: drawn.crop } : {}) }, options);
}

async function encodeRaster(bytes: Uint8Array, spec: DerivativeSpec, options: { limitInputPixels: number }): Promise<Buffer> {
  let image = sharp(bytes, { limitInputPixels: options.limitInputPixels, failOn: "warning", animated: spec.isAnimated ?? false }).autoOrient();
  if (spec.crop) image = image.extract(spec.crop);
  image = image.resize(spec.width, spec.height, { fit: "fill" }).toColourspace("srgb");
  switch (spec.format) {
    case "avif":
      return image.avif(ENCODERS.avif).toBuffer();
    case "webp":
      return image.webp(ENCODERS.webp).toBuffer();
    case "gif":
      return image.gif(ENCODERS.gif).toBuffer();
    case "jpeg":
      // JPEG has no alpha: transparent areas become white, not black.
      return image.flatten({ background: "#ffffff" }).jpeg(ENCODERS.jpeg).toBuffer();
    case "svg":
      throw new Error("internal error, please report: an SVG derivative of a raster source");
  }
}

/**
 * Draws a sanitised SVG as pixels at the scale the derivative needs (the
 * crop, if any, in the SVG's CSS pixels), as an uncompressed PNG with the
 * crop scaled to match. librsvg's density sets the scale; the result is
 * resized to the exact size, since librsvg and browsers convert physical
 * units (mm, pt) at different resolutions.
 */
async function drawVector(svg: SanitizedSvg, spec: DerivativeSpec, options: { limitInputPixels: number }): Promise<{ bytes: Buffer; crop?: CropRect }> {
  const region = spec.crop ?? { left: 0, top: 0, width: svg.width, height: svg.height };
  const scale = spec.width / region.width;
  const width = Math.max(1, Math.round(svg.width * scale));
  const height = Math.max(1, Math.round(svg.height * scale));
  const density = Math.min(100_000, Math.max(1, 72 * scale));
  const bytes = await sharp(Buffer.from(svg.svg, "utf8"), { density, limitInputPixels: options.limitInputPixels, failOn: "warning" })
    .resize(width, height, { fit: "fill" })
    .png({ compressionLevel: 0 })
    .toBuffer();
  if (!spec.crop) return { bytes };
  const left = Math.min(width - 1, Math.round(spec.crop.left * scale));
  const top = Math.min(height - 1, Math.round(spec.crop.top * scale));
  const crop = { left, top, width: Math.max(1, Math.min(width - left, Math.round(spec.crop.width * scale))), height: Math.max(1, Math.min(height - top, Math.round(spec.crop.height * scale))) };
  return { bytes, crop };
}
