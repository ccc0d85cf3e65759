import path from "node:path";
import { dayKey } from "../format/dates.ts";
import { slugify } from "../format/slug.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../images/image-options.ts";
import { ImageSizes, megapixelsOf } from "./convert/image-sizes.ts";
import { LinkRewriter } from "./convert/link-rewriter.ts";
import { MediaLibrary } from "./convert/media-library.ts";
import type { SourceArchive, SourceKind, SourcePost } from "./model.ts";
import { assignIds } from "./plan/assign-ids.ts";
import { AuthorRegistry } from "./plan/settle-authors.ts";
import { settlePost, type PostSettings, type SettledPost } from "./plan/settle-post.ts";
import { ImportReport, type ImportReportFile } from "./report.ts";
import { readAuthorsFile } from "./sources/authors-file.ts";
import { readSource } from "./sources/read-source.ts";
import { articleFileText, authorFileText } from "./write/article-file.ts";
import { newSiteSettings, readExistingSite, siteSettingsText } from "./write/site-settings.ts";
import { ContentWriter, type WriteTally } from "./write/write-content.ts";

export interface ImportOptions {
  from: SourceKind;
  /** The WXR file, or the static site's folder. */
  source: string;
  /** The content folder to write into. */
  contentDir: string;
  /** The project root: paths in the report are relative to it. */
  rootDir: string;
  isDryRun?: boolean;
  overwrite?: boolean;
  timeZone?: string;
  siteName?: string;
  baseUrl?: string;
  /** WordPress uploads folder. */
  mediaDir?: string;
  /** CSV, YAML or JSON file of author ids and names. */
  authorsFile?: string;
  /** Old-URL pattern for static sites whose own cannot be read ("/:year/:month/:day/:slug/"). */
  permalink?: string;
  /** The folder of posts in a static site, when it is not a usual one. */
  postsDir?: string;
  /** The desk that signs posts without an author. */
  defaultAuthor?: string;
}

export interface ImportResult {
  report: ImportReportFile;
  /** Where the report file was written (absent in a dry run). */
  reportPath?: string;
  /** Files written (or that would be, in a dry run) and files already as the import makes them. */
  files: WriteTally;
}

/**
 * Imports an archive into the content folder: reads the source, settles
 * every post (id, date, authors, tags, hero, body, old addresses), copies
 * the media, writes articles, authors, a site.yaml if there is none, and
 * the report. Running it again on the same source writes nothing new.
 */
export async function importArchive(options: ImportOptions): Promise<ImportResult> {
  const report = new ImportReport();
  const existingSite = readExistingSite(options.contentDir);
  const archive = readSource(options, report);
  const timeZone = options.timeZone ?? existingSite?.timeZone ?? archive.site.timeZone ?? "UTC";
  if (!options.timeZone && !existingSite?.timeZone && !archive.site.timeZone) {
    report.warn("site-setting-guessed", { file: sourceName(options), line: 0 }, "no time zone given (--time-zone) or found: dates without one are read in UTC");
  }
  const newBaseUrl = options.baseUrl ?? existingSite?.baseUrl;
  const siteHosts = siteHostsOf(archive.site.url, newBaseUrl);
  const media = new MediaLibrary({ roots: archive.mediaRoots, siteHosts, sourceRoot: archive.root, report });
  const links = new LinkRewriter({ siteHosts, ...oldSiteKept(archive.site.url, newBaseUrl) });
  const posts = datedPosts(archive, report);
  const ids = assignIds(posts, report);
  for (const [post, id] of ids) for (const oldPath of post.oldPaths) links.addPost(oldPath, id);
  links.addArchivePages(posts.flatMap((post) => post.authorKeys.map((key) => slugify(key))), posts.flatMap((post) => post.tags.map((tag) => slugify(tag))));
  const namesFile = options.authorsFile ? readAuthorsFile(options.authorsFile) : new Map();
  const desk = slugify(options.defaultAuthor ?? "news-desk") || "news-desk";
  const settings: PostSettings = {
    timeZone,
    defaultDesk: { id: desk, name: options.defaultAuthor && slugify(options.defaultAuthor) !== options.defaultAuthor ? options.defaultAuthor : "News desk" },
    authors: new AuthorRegistry(archive.authors, namesFile, report),
    media,
    links,
    report,
    iframeHosts: new Set(),
    imageSizes: new ImageSizes(),
  };
  const settled: SettledPost[] = [];
  for (const [post, id] of ids) {
    const result = await settleSafely(post, id, settings);
    if (result) settled.push(result);
  }
  const writer = new ContentWriter({ isDryRun: options.isDryRun ?? false, overwrite: options.overwrite ?? false, report, rootDir: options.rootDir });
  writeContent(writer, settled, settings, options);
  const largest = await largestImage(settings);
  if (!existingSite) writeSiteSettings(writer, settled, settings, archive, options, largest);
  else if (largest) for (const image of largest.over) report.warn("image-over-pixel-limit", { file: image, line: 0 }, `${image} is ${largest.megapixels.get(image)!.toFixed(0)} megapixels, above the build's limit of ${DEFAULT_IMAGE_SETTINGS.maxMegapixels}: raise images.maxMegapixels in site.yaml, or scale it down`);
  const file = reportFile(archive.kind, options, report, settled, settings);
  const reportPath = path.join(path.dirname(path.resolve(options.contentDir)), "import-report.json");
  if (options.isDryRun) return { report: file, files: writer.tally };
  new ContentWriter({ isDryRun: false, overwrite: true, report, rootDir: options.rootDir }).writeText(reportPath, `${JSON.stringify(file, null, 2)}\n`);
  return { report: file, reportPath, files: writer.tally };
}

/** Posts with a date; one without is dated by its file name when it has one, else not imported. */
function datedPosts(archive: SourceArchive, report: ImportReport): SourcePost[] {
  return archive.posts.filter((post) => {
    if (post.date.kind !== "missing") return true;
    report.warn("unreadable-post", post.place, "the post has no date, in its frontmatter or its file name: not imported");
    return false;
  });
}

async function settleSafely(post: SourcePost, id: string, settings: PostSettings): Promise<SettledPost | undefined> {
  try {
    return await settlePost(post, id, settings);
  } catch (error) {
    console.error(error);
    settings.report.warn("unreadable-post", post.place, `internal error, please report (${(error as Error).message}): the post was not imported`);
    return undefined;
  }
}

function writeContent(writer: ContentWriter, posts: readonly SettledPost[], settings: PostSettings, options: ImportOptions): void {
  const content = path.resolve(options.contentDir);
  for (const post of posts) writer.writeText(path.join(content, "articles", `${post.id}.md`), articleFileText(post.fields, post.body));
  for (const author of settings.authors.used.values()) writer.writeText(path.join(content, "authors", `${author.id}.md`), authorFileText(author));
  for (const [target, source] of [...settings.media.copies].sort(([a], [b]) => a.localeCompare(b))) writer.copyFile(path.join(content, ...target.split("/")), source);
}

/** The archive's images above the build's default pixel limit (long animations, huge scans), by content path. */
async function largestImage(settings: PostSettings): Promise<{ over: string[]; megapixels: Map<string, number>; maximum: number } | undefined> {
  const megapixels = new Map<string, number>();
  for (const [target, source] of [...settings.media.copies].sort(([a], [b]) => a.localeCompare(b))) {
    if (!target.startsWith("images/")) continue;
    const size = await settings.imageSizes.of(source);
    if (size && megapixelsOf(size) > DEFAULT_IMAGE_SETTINGS.maxMegapixels) megapixels.set(`content/${target}`, megapixelsOf(size));
  }
  if (megapixels.size === 0) return undefined;
  return { over: [...megapixels.keys()], megapixels, maximum: Math.max(...megapixels.values()) };
}

function writeSiteSettings(writer: ContentWriter, posts: readonly SettledPost[], settings: PostSettings, archive: SourceArchive, options: ImportOptions, largest: Awaited<ReturnType<typeof largestImage>>): void {
  const base = newSiteSettings({ ...(options.siteName ? { siteName: options.siteName } : {}), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), timeZone: settings.timeZone }, archive.site, settings.report, sourceName(options));
  const newest = posts.reduce<Date | undefined>((latest, post) => (!latest || post.date > latest ? post.date : latest), undefined);
  const archiveBefore = newest ? dayKey(new Date(newest.getTime() + 86_400_000), settings.timeZone) : undefined;
  const maxMegapixels = largest ? Math.ceil(largest.maximum) : undefined;
  if (largest) settings.report.warn("site-setting-guessed", { file: sourceName(options), line: 0 }, `the archive has ${largest.over.length} images above the build's limit of ${DEFAULT_IMAGE_SETTINGS.maxMegapixels} megapixels (the largest ${largest.maximum.toFixed(0)}, ${largest.over[0]}…): site.yaml sets images.maxMegapixels: ${maxMegapixels}`);
  const text = siteSettingsText({ ...base, ...(archiveBefore ? { archiveBefore } : {}), iframeHosts: [...settings.iframeHosts], ...(maxMegapixels ? { maxMegapixels } : {}) });
  writer.writeText(path.join(path.resolve(options.contentDir), "site.yaml"), text);
}

function reportFile(kind: SourceKind, options: ImportOptions, report: ImportReport, posts: readonly SettledPost[], settings: PostSettings): ImportReportFile {
  const tags = new Set(posts.flatMap((post) => post.fields.tags.map((tag) => slugify(tag))));
  const targets = [...settings.media.copies.keys()];
  return {
    from: kind,
    source: sourceName(options),
    content: relativeTo(options.rootDir, options.contentDir),
    counts: {
      posts: posts.length,
      drafts: posts.filter((post) => post.fields.isDraft).length,
      scheduled: posts.filter((post) => !post.fields.isDraft && post.date.getTime() > Date.now()).length,
      authors: settings.authors.used.size,
      tags: tags.size,
      images: targets.filter((target) => target.startsWith("images/")).length,
      otherMedia: targets.filter((target) => !target.startsWith("images/")).length,
      missingMedia: settings.media.missing.size,
    },
    warningsByKind: report.byKind(),
    warnings: report.sorted(),
  };
}

/**
 * The old site's address when the new site is published on another host:
 * the old site's pages that were not imported are still there.
 */
function oldSiteKept(oldUrl: string | undefined, newUrl: string | undefined): { oldSiteUrl?: string } {
  if (!oldUrl || !newUrl) return {};
  try {
    const [old, next] = [new URL(oldUrl), new URL(newUrl)];
    const bare = (host: string) => host.toLowerCase().replace(/^www\./, "");
    return bare(old.hostname) === bare(next.hostname) ? {} : { oldSiteUrl: `${old.origin}${old.pathname.replace(/\/+$/, "")}` };
  } catch {
    return {};
  }
}

/** The old site's host names (and the new one's): links and media there are the site's own. */
function siteHostsOf(...urls: (string | undefined)[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      if (url) {
        const host = new URL(url).hostname.toLowerCase();
        hosts.add(host);
        hosts.add(host.startsWith("www.") ? host.slice(4) : `www.${host}`);
      }
    } catch {
      // Not a URL: no host to add.
    }
  }
  return [...hosts];
}

function sourceName(options: ImportOptions): string {
  return relativeTo(options.rootDir, options.source);
}

function relativeTo(rootDir: string, file: string): string {
  const relative = path.relative(rootDir, path.resolve(file)).split(path.sep).join("/");
  return relative.startsWith("..") ? path.resolve(file) : relative || ".";
}
