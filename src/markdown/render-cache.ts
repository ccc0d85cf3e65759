import { cacheKey, codeFingerprint, KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import type { MarkdownSource, RenderedMarkdown, RenderSettings } from "./pipeline.ts";
import { cacheFolder } from "../cache/cache-folders.ts";
import { RENDERER_CODE } from "../cache/code-fingerprints.ts";

/** The settings' part of every key, computed once per settings object (an archive's aliases are thousands). */
const settingsKeys = new WeakMap<RenderSettings, string>();
export function settingsKey(settings: RenderSettings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) settingsKeys.set(settings, (key = cacheKey(settings.siteOrigin, JSON.stringify(settings.trustedHosts), JSON.stringify(settings.aliases))));
  return key;
}

export function renderCacheDir(rootDir: string): string {
  return cacheFolder(rootDir, "render");
}

/**
 * Rendered Markdown on disk, keyed by a hash of everything the render reads:
 * the body, its file path and line offset, the site's origin and the
 * renderer's own code. What a body borrows from elsewhere (related cards,
 * images) is stored with it and checked again on every hit (see
 * render-bodies.ts), so a stale entry is never served.
 */
export class RenderCache extends KeyedJsonCache<RenderedMarkdown> {
  key(source: MarkdownSource, settings: RenderSettings): string {
    return cacheKey(codeFingerprint(RENDERER_CODE), settingsKey(settings), source.path, source.bodyLineOffset, source.body);
  }
}
