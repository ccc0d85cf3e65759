import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `public/` of this package: CSS, JS and icons, copied to the site root (CSS and JS under content-hashed names). */
export const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));

/** Public URL as written in layouts ("/css/site.css") -> the URL it is published at. */
export type AssetManifest = Readonly<Record<string, string>>;

export interface PublicFile {
  source: string;
  /** Root-relative URL it is published at. */
  url: string;
  /** SHA-256 of its content. */
  hash: string;
}

/** File types that get a content hash in their name, so hosts can cache them for a year. */
const FINGERPRINTED = new Set([".css", ".js"]);

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(dir, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)])),
  );
  return nested.flat().sort();
}

/**
 * Reads `public/`: CSS and JS are published under a name carrying a hash of
 * their content (`/css/site.3fa9c2d1.css`), everything else as it is.
 */
export async function readPublicAssets(publicDir: string): Promise<{ manifest: AssetManifest; files: PublicFile[] }> {
  const manifest: Record<string, string> = {};
  const files: PublicFile[] = [];
  for (const relative of await listFiles(publicDir)) {
    const source = path.join(publicDir, relative);
    const url = `/${relative}`;
    const extension = path.posix.extname(relative);
    const hash = createHash("sha256").update(await readFile(source)).digest("hex");
    const published = FINGERPRINTED.has(extension) ? `${url.slice(0, -extension.length)}.${hash.slice(0, 10)}${extension}` : url;
    manifest[url] = published;
    files.push({ source, url: published, hash });
  }
  return { manifest, files };
}

export async function writePublicAssets(outputDir: string, files: readonly PublicFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(outputDir, file.url);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file.source, target);
  }
}

/** The published URL of a file of `public/`; a typo is a build error, not a broken page. */
export function assetUrl(manifest: AssetManifest, url: string): string {
  const published = manifest[url];
  if (!published) throw new Error(`internal error, please report: no public asset ${url}`);
  return published;
}
