import path from "node:path";
import type { VFile } from "vfile";
import { resolveAsset } from "../content/assets.ts";
import type { MediaResult } from "./raw-html/raw-elements.ts";
import type { RenderSettings } from "./pipeline.ts";

/** What browsers play in <audio> and <video>, by extension. */
const MEDIA_EXTENSIONS = new Set([".mp3", ".m4a", ".ogg", ".opus", ".wav", ".mp4", ".webm", ".m4v", ".vtt"]);

/**
 * An audio or video file named in a body (relative to the body's file), in
 * content/audio/ or content/video/, as its published URL. Plain fs checks:
 * render workers call it themselves.
 */
export function resolveMediaFile(settings: Pick<RenderSettings, "rootDir" | "contentDir">, written: string, file: VFile): MediaResult {
  const asset = resolveAsset(settings.contentDir, path.resolve(settings.rootDir, file.path), written);
  if (!asset.ok) return asset;
  if (!asset.url.startsWith("/audio/") && !asset.url.startsWith("/video/")) {
    return { ok: false, problem: `"${written}" is not in the audio or video folder`, hint: "put audio in content/audio/ and video in content/video/" };
  }
  if (!MEDIA_EXTENSIONS.has(path.extname(asset.absolutePath).toLowerCase())) {
    return { ok: false, problem: `"${written}" is not a format browsers play`, hint: "use .mp3, .m4a or .ogg for audio, .mp4 or .webm for video, .vtt for captions" };
  }
  return { ok: true, url: asset.url };
}
