import path from "node:path";
import type { SourceArchive, SourceKind } from "../model.ts";
import type { ImportReport } from "../report.ts";
import { eleventyFlavour } from "./static/eleventy.ts";
import { hugoFlavour } from "./static/hugo.ts";
import { jekyllFlavour } from "./static/jekyll.ts";
import { readStaticSite } from "./static/read-static-site.ts";
import { readWordPress } from "./wordpress/read-wordpress.ts";

export interface SourceOptions {
  from: SourceKind;
  source: string;
  mediaDir?: string;
  timeZone?: string;
  permalink?: string;
  postsDir?: string;
}

/** Reads the archive with the reader of its kind. */
export function readSource(options: SourceOptions, report: ImportReport): SourceArchive {
  const archive = readArchive(options, report);
  if (options.mediaDir) archive.mediaRoots = [path.resolve(options.mediaDir), ...archive.mediaRoots.filter((dir) => dir !== path.resolve(options.mediaDir!))];
  return archive;
}

function readArchive(options: SourceOptions, report: ImportReport): SourceArchive {
  const flags = { ...(options.timeZone ? { timeZone: options.timeZone } : {}), ...(options.permalink ? { permalink: options.permalink } : {}), ...(options.postsDir ? { postsDir: options.postsDir } : {}) };
  const root = path.resolve(options.source);
  switch (options.from) {
    case "wordpress":
      return readWordPress(options.source, { ...(options.mediaDir ? { mediaDir: options.mediaDir } : {}), report });
    case "jekyll":
      return readStaticSite(jekyllFlavour(root, flags), report);
    case "hugo":
      return readStaticSite(hugoFlavour(root, flags), report);
    case "eleventy":
      return readStaticSite(eleventyFlavour(root, flags, report), report);
  }
}
