import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expandHugoShortcodes } from "../../convert/hugo-shortcodes.ts";
import type { SourceAuthor } from "../../model.ts";
import { authorsFromData } from "../authors-file.ts";
import { parseDataText } from "./front-matter.ts";
import { expandPermalink } from "./permalinks.ts";
import { normalizedReference, type StaticFlavour } from "./read-static-site.ts";
import { firstFolder, listPostFiles, readDataFile, record, text } from "./site-files.ts";

const CONFIG_FILES = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json", "config/_default/hugo.toml", "config/_default/config.toml", "config/_default/hugo.yaml", "config/_default/config.yaml"];

/**
 * A Hugo site: posts in content/posts (or post, blog, or --posts), page
 * bundles (x/index.md with its images beside it), TOML, YAML or JSON front
 * matter, the config's title, baseURL, languageCode, timeZone and
 * permalinks, author names in data/authors.*, files of static/ served at
 * the root.
 */
export function hugoFlavour(root: string, options: { timeZone?: string; permalink?: string; postsDir?: string }): StaticFlavour {
  const configFile = CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  const config = record(configFile ? parseDataText(readFileSync(configFile, "utf8"), path.extname(configFile)) : undefined);
  const postsDir = options.postsDir ? path.resolve(root, options.postsDir) : (firstFolder(root, ["content/posts", "content/post", "content/blog", "content/news", "content/articles"]) ?? path.join(root, "content/posts"));
  const section = path.basename(postsDir);
  const permalinks = record(config.permalinks);
  const pattern = options.permalink ?? text(permalinks[section]) ?? text(record(permalinks.page)[section]) ?? `/${section}/:slug/`;
  const timeZone = options.timeZone ?? text(config.timeZone) ?? text(config.timezone);
  const baseUrl = text(config.baseURL) ?? text(config.baseurl);
  const fileName = (file: string) => (/^index\.[^.]+$/i.test(path.basename(file)) ? path.basename(path.dirname(file)) : path.basename(file).replace(/\.[^.]+$/, ""));
  return {
    kind: "hugo",
    root,
    site: { ...(text(config.title) ? { name: text(config.title) } : {}), ...(baseUrl ? { url: baseUrl } : {}), ...(text(config.languageCode) ? { language: text(config.languageCode) } : {}), ...(timeZone ? { timeZone } : {}) },
    authors: hugoAuthors(path.join(root, "data")),
    mediaRoots: [path.join(root, "static"), path.join(root, "assets"), root],
    postFiles: listPostFiles(postsDir).map((file) => ({ file, isDraft: false })),
    splitsTagStrings: false,
    slugOf: (file, data) => text(data.slug) ?? fileName(file),
    oldPaths: (post) => {
      const own = text(post.data.url);
      if (own) return [own.startsWith("/") ? own : `/${own}`];
      const calendar = timeZone ? { kind: "zone" as const, timeZone } : { kind: "own-offset" as const };
      const title = text(post.data.title);
      const expanded = expandPermalink(pattern.replace(/:title\b/g, ":hugotitle"), { slug: post.slug, ...(title ? { title } : {}), date: post.date, categories: post.categories, section, fileName: fileName(post.file) }, calendar);
      return expanded ? [expanded.replace(/:hugotitle/g, slugTitle(title ?? post.slug))] : [];
    },
    referenceNames: (post) => {
      const inContent = path.relative(path.join(root, "content"), post.file).split(path.sep).join("/");
      return [normalizedReference(inContent), normalizedReference(inContent.replace(/\/index\.[^.]+$/i, "")), normalizedReference(fileName(post.file))];
    },
    expandTags: (body, lookup, onUnknown) => expandHugoShortcodes(body, { pagePath: lookup, onUnknown }),
  };
}

/** Hugo's :title is the title made URL-safe (lowercase, hyphens). */
function slugTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

/** data/authors.{yaml,toml,json} (a map or list), or data/authors/<id>.{yaml,toml,json}, one file an author. */
function hugoAuthors(dataDir: string): Map<string, SourceAuthor> {
  const single = readDataFile(dataDir, "authors");
  if (single) return authorsFromData(single.data);
  const folder = path.join(dataDir, "authors");
  if (!existsSync(folder)) return new Map();
  const entries: Record<string, unknown> = {};
  for (const name of readdirSync(folder).sort()) {
    const id = name.replace(/\.[^.]+$/, "");
    const read = readDataFile(folder, id);
    if (read) entries[id] = read.data;
  }
  return authorsFromData(entries);
}
