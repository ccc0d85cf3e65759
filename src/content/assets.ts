import { existsSync, statSync } from "node:fs";
import path from "node:path";

/** Folders of `content/` whose files are published as they are, at `/<folder>/...`. */
export const MEDIA_FOLDERS = ["images", "audio", "video"] as const;

export type AssetResolution =
  | { ok: true; absolutePath: string; url: string }
  | { ok: false; problem: string; hint: string };

/**
 * Resolves a path written in a Markdown file (relative to that file) to a file
 * in one of the media folders and its public URL. Paths that leave the content
 * folder, or point outside the media folders, are refused.
 */
export function resolveAsset(contentDir: string, fromFile: string, written: string): AssetResolution {
  const decoded = safeDecode(written.split(/[?#]/)[0]!);
  const absolutePath = path.resolve(path.dirname(fromFile), decoded);
  const relative = path.relative(contentDir, absolutePath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    return { ok: false, problem: `"${written}" points outside the content folder`, hint: "keep images in content/images/" };
  }
  const [folder] = relative.split(path.sep);
  if (!MEDIA_FOLDERS.includes(folder as (typeof MEDIA_FOLDERS)[number])) {
    return { ok: false, problem: `"${written}" is not in a media folder`, hint: `put it in content/${MEDIA_FOLDERS.join("/, content/")}/` };
  }
  if (!existsSync(absolutePath) || !statSync(absolutePath).isFile()) {
    return { ok: false, problem: `file "${written}" not found`, hint: `there is no ${relative.split(path.sep).join("/")} in the content folder` };
  }
  return { ok: true, absolutePath, url: "/" + relative.split(path.sep).map(encodeURIComponent).join("/") };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
