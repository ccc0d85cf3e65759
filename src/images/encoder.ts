import sharp from "sharp";
import { ENCODERS } from "./image-options.ts";
import type { DerivativeSpec } from "./planner.ts";

/**
 * Encodes one derivative from the source's bytes. Orientation is applied from
 * EXIF, colours are converted to sRGB (an embedded profile is honoured), and
 * no metadata is written: no EXIF, GPS, XMP or camera data reaches readers.
 * A damaged source (truncated, corrupt) throws: `failOn: "warning"` makes
 * libjpeg's "premature end" a failure instead of a grey half image.
 */
export async function encodeDerivative(bytes: Uint8Array, spec: DerivativeSpec, options: { limitInputPixels: number }): Promise<Buffer> {
  let image = sharp(bytes, { limitInputPixels: options.limitInputPixels, failOn: "warning" }).autoOrient();
  if (spec.crop) image = image.extract(spec.crop);
  image = image.resize(spec.width, spec.height, { fit: "fill" }).toColourspace("srgb");
  switch (spec.format) {
    case "avif":
      return image.avif(ENCODERS.avif).toBuffer();
    case "webp":
      return image.webp(ENCODERS.webp).toBuffer();
    case "jpeg":
      // JPEG has no alpha: transparent areas become white, not black.
      return image.flatten({ background: "#ffffff" }).jpeg(ENCODERS.jpeg).toBuffer();
  }
}
