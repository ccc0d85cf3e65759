import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { MEDIA_FOLDERS } from "./assets.ts";
import type { ContentSiteLink } from "./model.ts";

/**
 * Every link of the content to the site itself (bodies, bios, site settings;
 * on the site's origin or root-relative) leads to a page the build writes or
 * a media file it publishes; a broken one is an error at its place, with the
 * closest page as a suggestion.
 */
export function brokenSiteLinks(
  links: readonly ContentSiteLink[],
  published: ReadonlySet<string>,
  normalize: (sitePath: string) => string,
  contentDir: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    const target = normalize(link.path);
    if (published.has(target) || isPublishedMedia(target, contentDir)) continue;
    const suggestion = didYouMean(target, published);
    diagnostics.push(diagnose("links/broken", { file: link.file, line: link.line, column: link.column }, { url: link.written, ...(suggestion ? { suggestion } : {}) }));
  }
  return diagnostics;
}

/** /audio/x.mp3 and /video/y.mp4 are published as they are, from the content folder. */
function isPublishedMedia(sitePath: string, contentDir: string): boolean {
  const [, folder, ...rest] = sitePath.split("/");
  if (!folder || folder === "images" || !MEDIA_FOLDERS.includes(folder as (typeof MEDIA_FOLDERS)[number]) || rest.length === 0) return false;
  const file = path.join(contentDir, folder, ...rest);
  return existsSync(file) && statSync(file).isFile();
}
