import path from "node:path";
import type { KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { readingMinutes } from "../format/reading-time.ts";
import { DEFAULT_IMAGE_SETTINGS, imageCacheDir, type ImageSettings } from "../images/image-options.ts";
import { ImagePipeline, type PipelineSummary } from "../images/image-pipeline.ts";
import type { MarkdownSource, RenderSettings } from "../markdown/pipeline.ts";
import type { SiteLink } from "../markdown/remark-link-policy.ts";
import type { RelatedCardTarget, UnpublishedTarget } from "../markdown/remark-related-card.ts";
import { isStillValid, POOL_THRESHOLD, poolSize, renderBodies, type RenderBodiesOptions, type SettledBody } from "../markdown/render-bodies.ts";
import { RenderCache, renderCacheDir, settingsKey } from "../markdown/render-cache.ts";
import { mapLimit } from "../util/map-limit.ts";
import { RenderPool, type RenderPoolOptions } from "../markdown/render-pool.ts";
import { TextSpool } from "../util/text-spool.ts";
import { unpublishedParams, type Unpublished } from "./article-references.ts";
import { articleFieldRules, articleSchema, validFields, type ArticleFrontmatter } from "./article-schema.ts";
import { buildArticles, type ArticleCandidate } from "./build-articles.ts";
import { buildAuthors } from "./build-authors.ts";
import { buildPages } from "./build-pages.ts";
import { ContentImages } from "./content-images.ts";
import { FileStamps, type ContentMemo } from "./content-memo.ts";
import { discoverFolder } from "./discover-files.ts";
import { FrontmatterCache, frontmatterCacheDir } from "./frontmatter.ts";
import { loadSite } from "./load-site.ts";
import { declaredAliases } from "./aliases.ts";
import type { Article, Content, ContentSiteLink, ScheduledArticle } from "./model.ts";
import { pageSchema } from "./page-schema.ts";
import { readContentFiles, type FileMemo, type ReadFile } from "./read-files.ts";
import { routes } from "./routes.ts";
import { fieldRuleDiagnostics, messageDate } from "./schema-diagnostics.ts";
import { authorSchema } from "./author-schema.ts";
import { siteNavigationDiagnostics, siteSettingsLinks } from "./site-checks.ts";
import type { SiteSettings } from "./site-schema.ts";

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
  /** Told of each body rendered (not taken from a cache), with how many are to render. */
  onBodyRendered?: (total: number) => void;
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
    return await loadWith(options, workers);
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
  constructor(readonly size: number) {}

  startFor(files: number, options: () => Omit<RenderPoolOptions, "size">): void {
    if (!this.#pool && files >= POOL_THRESHOLD && this.size > 1) this.#pool = new RenderPool({ ...options(), size: this.size });
  }

  get pool(): RenderPool | undefined {
    return this.#pool;
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}

/** How an article stands in this build. */
type Standing = "published" | "draft" | "scheduled";

async function loadWith(options: LoadOptions, workers: LoadWorkers): Promise<LoadResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = path.resolve(rootDir, options.contentDir ?? "content");
  const isPreview = options.isPreview ?? false;
  const diagnostics: Diagnostic[] = [];

  const loadedSite = loadSite(rootDir, contentDir);
  diagnostics.push(...loadedSite.diagnostics);
  const { site } = loadedSite;
  const timeZone = site?.timeZone;
  const siteOrigin = site ? new URL(site.baseUrl).origin : "https://invalid.example";

  // Images are checked and planned as they are met, encoded into the cache on a bounded queue while the rest loads.
  const imageSettings = resolveImageSettings(site?.images);
  const images = new ContentImages(
    new ImagePipeline({
      cacheDir: options.imageCacheDir ?? imageCacheDir(rootDir),
      settings: imageSettings,
      ...(options.imageConcurrency ? { concurrency: options.imageConcurrency } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.memo ? { checked: options.memo.images } : {}),
      encode: !options.checkOnly,
    }),
    imageSettings,
    rootDir,
    contentDir,
  );
  const caches = contentCaches(options, rootDir);
  // The aliases are known once the files are read: a pool started before then learns them when it is given bodies.
  const earlySettings: RenderSettings = { siteOrigin, trustedHosts: site?.trustedHosts ?? { iframes: [], images: [] }, aliases: {}, rootDir, contentDir };

  // Files: found, read, parsed and validated, each on its own.
  const folders = {
    authors: discoverFolder(rootDir, contentDir, "authors", { recursive: false }),
    articles: discoverFolder(rootDir, contentDir, "articles", { recursive: true }),
    pages: discoverFolder(rootDir, contentDir, "pages", { recursive: true }),
  };
  for (const folder of Object.values(folders)) diagnostics.push(...folder.diagnostics);
  const { memo } = options;
  // A load that starts from a memo leaves most cache entries unread: pruning then would drop good ones.
  const mayPrune = !options.checkOnly && (!memo || memo.files.size === 0);
  const fileMemo: FileMemo | undefined = memo ? { previous: memo.files, next: new Map(), watched: memo.watched, saved: memo.saved } : undefined;
  const readOptions = {
    ...(caches.frontmatter ? { cache: caches.frontmatter } : {}),
    beforeSplitting: (misses: number) => workers.startFor(misses, () => ({ settings: earlySettings, resolveImage: images.resolveImage })),
    ...(timeZone ? { timeZone } : {}),
    ...(fileMemo ? { memo: fileMemo } : {}),
  };
  const authorFiles = readContentFiles(folders.authors.files, authorSchema, readOptions);
  const articleFiles = readContentFiles(folders.articles.files, articleSchema, readOptions);
  const pageFiles = readContentFiles(folders.pages.files, pageSchema, readOptions);
  if (memo && fileMemo) {
    memo.files = fileMemo.next;
    memo.saved.clear();
  }
  for (const read of [...authorFiles, ...articleFiles, ...pageFiles]) diagnostics.push(...read.diagnostics);

  // Each article's fields that are valid on their own: what references, statuses and cards read, whatever else is wrong.
  const fieldsOf = new Map<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>();
  for (const read of articleFiles) {
    if (!read.parsed) continue;
    // Frontmatter that is not even YAML says nothing about its fields: no rule is checked on them.
    const isYaml = read.parsed.errors.length === 0;
    const fields = read.data ?? (isYaml ? validFields(read.parsed.data) : {});
    fieldsOf.set(read, fields);
    if (isYaml) diagnostics.push(...fieldRuleDiagnostics(articleFieldRules(fields), { file: read.file.sourcePath, yaml: read.parsed, ...(timeZone ? { timeZone } : {}) }));
  }

  const now = (options.now ?? new Date()).getTime();
  const standingOf = (fields: Partial<ArticleFrontmatter>): Standing => (fields.draft ? "draft" : fields.date && fields.date.getTime() > now ? "scheduled" : "published");
  // What this build shows: the published articles; in a preview, drafts and scheduled ones too (once they have a dek).
  const shown = (read: ReadFile<ArticleFrontmatter>) => {
    const fields = fieldsOf.get(read);
    if (!fields) return false;
    // A file whose frontmatter is not YAML counts as shown: its body is still checked.
    const isYaml = read.parsed!.errors.length === 0;
    return isPreview ? !isYaml || fields.dek !== undefined : standingOf(fields) === "published";
  };
  const unpublished = new Map<string, Unpublished>();
  for (const [read, fields] of fieldsOf) {
    if (shown(read)) continue;
    const standing = standingOf(fields);
    if (standing !== "published") unpublished.set(read.file.id, standing === "draft" ? { isDraft: true } : { isDraft: false, publishAt: fields.date! });
  }
  if (isPreview) {
    for (const read of articleFiles) {
      const fields = fieldsOf.get(read);
      if (fields?.draft && fields.dek === undefined) diagnostics.push(diagnose("article/incomplete-draft", { file: read.file.sourcePath, line: 1, column: 1 }, {}));
    }
  }

  // Related cards show other articles: the shown ones, and a file with problems as itself (it is reported on its own).
  const slugOf = (read: ReadFile<ArticleFrontmatter>) => fieldsOf.get(read)?.slug ?? read.file.id;
  const cardTargets = new Map<string, RelatedCardTarget>();
  for (const read of articleFiles) {
    const fields = fieldsOf.get(read);
    if (!fields || unpublished.has(read.file.id) || (!shown(read) && read.data)) continue;
    cardTargets.set(read.file.id, cardTargetOf(read, fields.title ?? read.file.id, fields.dek ?? "", routes.article(slugOf(read))));
  }
  const unpublishedCards = new Map<string, UnpublishedTarget>([...unpublished].map(([id, held]) => [id, unpublishedParams(held, timeZone)]));

  // Old addresses, and where each now is: a shown article's, every author's and page's.
  const aliases = declaredAliases({ articleFiles, fieldsOf, shown, slugOf, authorFiles, pageFiles });
  const settings: RenderSettings = { ...earlySettings, aliases: Object.fromEntries(aliases.map((alias) => [alias.from, alias.to])) };
  const renderOptions = {
    settings,
    resolveImage: images.resolveImage,
    ...(caches.render ? { cache: caches.render } : {}),
    ...(options.renderWorkers !== undefined ? { workers: options.renderWorkers } : {}),
    checkOnly: options.checkOnly ?? false,
  };

  const authors = await buildAuthors(authorFiles, { images, renderOptions, diagnostics });

  // Bodies: every shown article's, its frontmatter valid or not, and a scheduled one's too (it goes live by itself).
  const toRender = articleFiles.filter((read) => read.parsed && (shown(read) || standingOf(fieldsOf.get(read)!) === "scheduled"));
  const rendered = await settleBodies(
    toRender,
    // Rendered bodies wait in a file, not on the heap, until a page or feed shows them.
    { ...renderOptions, articles: cardTargets, unpublished: unpublishedCards, spool: new TextSpool(), ...(workers.pool ? { pool: workers.pool } : {}) },
    memo,
    options.onBodyRendered,
  );
  const bodyOf = new Map<ReadFile<ArticleFrontmatter>, SettledBody>(toRender.map((read, index) => [read, rendered[index]!]));

  const candidates: ArticleCandidate[] = articleFiles.flatMap((read) => {
    const fields = fieldsOf.get(read);
    return fields && read.parsed ? [{ read, fields, parsed: read.parsed, body: bodyOf.get(read), isShown: shown(read), isScheduled: standingOf(fields) === "scheduled", slug: slugOf(read) }] : [];
  });
  const built = await buildArticles(candidates, {
    site,
    authors,
    images,
    memo,
    cardTargets,
    references: { authorIds: new Set(authorFiles.map((read) => read.file.id)), articleIds: new Set(articleFiles.map((read) => read.file.id)), unpublished, ...(timeZone ? { timeZone } : {}) },
    isPreview,
    stamps: new FileStamps(),
  });
  diagnostics.push(...built.diagnostics);

  const pages = await buildPages(pageFiles, { isPreview, renderOptions, cardTargets, unpublishedCards, diagnostics });

  if (site && loadedSite.yaml) {
    diagnostics.push(...siteNavigationDiagnostics(site, { sourcePath: loadedSite.sourcePath, yaml: loadedSite.yaml }, { tagSlugs: new Set(built.tags.keys()), pageIds: new Set(pages.map((page) => page.id)) }));
  }

  // A check looks up only the bodies that can fail: pruning then would drop good entries; so does a load that reused a memo's.
  await Promise.all([caches.render?.flush(), caches.frontmatter?.flush()]);
  if (mayPrune) {
    caches.render?.prune();
    caches.frontmatter?.prune();
  }
  caches.render?.close();
  caches.frontmatter?.close();

  // Every encode has finished (or failed) before anything is returned: a damaged image is an error like any other.
  const { summary: imageSummary, diagnostics: imageDiagnostics } = await images.finish();
  diagnostics.push(...imageDiagnostics);
  if (!site) return { diagnostics, images: imageSummary };
  if (!options.checkOnly && !hasErrors(diagnostics)) await built.addPlaceholders(images.pipeline);

  const siteLinks: ContentSiteLink[] = [
    ...siteSettingsLinks(site, { sourcePath: loadedSite.sourcePath, yaml: loadedSite.yaml! }),
    ...[...bodyOf.entries()].flatMap(([read, body]) => placedLinks(read.file.sourcePath, body.dependencies.siteLinks)),
    ...authors.siteLinks,
    ...pages.flatMap((page) => placedLinks(page.sourcePath, page.siteLinks)),
  ];
  const scheduled: ScheduledArticle[] = candidates
    .filter((candidate) => candidate.isScheduled && !candidate.fields.draft)
    .map((candidate) => ({ id: candidate.read.file.id, sourcePath: candidate.read.file.sourcePath, publishAt: candidate.fields.date! }))
    .sort((a, b) => a.publishAt.getTime() - b.publishAt.getTime() || a.id.localeCompare(b.id));
  const content: Content = {
    site,
    articles: built.articles,
    authors: authors.byId,
    pages: pages.map(({ siteLinks: _links, ...page }) => page),
    siteLinks,
    aliases,
    // Their problems are reported; links to them are not broken.
    unbuiltArticleUrls: unbuiltArticleUrls(candidates, built.articles),
    scheduled,
  };
  return hasErrors(diagnostics) ? { partial: content, diagnostics, images: imageSummary } : { content, partial: content, diagnostics, images: imageSummary };
}

/** Shown articles that could not be built: their problems are reported, links to them are not broken. */
function unbuiltArticleUrls(candidates: readonly ArticleCandidate[], articles: readonly Article[]): string[] {
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
  await mapLimit(reads, 16, async (read, index) => {
    const kept = memo?.bodies.get(read);
    const place = { path: read.file.sourcePath, bodyLineOffset: read.parsed!.bodyLineOffset };
    if (kept && kept.settingsKey === settings && (await isStillValid(kept.body, place, options))) settled[index] = kept.body;
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
function placedLinks(file: string, links: readonly SiteLink[]): ContentSiteLink[] {
  return links.map((link) => ({ file, line: link.line, column: link.column, path: link.path, written: link.written }));
}

/** An article as the related cards of others show it; one object per parsed file (a memo's loads compare them at a glance). */
const cardTargetsByFile = new WeakMap<object, RelatedCardTarget>();
function cardTargetOf(read: ReadFile<ArticleFrontmatter>, title: string, dek: string, url: string): RelatedCardTarget {
  const known = read.parsed && cardTargetsByFile.get(read.parsed);
  if (known && known.title === title && known.dek === dek && known.url === url) return known;
  const target = { title, dek, url };
  if (read.parsed) cardTargetsByFile.set(read.parsed, target);
  return target;
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

export type { AuthorFrontmatter } from "./author-schema.ts";
