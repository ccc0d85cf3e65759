import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expandLiquid } from "../../convert/liquid-tags.ts";
import { authorsFromData } from "../authors-file.ts";
import { parseDataText } from "./front-matter.ts";
import { expandPermalink, JEKYLL_STYLES } from "./permalinks.ts";
import { normalizedReference, type StaticFlavour } from "./read-static-site.ts";
import { listPostFiles, readDataFile, record, text } from "./site-files.ts";

/**
 * A Jekyll site: _posts/ and _drafts/, _config.yml (title, url, baseurl,
 * timezone, lang, permalink), author names in _data/authors.*, posts'
 * addresses by the site's permalink style in its time zone.
 */
export function jekyllFlavour(root: string, options: { timeZone?: string; permalink?: string }): StaticFlavour {
  const configFile = path.join(root, "_config.yml");
  const config = record(existsSync(configFile) ? parseDataText(readFileSync(configFile, "utf8"), ".yml") : undefined);
  const url = text(config.url) ? `${text(config.url)!.replace(/\/+$/, "")}${text(config.baseurl) ?? ""}` : undefined;
  const timeZone = options.timeZone ?? text(config.timezone);
  const pattern = options.permalink ?? JEKYLL_STYLES[text(config.permalink) ?? "date"] ?? text(config.permalink)!;
  const fileSlug = (file: string) => path.basename(file).replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, "");
  return {
    kind: "jekyll",
    root,
    site: { ...(text(config.title) ? { name: text(config.title) } : {}), ...(url ? { url } : {}), ...(text(config.lang) ?? text(config.locale) ? { language: (text(config.lang) ?? text(config.locale))!.replace("_", "-") } : {}), ...(timeZone ? { timeZone } : {}) },
    authors: authorsFromData(readDataFile(path.join(root, "_data"), "authors")?.data),
    mediaRoots: [root],
    postFiles: [
      ...listPostFiles(path.join(root, "_posts")).map((file) => ({ file, isDraft: false })),
      ...listPostFiles(path.join(root, "_drafts")).map((file) => ({ file, isDraft: true })),
    ],
    splitsTagStrings: true,
    slugOf: (file, data) => text(data.slug) ?? fileSlug(file),
    oldPaths: (post) => {
      const own = text(post.data.permalink);
      if (own) return [own];
      const calendar = timeZone ? { kind: "zone" as const, timeZone } : { kind: "own-offset" as const };
      const expanded = expandPermalink(pattern, { slug: post.slug, date: post.date, categories: post.categories, fileName: fileSlug(post.file) }, calendar);
      return expanded ? [expanded] : [];
    },
    referenceNames: (post) => [normalizedReference(path.basename(post.relative)), normalizedReference(post.relative)],
    expandTags: (body, lookup, onUnknown, pageData) => expandLiquid(body, { ...(url ? { siteUrl: url } : {}), postPath: lookup, onUnknown, pageData }),
  };
}
