import sharp from "sharp";

export interface ImageInfo {
  width: number;
  height: number;
  format: string;
}

/**
 * Reads an image's dimensions from its header (no decoding). Results are
 * memoised per build in the cache passed in, since heroes are often reused.
 */
export async function readImageInfo(
  absolutePath: string,
  cache: Map<string, Promise<ImageInfo | Error>>,
): Promise<ImageInfo | Error> {
  let pending = cache.get(absolutePath);
  if (!pending) {
    pending = sharp(absolutePath)
      .metadata()
      .then(({ width, height, format, orientation }) => {
        if (!width || !height || !format) return new Error("is not an image sharp can read");
        // EXIF orientations 5-8 are rotated by 90 degrees: the displayed size is swapped.
        const rotated = (orientation ?? 1) >= 5;
        return { width: rotated ? height : width, height: rotated ? width : height, format };
      })
      .catch(() => new Error("is not a readable image"));
    cache.set(absolutePath, pending);
  }
  return pending;
}
