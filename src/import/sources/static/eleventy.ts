import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../../format/slug.ts";
import { expandLiquid } from "../../convert/liquid-tags.ts";
import type { ImportReport } from "../../report.ts";
import { authorsFromData } from "../authors-file.ts";
import { parseDataText } from "./front-matter.ts";
import { dateParts } from "../../convert/dates.ts";
import { expandPermalink } from "./permalinks.ts";
import { normalizedReference, type PostFacts, type StaticFlavour } from "./read-static-site.ts";
import { firstFolder, listPostFiles, readDataFile, record, text } from "./site-files.ts";

const CONFIG_FILES = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.ts"];

/**
 * An Eleventy site: posts in posts/, blog/, src/posts/, content/posts/ …
 * (or --posts), site data and author names from the data folder (the
 * config's dir.data, else _data/), addresses from each post's permalink or
 * its folder's data file. Configuration and data written in JavaScript is
 * never run: a permalink in a .11tydata.js file is read as text, and one
 * that uses a filter the import does not know needs --permalink.
 */
export function eleventyFlavour(root: string, options: { timeZone?: string; permalink?: string; postsDir?: string }, report: ImportReport): StaticFlavour {
  const configText = CONFIG_FILES.map((name) => path.join(root, name)).filter((file) => existsSync(file)).map((file) => readFileSync(file, "utf8"))[0] ?? "";
  const inputDir = path.join(root, /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(configText)?.[1] ?? ".");
  const dataDir = path.join(inputDir, /\bdata\s*:\s*["'`]([^"'`]+)["'`]/.exec(configText)?.[1] ?? "_data");
  const postsDir = options.postsDir ? path.resolve(root, options.postsDir) : (firstFolder(inputDir, ["posts", "blog", "content/posts", "content/blog", "src/posts", "src/blog", "_posts", "articles"]) ?? path.join(inputDir, "posts"));
  const siteData = record(readDataFile(dataDir, "site")?.data ?? readDataFile(dataDir, "metadata")?.data);
  const directory = directoryData(postsDir);
  const url = text(siteData.url) ?? text(siteData.host) ?? text(siteData.baseUrl);
  const language = text(siteData.language) ?? text(siteData.locale) ?? text(siteData.lang);
  const timeZone = options.timeZone ?? text(siteData.timezone) ?? text(siteData.timeZone);
  const collectionTags = new Set(directory.tags.map((tag) => tag.toLowerCase()));
  const unreadTemplates = new Set<string>();
  const fileSlug = (file: string) => (/^index\./i.test(path.basename(file)) ? path.basename(path.dirname(file)) : path.basename(file).replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, ""));
  return {
    kind: "eleventy",
    root,
    site: { ...(text(siteData.title) ?? text(siteData.name) ? { name: text(siteData.title) ?? text(siteData.name) } : {}), ...(url ? { url } : {}), ...(language ? { language: language.replace("_", "-") } : {}), ...(timeZone ? { timeZone } : {}) },
    authors: authorsFromData(readDataFile(dataDir, "authors")?.data),
    mediaRoots: [inputDir, root],
    postFiles: listPostFiles(postsDir).map((file) => ({ file, isDraft: false })),
    splitsTagStrings: false,
    // The folder's collection tags ("posts") name a list of pages, not a subject.
    isCollectionTag: (tag) => collectionTags.has(tag.toLowerCase()),
    slugOf: (file, data) => text(data.slug) ?? fileSlug(file),
    oldPaths: (post) => {
      if (post.data.permalink === false) return [];
      const own = text(post.data.permalink);
      if (own && !own.includes("{")) return [own.startsWith("/") ? own : `/${own}`];
      const template = own ?? options.permalink ?? directory.permalink;
      const inputRelative = path.relative(inputDir, post.file).split(path.sep).join("/").replace(/\.[^.]+$/, "");
      if (!template) return [`/${inputRelative.replace(/(^|\/)index$/, "")}/`.replace(/\/{2,}/g, "/")];
      const expanded = template === options.permalink ? expandPermalink(template, { slug: post.slug, date: post.date, categories: post.categories, fileName: fileSlug(post.file) }, { kind: "utc" }) : permalinkTemplate(template, post, fileSlug(post.file), inputRelative);
      if (expanded === undefined) {
        if (!unreadTemplates.has(template)) report.warn("old-url-unknown", { file: post.relative, line: 0 }, `the permalink ${template} uses what the import cannot work out: posts using it get no aliases (give the pattern with --permalink "/:year/:month/:day/:slug/")`);
        unreadTemplates.add(template);
        return [];
      }
      return [expanded];
    },
    referenceNames: (post) => [normalizedReference(path.basename(post.relative)), normalizedReference(post.relative)],
    expandTags: (body, lookup, onUnknown, pageData) => expandLiquid(body, { ...(url ? { siteUrl: url.replace(/\/+$/, "") } : {}), postPath: lookup, onUnknown, pageData, bareNamesArePageData: true }),
  };
}

/** The posts folder's data file (posts.json, posts.11tydata.json; a .11tydata.js file is read as text, never run). */
function directoryData(postsDir: string): { permalink?: string; tags: string[] } {
  const name = path.basename(postsDir);
  for (const file of [`${name}.11tydata.json`, `${name}.json`]) {
    const full = path.join(postsDir, file);
    if (!existsSync(full)) continue;
    const data = record(parseDataText(readFileSync(full, "utf8"), ".json"));
    const tags = Array.isArray(data.tags) ? data.tags.map(String) : text(data.tags) ? [text(data.tags)!] : [];
    return { ...(text(data.permalink) ? { permalink: text(data.permalink) } : {}), tags };
  }
  const script = [".11tydata.js", ".11tydata.cjs", ".11tydata.mjs"].map((extension) => path.join(postsDir, name + extension)).find((file) => existsSync(file));
  const source = script ? readFileSync(script, "utf8") : "";
  const permalink = /\bpermalink\s*:\s*(["'`])(.*?)\1/.exec(source)?.[2];
  const tags = /\btags\s*:\s*(["'`])(.*?)\1/.exec(source)?.[2];
  return { ...(permalink ? { permalink } : {}), tags: tags ? [tags] : [] };
}

/**
 * A Liquid or Nunjucks permalink ("/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug }}/")
 * with what the import knows: page.fileSlug, page.filePathStem, slug,
 * title | slugify, page.date | date with strftime's %Y %m %d %H %M %S.
 * Undefined when it uses anything else.
 */
function permalinkTemplate(template: string, post: PostFacts, fileSlug: string, inputRelative: string): string | undefined {
  let unknown = false;
  const result = template.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_whole, expression: string) => {
    const value = templateValue(expression, post, fileSlug, inputRelative);
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  if (unknown || /\{%/.test(result)) return undefined;
  return result.startsWith("/") ? result.replace(/\/index\.html$/, "/") : `/${result}`;
}

function templateValue(expression: string, post: PostFacts, fileSlug: string, inputRelative: string): string | undefined {
  const [head, ...filters] = expression.split("|").map((part) => part.trim());
  if (head === "page.fileSlug" && filters.length === 0) return fileSlug;
  if (head === "page.filePathStem" && filters.length === 0) return `/${inputRelative}`;
  if ((head === "title" || head === "slug") && filters.every((filter) => filter === "slugify" || filter === "slug")) return head === "slug" && filters.length === 0 ? post.slug : slugify(text(post.data[head]) ?? post.slug);
  const format = /^date\s*[:(]\s*["']([^"']+)["']\s*\)?$/.exec(filters[0] ?? "")?.[1];
  if (head === "page.date" && filters.length === 1 && format && post.date.kind !== "missing") {
    const { date } = post.date.kind === "instant" ? { date: post.date.date } : { date: new Date(Date.UTC(post.date.local.year, post.date.local.month - 1, post.date.local.day, post.date.local.hour, post.date.local.minute, post.date.local.second)) };
    // Eleventy reads a date without a zone as UTC: its calendar parts are as written.
    const parts = dateParts(date, 0);
    const known: Record<string, string> = { Y: parts.year, m: parts.month, d: parts.day, H: parts.hour, M: parts.minute, S: parts.second, y: parts.year.slice(2) };
    let unknown = false;
    const formatted = format.replace(/%([a-zA-Z])/g, (_whole, code: string) => known[code] ?? ((unknown = true), ""));
    return unknown ? undefined : formatted;
  }
  return undefined;
}
