import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../format/slug.ts";
import type { SourcePlace } from "../model.ts";
import type { ImportReport } from "../report.ts";

/** Where a media file goes in the content folder, by extension. */
const FOLDER_BY_EXTENSION: Record<string, "images" | "audio" | "video"> = {
  jpg: "images", jpeg: "images", png: "images", gif: "images", webp: "images", avif: "images", svg: "images",
  mp3: "audio", m4a: "audio", ogg: "audio", wav: "audio",
  mp4: "video", webm: "video", m4v: "video", mov: "video",
};

/** Leading folders that say nothing about a file ("assets/", "wp-content/uploads/"): left out of its new name. */
const GENERIC_FOLDERS = new Set(["content", "assets", "static", "public", "images", "image", "img", "wp-content", "uploads", "media", "files"]);

export type MediaResolution =
  /** A file of the old site: `reference` is its path from an article ("../images/x.jpg"), found or not. */
  | { kind: "local"; reference: string; isFound: boolean }
  /** On another site: left as it is. */
  | { kind: "remote"; url: string };

export interface MediaLibraryOptions {
  /** Folders searched for root-relative paths and upload URLs, in order. */
  roots: readonly string[];
  /** Hosts of the old site ("example.org"): its absolute URLs are its own files. */
  siteHosts: readonly string[];
  /** Source root, for naming files in warnings. */
  sourceRoot: string;
  report: ImportReport;
}

/**
 * The media an import copies: each file of the old site that a post names
 * gets one name in content/images/ (or audio/, video/), made from its path
 * so that it is the same on every run; two files never share a name.
 */
export class MediaLibrary {
  /** Target path in the content folder ("images/blog-x.jpg") -> source file. */
  readonly copies = new Map<string, string>();
  readonly missing = new Set<string>();
  private readonly targetBySource = new Map<string, string>();
  private readonly references = new Set<string>();

  constructor(private readonly options: MediaLibraryOptions) {}

  /** Resolves a media URL or path as a post wrote it; a missing file is reported at `place`. */
  resolve(written: string, place: SourcePlace, mediaBase?: string): MediaResolution {
    // A reference this library made (a Markdown image seen again inside raw HTML's paragraph).
    if (this.references.has(written)) return { kind: "local", reference: written, isFound: !this.missing.has(written.slice(3)) };
    const located = this.locate(written);
    if (located.kind === "remote") return located;
    const candidates = this.candidates(located.sitePath, located.isRootRelative, mediaBase);
    const found = candidates.find((file) => isFile(file)) ?? candidates.map(withoutSizeSuffix).find((file) => file && isFile(file));
    if (found) return this.local(this.targetFor(found), true);
    const target = this.targetFor(candidates[0] ?? located.sitePath, true);
    this.missing.add(target);
    this.options.report.warn("missing-media", place, `"${written}" was not found (looked in ${this.describe(candidates)}); the reference is kept as ../${target}`);
    return this.local(target, false);
  }

  private local(target: string, isFound: boolean): MediaResolution {
    const reference = `../${target}`;
    this.references.add(reference);
    return { kind: "local", reference, isFound };
  }

  private locate(written: string): { kind: "remote"; url: string } | { kind: "path"; sitePath: string; isRootRelative: boolean } {
    const value = written.trim();
    if (/^(https?:)?\/\//i.test(value)) {
      let url: URL;
      try {
        url = new URL(value.startsWith("//") ? `https:${value}` : value);
      } catch {
        return { kind: "remote", url: value };
      }
      if (!this.options.siteHosts.includes(url.hostname.toLowerCase())) return { kind: "remote", url: value };
      return { kind: "path", sitePath: safeDecode(url.pathname), isRootRelative: true };
    }
    const bare = safeDecode(value.split(/[?#]/)[0]!);
    return { kind: "path", sitePath: bare, isRootRelative: bare.startsWith("/") };
  }

  private candidates(sitePath: string, isRootRelative: boolean, mediaBase: string | undefined): string[] {
    const relative = sitePath.replace(/^\/+/, "");
    const uploads = /(?:^|\/)wp-content\/uploads\/(.+)$/.exec(relative)?.[1];
    const files: string[] = [];
    if (!isRootRelative && mediaBase) files.push(path.join(mediaBase, relative));
    for (const root of this.options.roots) {
      if (uploads) files.push(path.join(root, uploads));
      files.push(path.join(root, relative));
    }
    return [...new Set(files)];
  }

  /** The content-folder path a source file is copied to, the same on every run. */
  private targetFor(source: string, isMissing = false): string {
    const known = this.targetBySource.get(source);
    if (known) return known;
    const relative = this.relativeToRoots(source);
    const extension = path.extname(relative).slice(1).toLowerCase();
    const folder = FOLDER_BY_EXTENSION[extension] ?? "images";
    const segments = relative.split("/").filter(Boolean);
    while (segments.length > 1 && GENERIC_FOLDERS.has(segments[0]!.toLowerCase())) segments.shift();
    const stem = slugify(segments.join("-").replace(/\.[^.]+$/, "")) || "file";
    let target = `${folder}/${stem}${extension ? `.${extension}` : ""}`;
    for (let suffix = 2; this.copies.has(target) && this.copies.get(target) !== source; suffix++) {
      target = `${folder}/${stem}-${suffix}${extension ? `.${extension}` : ""}`;
    }
    this.targetBySource.set(source, target);
    if (!isMissing) this.copies.set(target, source);
    return target;
  }

  private relativeToRoots(file: string): string {
    for (const root of this.options.roots) {
      const relative = path.relative(root, file);
      if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
    }
    return path.isAbsolute(file) ? path.basename(file) : file;
  }

  private describe(candidates: readonly string[]): string {
    return candidates.map((file) => path.relative(this.options.sourceRoot, file).split(path.sep).join("/") || ".").join(", ");
  }
}

/** WordPress names its resized copies "photo-300x200.jpg": the original is "photo.jpg". */
function withoutSizeSuffix(file: string): string | undefined {
  const original = file.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1");
  return original === file ? undefined : original;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** True for a path or URL that names a media file by its extension. */
export function isMediaPath(value: string): boolean {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(value)?.[1]?.toLowerCase();
  return extension !== undefined && extension in FOLDER_BY_EXTENSION;
}

export function mediaFolderOf(value: string): "images" | "audio" | "video" | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(value)?.[1]?.toLowerCase();
  return extension ? FOLDER_BY_EXTENSION[extension] : undefined;
}
