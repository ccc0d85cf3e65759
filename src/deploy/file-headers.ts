import path from "node:path";
import { HEADER_RULES, matchingRules, type HeaderRule } from "../feeds/headers.ts";

/**
 * The headers a file is uploaded with to object storage: the same policies
 * as the site's `_headers` (src/feeds/headers.ts), which Netlify and
 * Cloudflare Pages read but S3, R2 and GCS do not. rclone sends them with
 * `--header-upload`; S3-like backends store Cache-Control and Content-Type
 * on the object and serve them back. Other headers of `_headers`
 * (X-Content-Type-Options, the SVG Content-Security-Policy) cannot be stored
 * on an object: the CDN in front adds them (see the README).
 */
export interface UploadHeaders {
  cacheControl: string;
  /** Undefined: rclone guesses from the extension. */
  contentType?: string;
}

/** Reads `_headers` as the build wrote it: a path line, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), cacheControl: "" });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "cache-control") rule.cacheControl = value;
    if (name === "content-security-policy") rule.contentSecurityPolicy = value;
  }
  return rules.filter((rule) => rule.cacheControl);
}

/**
 * Files no rule names (redirect pages at old addresses, `_redirects`) get
 * the pages' short policy: a short cache is never wrong, only slower.
 */
const UNMATCHED_CACHE_CONTROL = matchingRules("/index.html", HEADER_RULES)[0]!.cacheControl;

/** Types by extension where a guess from the system's MIME table would be missing or wrong. */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".avif": "image/avif",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".ogg": "audio/ogg",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

/** `_headers` and `_redirects` are plain text for the hosts that read them. */
const PLAIN_TEXT_FILES = new Set(["_headers", "_redirects"]);

/** The upload headers of a site file ("news/x/index.html"), by the rules of the site's `_headers`. */
export function uploadHeadersOf(file: string, rules: readonly HeaderRule[]): UploadHeaders {
  const urlPath = `/${file}`;
  // A folder's index.html is served at the folder's address: "/" has a rule of its own.
  const matches = matchingRules(urlPath, rules);
  const rule = matches[0] ?? (urlPath.endsWith("/index.html") ? matchingRules(urlPath.slice(0, -"index.html".length), rules)[0] : undefined);
  const contentType = PLAIN_TEXT_FILES.has(file) ? "text/plain; charset=utf-8" : CONTENT_TYPES[path.posix.extname(file).toLowerCase()];
  return { cacheControl: rule?.cacheControl ?? UNMATCHED_CACHE_CONTROL, ...(contentType ? { contentType } : {}) };
}

/**
 * The order in which a deploy uploads: whatever pages and feeds point at
 * first (hashed CSS and JS, image derivatives, media, search chunks), then
 * the data that points at them (feeds, sitemaps, the search entry file),
 * then the pages. A reader never gets a page whose images are not there yet.
 */
export const UPLOAD_PHASES = ["assets", "data", "pages"] as const;
export type UploadPhase = (typeof UPLOAD_PHASES)[number];

const DATA_EXTENSIONS = new Set([".json", ".xml", ".txt", ".webmanifest"]);

export function uploadPhaseOf(file: string): UploadPhase {
  const extension = path.posix.extname(file).toLowerCase();
  if (extension === ".html") return "pages";
  if (DATA_EXTENSIONS.has(extension) || PLAIN_TEXT_FILES.has(file)) return "data";
  return "assets";
}
