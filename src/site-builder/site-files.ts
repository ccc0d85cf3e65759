import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import { MEDIA_FOLDERS } from "../content/assets.ts";
import { PUBLISHER_LOGO, SITE_CARD, SITE_ICONS } from "../discovery/brand-images.ts";
import { derivedFileUrls } from "../eleventy/images.ts";
import { PUBLIC_DIR, readPublicAssets, type AssetManifest, type PublicFile } from "../eleventy/static-assets.ts";
import { ImageCache } from "../images/image-cache.ts";
import { imageCacheDir } from "../images/image-options.ts";
import { fileStamp } from "../util/file-stamp.ts";
import { sitePathOf } from "./output-manifest.ts";
import { PageKeys } from "./page-keys.ts";

/**
 * A file of the site that no page definition renders: the CSS, JS and
 * icons of `public/`, the brand images made from the site's name, the image
 * derivatives the content uses, and the audio and video it links. Each has
 * a key like a page's, so that an unchanged one is neither copied nor made
 * again.
 */
export interface SiteFile {
  /** Site path: "css/site.3fa9c2d1.css". */
  path: string;
  key: string;
  /** Writes the file into a site folder (files of one writer may be written together). */
  write: (siteDir: string) => Promise<void>;
}

export interface SiteFileSources {
  rootDir: string;
  contentDir: string;
  imageCacheDir: string;
  publicFiles: readonly PublicFile[];
  /** The published names of public/ files (the CMS's preview uses the site's stylesheet). */
  assets: AssetManifest;
}

/** Every file of the site besides its pages. */
export async function planSiteFiles(model: SiteModel, sources: SiteFileSources, keys: PageKeys): Promise<SiteFile[]> {
  return [...publicFiles(sources, keys), ...brandImages(model, keys), ...derivedImages(model, sources, keys), ...mediaFiles(sources, keys), ...(await adminFiles(model, sources, keys))];
}

/**
 * The CMS at /admin/ (src/cms/): published when the site names its git
 * repository, and in previews. Its bundles are copied from node_modules
 * into folders named by version, so their key is their size and time.
 */
async function adminFiles(model: SiteModel, sources: SiteFileSources, keys: PageKeys): Promise<SiteFile[]> {
  const { adminSettingsFor, adminFiles: filesOf } = await import("../cms/publish-admin.ts");
  const contentDir = path.relative(sources.rootDir, path.resolve(sources.rootDir, sources.contentDir));
  const settings = adminSettingsFor({ site: model.site, assets: sources.assets, contentDir, isPreview: model.isPreview });
  if (!settings) return [];
  return (await filesOf(model.site.name, settings)).map((file) => {
    const stat = file.source ? statSync(file.source) : undefined;
    return {
      path: file.url,
      key: keys.file("admin", `/${file.url}`, file.text ?? [stat!.size, stat!.mtimeMs]),
      write: async (siteDir: string) => {
        if (file.text === undefined) return copyInto(siteDir, file.url, file.source!);
        const target = path.join(siteDir, file.url);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.text);
      },
    };
  });
}

function publicFiles({ publicFiles: files }: SiteFileSources, keys: PageKeys): SiteFile[] {
  return files.map((file) => ({
    path: file.url.slice(1),
    key: keys.file("public", file.url, file.hash),
    write: (siteDir) => copyInto(siteDir, file.url.slice(1), file.source),
  }));
}

/** The social card, publisher logo and icons: made together from the site's name, by sharp (loaded only when they change). */
function brandImages(model: SiteModel, keys: PageKeys): SiteFile[] {
  const urls = [SITE_CARD.url, PUBLISHER_LOGO.url, SITE_ICONS.svg, SITE_ICONS.appleTouch, SITE_ICONS.ico];
  const written = new Map<string, Promise<void>>();
  const writeAll = (siteDir: string) => {
    let pending = written.get(siteDir);
    if (!pending) {
      pending = import("../discovery/brand-images.ts").then(({ writeBrandImages }) => writeBrandImages(siteDir, model.site));
      written.set(siteDir, pending);
    }
    return pending;
  };
  const shown = { name: model.site.name, tagline: model.site.tagline ?? null };
  return urls.map((url) => ({ path: url.slice(1), key: keys.file("brand", url, shown), write: writeAll }));
}

/** Derivatives are named by a hash of their source and settings: the name is the key. */
function derivedImages(model: SiteModel, { imageCacheDir }: SiteFileSources, keys: PageKeys): SiteFile[] {
  const cache = new ImageCache(imageCacheDir);
  return [...derivedFileUrls(model)].sort().map((url) => ({
    path: url.slice(1),
    key: keys.file("derived", url, null),
    write: async (siteDir) => {
      const name = url.slice(url.lastIndexOf("/") + 1);
      const folder = path.join(siteDir, ...url.slice(0, url.length - name.length).split("/").filter(Boolean));
      await mkdir(folder, { recursive: true });
      await cache.publish(name, folder);
    },
  }));
}

/** Audio and video are published as they are (images only as derivatives), keyed by size and modification time. */
function mediaFiles({ rootDir, contentDir }: SiteFileSources, keys: PageKeys): SiteFile[] {
  const files: SiteFile[] = [];
  for (const folder of MEDIA_FOLDERS.filter((name) => name !== "images")) {
    const absolute = path.resolve(rootDir, contentDir, folder);
    if (!existsSync(absolute)) continue;
    for (const relative of filesUnder(absolute)) {
      const source = path.join(absolute, relative);
      const sitePath = `${folder}/${relative}`;
      files.push({ path: sitePath, key: keys.file("media", `/${sitePath}`, fileStamp(source)), write: (siteDir) => copyInto(siteDir, sitePath, source) });
    }
  }
  return files;
}

/** The files under `dir`, as paths relative to it with "/" separators, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => sitePathOf(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Copies `source` to `sitePath` in a site folder, making its folder. */
export async function copyInto(siteDir: string, sitePath: string, source: string): Promise<void> {
  const target = path.join(siteDir, sitePath);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, target);
}

/** Writes every file of the site besides its pages into `siteDir` (Eleventy's own command line over the whole site, see .eleventy.ts). */
export async function writeEverySiteFile(siteDir: string, model: SiteModel, rootDir: string, contentDir: string): Promise<void> {
  const { files, manifest } = await readPublicAssets(PUBLIC_DIR);
  const sources = { rootDir, contentDir, imageCacheDir: imageCacheDir(rootDir), publicFiles: files, assets: manifest };
  for (const file of await planSiteFiles(model, sources, new PageKeys(""))) await file.write(siteDir);
}
