import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { closestMatch } from "../diagnostics/suggest.ts";
import { isInside } from "../util/paths.ts";

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
    const suggestion = similarFile(path.basename(absolutePath), siblingFiles(path.dirname(absolutePath)));
    const hint = suggestion ? `did you mean "${path.posix.join(path.posix.dirname(written), suggestion)}"?` : `there is no ${relative.split(path.sep).join("/")} in the content folder`;
    return { ok: false, problem: `file "${written}" not found`, hint };
  }
  // Where it really is: a link inside the folder must not publish a file from elsewhere on the machine.
  const real = realpathSync(absolutePath);
  if (!isInside(realpathSync(contentDir), real)) {
    return { ok: false, problem: `"${written}" is a link to ${real}, outside the content folder`, hint: "copy the file itself into the content folder instead of linking to it" };
  }
  return { ok: true, absolutePath, url: "/" + relative.split(path.sep).map(encodeURIComponent).join("/") };
}

/** A file of the same kind whose name is close to the one written ("storm-cloud.jpg" for "storm-clouds.jpg"). */
function similarFile(name: string, candidates: readonly string[]): string | undefined {
  const extension = path.extname(name).toLowerCase();
  const stem = (file: string) => file.slice(0, file.length - path.extname(file).length);
  const sameKind = candidates.filter((candidate) => path.extname(candidate).toLowerCase() === extension);
  const match = closestMatch(stem(name), sameKind.map(stem));
  return match === undefined ? undefined : sameKind.find((candidate) => stem(candidate) === match);
}

function siblingFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith("."));
  } catch {
    return [];
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
