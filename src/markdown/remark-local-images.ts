import type { Image, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";

export type LocalImageResult =
  | { ok: true; url: string; width: number; height: number }
  | { ok: false; problem: string; hint: string };

export interface LocalImagesOptions {
  /** Resolves a path written in the file (relative to it) to a published image. */
  resolveImage: (written: string, file: VFile) => Promise<LocalImageResult>;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/**
 * Body images stored in the repository: checked to exist, given their
 * published URL, intrinsic width/height (no layout shift) and lazy loading.
 * Missing alt text is an error: a blind reader would get nothing.
 */
export function remarkLocalImages(options: LocalImagesOptions) {
  return async (tree: Root, file: VFile) => {
    const images: Image[] = [];
    visit(tree, "image", (node) => {
      if (!node.alt?.trim()) {
        const message = file.message("image has no alt text", { place: node.position, ruleId: "missing-alt", source: "images" });
        message.fatal = true;
        message.note = "describe the picture inside the brackets: ![A ferry leaving the harbour](../images/ferry.jpg)";
      }
      if (!HAS_SCHEME.test(node.url)) images.push(node);
    });
    await Promise.all(
      images.map(async (node) => {
        const result = await options.resolveImage(node.url, file);
        if (!result.ok) {
          const message = file.message(result.problem, { place: node.position, ruleId: "image-not-found", source: "images" });
          message.fatal = true;
          message.note = result.hint;
          return;
        }
        node.url = result.url;
        node.data = {
          ...node.data,
          hProperties: { ...node.data?.hProperties, width: result.width, height: result.height, loading: "lazy", decoding: "async" },
        };
      }),
    );
  };
}
