import sharp from "sharp";

/** What the build's limits look at: the size of one frame and the number of frames. */
export interface ImageSize {
  width: number;
  height: number;
  frames: number;
}

/** Formats whose frames the build decodes one by one (src/images/image-pipeline.ts counts them all). */
const ANIMATABLE = new Set(["gif", "webp"]);

/** Reads each image's size once (headers only); undefined for a file sharp cannot read, and for SVG. */
export class ImageSizes {
  private readonly sizes = new Map<string, Promise<ImageSize | undefined>>();

  of(file: string): Promise<ImageSize | undefined> {
    let size = this.sizes.get(file);
    if (!size) {
      size = file.toLowerCase().endsWith(".svg")
        ? Promise.resolve(undefined)
        : sharp(file, { limitInputPixels: false })
            .metadata()
            .then((metadata) => (metadata.width && metadata.height ? { width: metadata.width, height: metadata.height, frames: ANIMATABLE.has(metadata.format ?? "") ? (metadata.pages ?? 1) : 1 } : undefined))
            .catch(() => undefined);
      this.sizes.set(file, size);
    }
    return size;
  }
}

export function megapixelsOf(size: ImageSize): number {
  return (size.width * size.height * size.frames) / 1_000_000;
}
