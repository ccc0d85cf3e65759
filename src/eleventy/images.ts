import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import type { ResponsiveImage } from "../content/model.ts";
import { ImageCache } from "../images/image-cache.ts";
import { DERIVED_URL_PREFIX, imageCacheDir } from "../images/image-options.ts";
import { mapLimit } from "../util/map-limit.ts";
import type { EleventyConfig } from "./plugin.ts";
import { timed } from "../util/timed.ts";

/** Every derivative file the site model refers to: heroes, thumbnails, social cards, body images, author photos. */
export function derivedFileNames(model: SiteModel): Set<string> {
  const names = new Set<string>();
  const add = (url: string) => {
    if (url.startsWith(DERIVED_URL_PREFIX)) names.add(url.slice(DERIVED_URL_PREFIX.length));
  };
  const addImage = (image: ResponsiveImage) => {
    add(image.url);
    for (const source of image.sources) for (const candidate of source.candidates) add(candidate.url);
  };
  for (const article of model.articles) {
    const { hero } = article;
    if (hero) {
      addImage(hero);
      addImage(hero.thumbnail);
      add(hero.social.url);
      for (const crop of hero.searchCrops) add(crop.url);
    }
    article.bodyImages.forEach(addImage);
  }
  for (const author of model.authors.values()) if (author.photo) add(author.photo.url);
  return names;
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
    const targetDir = path.join(path.resolve(outputDir), ...DERIVED_URL_PREFIX.split("/").filter(Boolean));
    await mkdir(targetDir, { recursive: true });
    const cache = new ImageCache(imageCacheDir(options.rootDir));
    await timed(options.timings, "images", () => mapLimit([...derivedFileNames(options.model())], 32, (name) => cache.publish(name, targetDir)));
  });
}
