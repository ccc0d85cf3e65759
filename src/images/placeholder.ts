import sharp from "sharp";

/** What a reader sees while a large image loads. */
export interface Placeholder {
  /** The image's average colour, `#rrggbb`. */
  color: string;
  /** A 16 px blurred preview, `data:image/webp;base64,...` (about 100-250 bytes). */
  dataUri: string;
}

const PREVIEW_SIZE = 16;

/**
 * A tiny preview of an image, for CSS `background-image` under the real one.
 * Browsers smooth a 16 px image stretched to the box, which reads as a blur.
 */
export async function makePlaceholder(bytes: Uint8Array, options: { limitInputPixels: number }): Promise<Placeholder> {
  const { data, info } = await sharp(bytes, { limitInputPixels: options.limitInputPixels, failOn: "warning" })
    .autoOrient()
    .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: "inside" })
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) {
    for (let c = 0; c < 3; c++) sums[c]! += data[i + c]!;
  }
  const color = `#${sums.map((sum) => Math.round(sum / pixels).toString(16).padStart(2, "0")).join("")}`;
  const webp = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .webp({ quality: 40, effort: 4 })
    .toBuffer();
  return { color, dataUri: `data:image/webp;base64,${webp.toString("base64")}` };
}
