import path from "node:path";
import type { KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { DEFAULT_IMAGE_SETTINGS, imageCacheDir, type ImageSettings } from "../images/image-options.ts";
import { ImagePipeline, type PipelineSummary } from "../images/image-pipeline.ts";
import type { MarkdownSource, RenderSettings } from "../markdown/pipeline.ts";
import type { SiteLink } from "../markdown/remark-link-policy.ts";
import { borrowsFiles, isStillValid, POOL_THRESHOLD, poolSize, renderBodies, showsSameCards, type RenderBodiesOptions, type SettledBody } from "../markdown/render-bodies.ts";
import { RenderCache, renderCacheDir, settingsKey } from "../markdown/render-cache.ts";
import { mapLimit } from "../util/map-limit.ts";
import { RenderPool, type RenderPoolOptions } from "../markdown/render-pool.ts";
import { TextSpool } from "../util/text-spool.ts";
import type { ArticleFrontmatter } from "../content/article-schema.ts";
import { buildArticles, type ArticleCandidate } from "./build-articles.ts";
import { buildAuthors, type BuiltAuthors } from "./build-authors.ts";
import { buildPages } from "./build-pages.ts";
import { ContentImages } from "./content-images.ts";
import type { ContentMemo } from "./content-memo.ts";
import type { LoadedContext } from "./saved-article.ts";
import { FileStamps } from "../util/file-stamp.ts";
import { FrontmatterCache, frontmatterCacheDir } from "../content/frontmatter.ts";
import { loadSite, type LoadedSite } from "../content/load-site.ts";
import type { Article, Content, ContentSiteLink, ScheduledArticle } from "../content/model.ts";
import { readContent, type ContentFiles } from "../content/read-content.ts";
import type { FileMemo, ReadFile } from "../content/read-files.ts";
import { routes } from "../content/routes.ts";
import { messageDate } from "../content/schema-diagnostics.ts";
import { siteNavigationDiagnostics, siteSettingsLinks } from "../content/site-checks.ts";
import type { SiteSettings } from "../content/site-schema.ts";

export interface LoadOptions {
  /** The project root; diagnostics name files relative to it. */
  rootDir: string;
  /** The content folder, relative to rootDir. */
  contentDir?: string;
  /** Preview builds include drafts and articles scheduled for later. */
  isPreview?: boolean;
  /** The build's "now": articles dated later are scheduled, not published (default: the clock). */
  now?: Date;
  /** Image derivative cache; default `imageCacheDir(rootDir)` (`.cache/images/`). */
  imageCacheDir?: string;
  /** Image encodes in flight at once; default: the machine's cores. */
  imageConcurrency?: number;
  /** Told of each file as its text is read, and of files as their frontmatter is parsed, with how many files there are. */
  onFileRead?: (total: number) => void;
  onFileParsed?: (total: number, count: number) => void;
  /** Told of each body rendered (not taken from a cache), with how many are to render. */
  onBodyRendered?: (total: number) => void;
  /** Told of each article built from its fields and body, with how many are to be built. */
  onArticleBuilt?: (total: number) => void;
  /** Where image progress lines go; default stderr. */
  log?: (line: string) => void;
  /** Rendered-Markdown cache; default `renderCacheDir(rootDir)` (`.cache/render/`); false: none. */
  renderCacheDir?: string | false;
  /** Parsed-frontmatter cache; default `frontmatterCacheDir(rootDir)` (`.cache/frontmatter/`); false: none. */
  frontmatterCacheDir?: string | false;
  /** Worker threads for Markdown; default: one per core (used past 400 uncached bodies). */
  renderWorkers?: number;
  /**
   * Checking, not building (`npm run check`): every check runs, but images
   * are not encoded and bodies that cannot report a problem are not
   * rendered; the returned content is not fit to publish.
   */
  checkOnly?: boolean;
  /** Kept between loads in one process (the dev server): unchanged files and articles are not built again. */
  memo?: ContentMemo;
}

export interface LoadResult {
  /** Present when nothing is an error. */
  content?: Content;
  /**
   * The content as far as it could be built, present whenever the site
   * settings are valid, for the checks that span the site (links between
   * pages): a problem elsewhere does not hide a broken link.
   */
  partial?: Content;
  diagnostics: Diagnostic[];
  /** What the image pipeline encoded and reused. */
  images?: PipelineSummary;
}

/**
 * Reads every article, author, standalone page and the site settings once,
 * validates them, resolves references (authors, related articles, images)
 * and renders the bodies. Returns every problem found, never throws on bad
 * content: a file with problems still exists for the others (no problem in
 * one file makes false ones in another), and its body is still rendered.
 */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const workers = new LoadWorkers(poolSize(options.renderWorkers));
  try {
    return await assemble(options, workers);
  } finally {
    await workers.close();
  }
}

/**
 * The render workers of one load. A cold archive (many files not in the
 * frontmatter cache) starts them before its frontmatter is parsed, so that
 * they boot (a second or two) while this thread parses, not after.
 */
class LoadWorkers {
  #pool: RenderPool | undefined;
  #closed = false;
  constructor(readonly size: number) {}

  startFor(files: number, options: () => Omit<RenderPoolOptions, "size">): void {
    if (!this.#pool && !this.#closed && files >= POOL_THRESHOLD && this.size > 1) this.#pool = new RenderPool({ ...options(), size: this.size });
  }

  get pool(): RenderPool | undefined {
    return this.#pool;
  }

  /** Ends the workers; the load calls it once every body is rendered, and again (doing nothing) at its end. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#closed = true;
    await pool?.close();
  }
}

/**
 * The sequence: the site settings, then the content's files read and
 * checked (src/content), the authors, the articles' bodies rendered
 * (src/markdown; a memo's where still good), the articles and pages built
 * with their images planned (src/images), and every problem found.
 */
async function assemble(options: LoadOptions, workers: LoadWorkers): Promise<LoadResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = path.resolve(rootDir, options.contentDir ?? "content");
  const isPreview = options.isPreview ?? false;
  const loadedSite = loadSite(rootDir, contentDir);
  const { site } = loadedSite;
  const stamps = new FileStamps(options.memo?.takenStamps);
  const images = contentImages(options, site, rootDir, contentDir, stamps);
  const caches = contentCaches(options, rootDir);
  const { memo } = options;
  // Set again at the end, by a load without errors.
  if (memo) memo.loaded = undefined;
  // A load that starts from a memo leaves most cache entries unread: pruning then would drop good ones.
  const mayPrune = !options.checkOnly && (!memo || memo.files.size === 0);
  const fileMemo: FileMemo | undefined = memo ? { previous: memo.files, next: new Map(), watched: memo.watched, saved: memo.saved, stamps } : undefined;
  // The aliases are known once the files are read: a pool started before then learns them when it is given bodies.
  const earlySettings: RenderSettings = { siteOrigin: site ? new URL(site.baseUrl).origin : "https://invalid.example", trustedHosts: site?.trustedHosts ?? { iframes: [], images: [] }, aliases: {}, rootDir, contentDir };
  const files = readContent({
    rootDir,
    contentDir,
    site: loadedSite,
    isPreview,
    now: options.now ?? new Date(),
    ...(caches.frontmatter ? { frontmatterCache: caches.frontmatter } : {}),
    ...(fileMemo ? { memo: fileMemo } : {}),
    onUncachedFiles: (count) => workers.startFor(count, () => ({ settings: earlySettings, resolveImage: images.resolveImage })),
    ...(options.onFileRead ? { onFileRead: options.onFileRead } : {}),
    ...(options.onFileParsed ? { onFileParsed: options.onFileParsed } : {}),
  });
  if (memo && fileMemo) {
    memo.files = fileMemo.next;
    memo.saved.clear();
  }
  const { diagnostics } = files;
  const renderOptions = {
    settings: { ...earlySettings, aliases: Object.fromEntries(files.aliases.map((alias) => [alias.from, alias.to])) },
    resolveImage: images.resolveImage,
    ...(caches.render ? { cache: caches.render } : {}),
    ...(options.renderWorkers !== undefined ? { workers: options.renderWorkers } : {}),
    checkOnly: options.checkOnly ?? false,
  };
  const authors = await buildAuthors(files.authorFiles, { images, renderOptions, diagnostics });
  const bodyOf = await articleBodies(files, { ...renderOptions, articles: files.cards, unpublished: files.unpublishedCards, spool: new TextSpool(), ...(workers.pool ? { pool: workers.pool } : {}) }, memo, options.onBodyRendered);
  // Nothing else is rendered in them: their heaps are let go before the articles are built, when the load holds the most.
  await workers.close();
  const candidates = articleCandidates(files, bodyOf);
  const references = { authorIds: new Set(files.authorFiles.map((read) => read.file.id)), articleIds: new Set(files.articleFiles.map((read) => read.file.id)), unpublished: files.unpublished, ...(site ? { timeZone: site.timeZone } : {}) };
  const built = await buildArticles(candidates, { site, authors, images, memo, cardTargets: files.cards, references, isPreview, stamps, ...(options.onArticleBuilt ? { onArticleBuilt: options.onArticleBuilt } : {}) });
  diagnostics.push(...built.diagnostics);
  const pages = await buildPages(files.pageFiles, { isPreview, renderOptions, cardTargets: files.cards, unpublishedCards: files.unpublishedCards, diagnostics });
  if (site && loadedSite.yaml) {
    diagnostics.push(...siteNavigationDiagnostics(site, { sourcePath: loadedSite.sourcePath, yaml: loadedSite.yaml }, { tagSlugs: new Set(built.tags.keys()), pageIds: new Set(pages.map((page) => page.id)) }));
  }
  await closeCaches(caches, mayPrune);
  // Every encode has finished (or failed) before anything is returned: a damaged image is an error like any other.
  const { summary: imageSummary, diagnostics: imageDiagnostics } = await images.finish();
  diagnostics.push(...imageDiagnostics);
  if (!site) return { diagnostics, images: imageSummary };
  if (!options.checkOnly && !hasErrors(diagnostics)) await built.addPlaceholders(images.pipeline);
  const content = contentOf({ site, loadedSite, files, authors, bodyOf, candidates, articles: built.articles, pages });
  // The preview builds its next saved article against this (saved-article.ts).
  if (memo && !hasErrors(diagnostics)) memo.loaded = loadedContext(files, { options, authors, renderSettings: renderOptions.settings, references, content });
  return hasErrors(diagnostics) ? { partial: content, diagnostics, images: imageSummary } : { content, partial: content, diagnostics, images: imageSummary };
}

/** What the preview builds its next saved article against: what this load found, without the files' parses. */
function loadedContext(files: ContentFiles, found: Omit<LoadedContext, "articleFiles" | "cards" | "unpublishedCards">): LoadedContext {
  return { ...found, articleFiles: new Map(files.articleFiles.map((read) => [read.file.absolutePath, read.file])), cards: files.cards, unpublishedCards: files.unpublishedCards };
}

/** The image pipeline of one load: images are checked and planned as they are met, encoded into the cache on a bounded queue while the rest loads. */
export function contentImages(options: LoadOptions, site: SiteSettings | undefined, rootDir: string, contentDir: string, stamps: FileStamps): ContentImages {
  const imageSettings = resolveImageSettings(site?.images);
  const pipeline = new ImagePipeline({
    cacheDir: options.imageCacheDir ?? imageCacheDir(rootDir),
    settings: imageSettings,
    ...(options.imageConcurrency ? { concurrency: options.imageConcurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.memo ? { checked: options.memo.images } : {}),
    stamps,
    encode: !options.checkOnly,
  });
  return new ContentImages(pipeline, imageSettings, rootDir, contentDir);
}

/** Bodies: every shown article's, its frontmatter valid or not, and a scheduled one's too (it goes live by itself). */
async function articleBodies(files: ContentFiles, options: RenderBodiesOptions, memo: ContentMemo | undefined, onBodyRendered?: (total: number) => void): Promise<Map<ReadFile<ArticleFrontmatter>, SettledBody>> {
  const toRender = files.articleFiles.filter((read) => read.parsed && (files.isShown(read) || files.standingOf(files.fieldsOf.get(read)!) === "scheduled"));
  // Rendered bodies wait in a file (the spool), not on the heap, until a page or feed shows them.
  const rendered = await settleBodies(toRender, options, memo, onBodyRendered);
  return new Map(toRender.map((read, index) => [read, rendered[index]!]));
}

function articleCandidates(files: ContentFiles, bodyOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, SettledBody>): ArticleCandidate[] {
  return files.articleFiles.flatMap((read) => {
    const fields = files.fieldsOf.get(read);
    if (!fields || !read.parsed) return [];
    return [{ read, fields, parsed: read.parsed, body: bodyOf.get(read), isShown: files.isShown(read), isScheduled: files.standingOf(fields) === "scheduled", slug: files.slugOf(read) }];
  });
}

/** The caches' new entries made readable by other builds; unused ones pruned when this load read them all. */
async function closeCaches(caches: { render?: RenderCache; frontmatter?: FrontmatterCache }, mayPrune: boolean): Promise<void> {
  await Promise.all([caches.render?.flush(), caches.frontmatter?.flush()]);
  if (mayPrune) {
    caches.render?.prune();
    caches.frontmatter?.prune();
  }
  caches.render?.close();
  caches.frontmatter?.close();
}

/** The loaded content, as far as it could be built. */
function contentOf(parts: {
  site: SiteSettings;
  loadedSite: LoadedSite;
  files: ContentFiles;
  authors: BuiltAuthors;
  bodyOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, SettledBody>;
  candidates: readonly ArticleCandidate[];
  articles: Article[];
  pages: Awaited<ReturnType<typeof buildPages>>;
}): Content {
  const { site, loadedSite, files, authors, bodyOf, candidates, articles, pages } = parts;
  const siteLinks: ContentSiteLink[] = siteSettingsLinks(site, { sourcePath: loadedSite.sourcePath, yaml: loadedSite.yaml! });
  // Most bodies link to no page of the site: a list made for each of 100,000 took a twentieth of a second.
  for (const [read, body] of bodyOf) {
    if (body.dependencies.siteLinks.length > 0) for (const link of placedLinks(read.file.sourcePath, body.dependencies.siteLinks)) siteLinks.push(link);
  }
  for (const link of authors.siteLinks) siteLinks.push(link);
  for (const page of pages) for (const link of placedLinks(page.sourcePath, page.siteLinks)) siteLinks.push(link);
  const scheduled: ScheduledArticle[] = candidates
    .filter((candidate) => candidate.isScheduled && !candidate.fields.draft)
    .map((candidate) => ({ id: candidate.read.file.id, sourcePath: candidate.read.file.sourcePath, publishAt: candidate.fields.date! }))
    .sort((a, b) => a.publishAt.getTime() - b.publishAt.getTime() || a.id.localeCompare(b.id));
  return {
    site,
    articles,
    authors: authors.byId,
    pages: pages.map(({ siteLinks: _links, ...page }) => page),
    siteLinks,
    aliases: files.aliases,
    // Their problems are reported; links to them are not broken.
    unbuiltArticleUrls: unbuiltArticleUrls(candidates, articles),
    scheduled,
  };
}

/** Shown articles that could not be built: their problems are reported, links to them are not broken. */
function unbuiltArticleUrls(candidates: readonly ArticleCandidate[], articles: readonly Article[]): string[] {
  // Articles are built from shown candidates only: as many as those, and every one was built (most builds; no set of 100,000 ids then).
  let shown = 0;
  for (const candidate of candidates) if (candidate.isShown) shown++;
  if (shown === articles.length) return [];
  const built = new Set(articles.map((article) => article.id));
  return candidates.filter((candidate) => candidate.isShown && !built.has(candidate.read.file.id)).map((candidate) => routes.article(candidate.slug));
}

/**
 * The bodies of `reads`, in order: a memo's body where it is still what this
 * load would render (the same render settings, and the cards and images it
 * borrowed resolve the same way), without reading its file's body; the rest
 * rendered (from the render cache where possible). A body without errors is
 * remembered for the next load.
 */
async function settleBodies(
  reads: readonly ReadFile<ArticleFrontmatter>[],
  options: RenderBodiesOptions,
  memo: ContentMemo | undefined,
  onBodyRendered?: (total: number) => void,
): Promise<SettledBody[]> {
  const settled = new Array<SettledBody>(reads.length);
  const settings = memo ? settingsKey(options.settings) : "";
  const missing: number[] = [];
  // Decided here when a body shows no file (most do): a preview save asks this of every body.
  const showingFiles: number[] = [];
  reads.forEach((read, index) => {
    const kept = memo?.bodies.get(read);
    if (!kept || kept.settingsKey !== settings || !showsSameCards(kept.body, options)) missing.push(index);
    else if (borrowsFiles(kept.body)) showingFiles.push(index);
    else settled[index] = kept.body;
  });
  await mapLimit(showingFiles, 16, async (index) => {
    const read = reads[index]!;
    const kept = memo!.bodies.get(read)!;
    if (await isStillValid(kept.body, { path: read.file.sourcePath, bodyLineOffset: read.parsed!.bodyLineOffset }, options)) settled[index] = kept.body;
    else missing.push(index);
  });
  missing.sort((a, b) => a - b);
  const rendered = await renderBodies(missing.map((index) => markdownSource(reads[index]!)), { ...options, ...(onBodyRendered ? { onRendered: onBodyRendered } : {}) });
  missing.forEach((index, position) => {
    const body = rendered.bodies[position]!;
    settled[index] = body;
    if (memo && !options.checkOnly && !hasErrors(body.diagnostics)) memo.bodies.set(reads[index]!, { settingsKey: settings, body });
  });
  return settled;
}

function markdownSource(read: ReadFile<unknown>): MarkdownSource {
  return { body: read.parsed!.body, path: read.file.sourcePath, bodyLineOffset: read.parsed!.bodyLineOffset };
}

/** A body's links to the site's own pages (at file lines: the link policy adds the body's offset). */
export function placedLinks(file: string, links: readonly SiteLink[]): ContentSiteLink[] {
  return links.map((link) => ({ file, line: link.line, column: link.column, path: link.path, written: link.written }));
}

/** The render and frontmatter caches; kept by a memo for the life of the dev server (each reads its indexes once). */
function contentCaches(options: LoadOptions, rootDir: string): { render?: RenderCache; frontmatter?: FrontmatterCache } {
  const cacheIn = <C extends KeyedJsonCache<unknown>>(kind: string, dir: string, create: (dir: string) => C): C => {
    const kept = options.memo?.caches.get(`${kind}:${dir}`) as C | undefined;
    if (kept) return kept;
    const cache = create(dir);
    options.memo?.caches.set(`${kind}:${dir}`, cache);
    return cache;
  };
  return {
    ...(options.renderCacheDir === false ? {} : { render: cacheIn("render", options.renderCacheDir ?? renderCacheDir(rootDir), (dir) => new RenderCache(dir)) }),
    ...(options.frontmatterCacheDir === false ? {} : { frontmatter: cacheIn("frontmatter", options.frontmatterCacheDir ?? frontmatterCacheDir(rootDir), (dir) => new FrontmatterCache(dir)) }),
  };
}

/** A content file's path as diagnostics and articles name it: relative to the project root, with "/". */
export function sourcePathOf(rootDir: string, absolutePath: string): string {
  return path.relative(rootDir, absolutePath).split(path.sep).join("/");
}

/** Site settings' `images:` over the defaults. */
function resolveImageSettings(fromSite: Partial<ImageSettings> | undefined): ImageSettings {
  const settings: ImageSettings = { ...DEFAULT_IMAGE_SETTINGS };
  for (const [key, value] of Object.entries(fromSite ?? {})) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

/** When the site's settings are broken, messages show dates in UTC. */
export function describeDate(date: Date, site: SiteSettings | undefined): string {
  return messageDate(date, site?.timeZone);
}

export type { AuthorFrontmatter } from "../content/author-schema.ts";
