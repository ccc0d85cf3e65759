import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import type { ResponsiveImage } from "../content/model.ts";
import { ImageCache } from "../images/image-cache.ts";
import { DERIVED_URL_PREFIX, imageCacheDir, SVG_URL_PREFIX } from "../images/image-options.ts";
import { mapLimit } from "../util/map-limit.ts";
import type { EleventyConfig } from "./plugin.ts";
import { timed } from "../util/timed.ts";

/** The folders derivatives are published in: raster derivatives, and sanitised SVGs (a `_headers` rule of their own). */
const PUBLISHED_PREFIXES = [DERIVED_URL_PREFIX, SVG_URL_PREFIX];

/** Every derivative file the site model refers to, by URL: heroes, thumbnails, social cards, body images, author photos. */
export function derivedFileUrls(model: SiteModel): Set<string> {
  const urls = new Set<string>();
  const add = (url: string) => {
    if (PUBLISHED_PREFIXES.some((prefix) => url.startsWith(prefix))) urls.add(url);
  };
  // Articles showing one photo share its planned renditions, thumbnail and crops (src/images/responsive-image.ts):
  // one list of sources, one fallback URL, one social card, one list of crops, each added once.
  const added = new Map<object, string>();
  const addImage = (image: ResponsiveImage) => {
    if (added.get(image.sources) === image.url) return;
    added.set(image.sources, image.url);
    add(image.url);
    for (const source of image.sources) for (const candidate of source.candidates) add(candidate.url);
  };
  const listed = new Set<object>();
  const addOnce = <T extends { url: string }>(image: T | readonly T[]) => {
    if (listed.has(image)) return;
    listed.add(image);
    for (const each of Array.isArray(image) ? image : [image]) add(each.url);
  };
  for (const article of model.articles) {
    const { hero } = article;
    if (hero) {
      addImage(hero);
      addImage(hero.thumbnail);
      addOnce(hero.social);
      addOnce(hero.searchCrops);
    }
    article.bodyImages.forEach(addImage);
  }
  for (const author of model.authors.values()) if (author.photo) add(author.photo.url);
  return urls;
}

/**
 * Publishes image derivatives after Eleventy has written the pages: each is
 * linked (or copied) from the cache, where content loading encoded it. Runs
 * only when loading succeeded, and the build writes into a staging folder,
 * so a failed build publishes nothing.
 */
export function addResponsiveImages(eleventyConfig: EleventyConfig, options: { rootDir: string; model: () => SiteModel; timings?: Map<string, number> }): void {
  eleventyConfig.on("eleventy.after", async (event: unknown) => {
    const outputDir = (event as { directories?: { output?: string } }).directories?.output;
    if (!outputDir) return;
    const urls = [...derivedFileUrls(options.model())];
    const folderOf = (prefix: string) => path.join(path.resolve(outputDir), ...prefix.split("/").filter(Boolean));
    for (const prefix of PUBLISHED_PREFIXES) {
      if (urls.some((url) => url.startsWith(prefix))) await mkdir(folderOf(prefix), { recursive: true });
    }
    const cache = new ImageCache(imageCacheDir(options.rootDir));
    const publish = (url: string) => {
      const name = url.slice(url.lastIndexOf("/") + 1);
      return cache.publish(name, folderOf(url.slice(0, url.length - name.length)));
    };
    await timed(options.timings, "images", () => mapLimit(urls, 32, publish));
  });
}
