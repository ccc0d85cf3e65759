import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { readingMinutes } from "../format/reading-time.ts";
import { labelFromSlug, slugify } from "../format/slug.ts";
import { AUTHOR_PHOTO_WIDTH, DEFAULT_IMAGE_SETTINGS, FORMATS, imageCacheDir, type ImageSettings } from "../images/image-options.ts";
import { ImagePipeline, type PipelineSummary, type SourceImage } from "../images/image-pipeline.ts";
import { bodyImageProblems, heroImageProblems, type ImageProblem } from "../images/image-problems.ts";
import { CENTER, cssPosition } from "../images/planner.ts";
import { planHero, responsiveImage } from "../images/responsive-image.ts";
import type { RenderedMarkdown } from "../markdown/pipeline.ts";
import type { LocalImagesOptions } from "../markdown/remark-local-images.ts";
import type { RelatedCardTarget } from "../markdown/remark-related-card.ts";
import { POOL_THRESHOLD, poolSize, renderBodies } from "../markdown/render-bodies.ts";
import { RenderPool, type RenderPoolOptions } from "../markdown/render-pool.ts";
import { RenderCache, renderCacheDir } from "../markdown/render-cache.ts";
import { mapLimit } from "../util/map-limit.ts";
import { TextSpool } from "../util/text-spool.ts";
import { fileStamp, type ContentMemo, type MemoFile } from "./content-memo.ts";
import { articleWithBody, type ArticleFields } from "./article-body.ts";
import { articleSchema, type ArticleFrontmatter } from "./article-schema.ts";
import { resolveAsset } from "./assets.ts";
import { authorSchema, type AuthorFrontmatter } from "./author-schema.ts";
import { FrontmatterCache, frontmatterCacheDir, parseFrontmatterFiles, type ParsedFrontmatter } from "./frontmatter.ts";
import type { Article, Author, AudioVersion, Content, Hero, ResponsiveImage, Tag } from "./model.ts";
import { routes } from "./routes.ts";
import { schemaDiagnostics } from "./schema-diagnostics.ts";
import { siteSchema, type SiteSettings } from "./site-schema.ts";
import { parseYamlSource } from "./yaml-source.ts";

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
  diagnostics: Diagnostic[];
  /** What the image pipeline encoded and reused. */
  images?: PipelineSummary;
}

/** A place in a content file that uses an image, for reporting a source that fails to encode. */
interface ImageReference {
  source: SourceImage;
  written: string;
  file: string;
  /** Asked for only if the image fails: a frontmatter place may parse the YAML again (see `yamlSource`). */
  place: () => { line: number; column: number };
  ruleId: string;
  /** Reported at the place once loading is done (a hero too small, what sanitising an SVG removed). */
  problems: readonly ImageProblem[];
}

const AUDIO_TYPES: Record<string, string> = { ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav" };
/** Hero images checked at once. */
const IMAGE_CHECK_CONCURRENCY = 16;
/** Google shows about this many characters of a headline; longer ones are cut. */
const LONG_HEADLINE = 110;

/** Frontmatter with what a draft may leave out filled in: everything that gets a page. */
type CompleteArticle = ArticleFrontmatter & Required<Pick<ArticleFrontmatter, "dek">>;

/** A Markdown file whose frontmatter passed its schema. */
interface ValidFile<T> {
  id: string;
  sourcePath: string;
  absolutePath: string;
  data: T;
  parsed: ParsedFrontmatter;
}

/**
 * The render workers of one load. A cold archive (many files not in the
 * frontmatter cache) starts them before its frontmatter is parsed, so that
 * they boot (a second or two) while this thread parses, not after.
 */
class LoadWorkers {
  #pool: RenderPool | undefined;
  constructor(readonly size: number) {}

  /** Starts the pool if `files` to parse are worth it (their bodies are most likely not rendered yet either). */
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

/**
 * Reads every article, author and the site settings once, validates them,
 * resolves references (authors, related articles, images) and renders the
 * bodies. Returns every problem found, never throws on bad content.
 */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const workers = new LoadWorkers(poolSize(options.renderWorkers));
  try {
    return await loadWith(options, workers);
  } finally {
    await workers.close();
  }
}

async function loadWith(options: LoadOptions, workers: LoadWorkers): Promise<LoadResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = path.resolve(rootDir, options.contentDir ?? "content");
  const relative = (file: string) => sourcePathOf(rootDir, file);
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, place: { line: number; column: number }, message: string, ruleId: string, hint?: string) =>
    diagnostics.push({ file, ...place, severity: "error", message, ruleId, ...(hint ? { hint } : {}) });

  const site = loadSite(path.join(contentDir, "site.yaml"), relative, diagnostics);
  const siteOrigin = site ? new URL(site.baseUrl).origin : "https://invalid.example";

  // Images: checked and planned as they are met, encoded into the cache on a
  // bounded queue while the rest loads; damaged ones are reported at the end.
  const imageSettings = resolveImageSettings(site?.images);
  const images = new ImagePipeline({
    cacheDir: options.imageCacheDir ?? imageCacheDir(rootDir),
    settings: imageSettings,
    ...(options.imageConcurrency ? { concurrency: options.imageConcurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
    encode: !options.checkOnly,
  });
  const imageReferences = new Map<string, ImageReference>();
  const heroSources = new Map<Hero, SourceImage>();

  const inspectImage = async (fromFile: string, written: string) => {
    const asset = resolveAsset(contentDir, fromFile, written);
    if (!asset.ok) return { ...asset, kind: "not-found" as const };
    if (!asset.url.startsWith("/images/")) {
      return { ok: false as const, problem: `"${written}" is not in the images folder`, hint: "put images in content/images/", kind: "not-found" as const };
    }
    return images.inspect(asset.absolutePath, written);
  };

  const resolveImage: LocalImagesOptions["resolveImage"] = async (written, file, { alt, position }) => {
    const checked = await inspectImage(path.resolve(rootDir, file.path), written);
    if (!checked.ok) return { ok: false, problem: checked.problem, hint: checked.hint, ruleId: checked.kind === "not-found" ? "image-not-found" : checked.kind };
    const image = responsiveImage(images.rendition(checked.source, { widths: imageSettings.bodyWidths, formats: FORMATS }), alt, cssPosition(CENTER));
    const line = (position?.start.line ?? 1) + (file.data.bodyLineOffset ?? 0);
    const column = position?.start.column ?? 1;
    // Keyed by place: a cached render's images are resolved again to check it.
    imageReferences.set(`${file.path}:${line}:${column}`, { source: checked.source, written, file: file.path, place: () => ({ line, column }), ruleId: "images/damaged", problems: bodyImageProblems(checked.source, written) });
    return { ok: true, image };
  };
  const bodyImagesOf = (body: RenderedMarkdown): ResponsiveImage[] =>
    body.dependencies.localImages.flatMap(({ result, context }) => (result.ok ? [{ ...result.image, alt: context.alt, position: cssPosition(CENTER) }] : []));
  // One per folder for the life of a memo (the dev server's), so that a save does not read the caches' indexes again.
  const cacheIn = <C extends KeyedJsonCache<unknown>>(kind: string, dir: string, create: (dir: string) => C): C => {
    const kept = options.memo?.caches.get(`${kind}:${dir}`) as C | undefined;
    if (kept) return kept;
    const cache = create(dir);
    options.memo?.caches.set(`${kind}:${dir}`, cache);
    return cache;
  };
  const renderCache = options.renderCacheDir === false ? undefined : cacheIn("render", options.renderCacheDir ?? renderCacheDir(rootDir), (dir) => new RenderCache(dir));
  const renderOptions = {
    siteOrigin,
    resolveImage,
    ...(renderCache ? { cache: renderCache } : {}),
    ...(options.renderWorkers !== undefined ? { workers: options.renderWorkers } : {}),
    checkOnly: options.checkOnly ?? false,
  };
  const beforeSplitting = (misses: number) => workers.startFor(misses, () => ({ siteOrigin, resolveImage }));

  const frontmatterCache = options.frontmatterCacheDir === false ? undefined : cacheIn("frontmatter", options.frontmatterCacheDir ?? frontmatterCacheDir(rootDir), (dir) => new FrontmatterCache(dir));
  const { memo } = options;
  const fileMemo = memo ? { previous: memo.files, next: new Map<string, MemoFile<unknown>>(), watched: memo.watched, saved: memo.saved } : undefined;
  // Authors first: articles refer to them.
  const authorFiles = readValidFiles(path.join(contentDir, "authors"), authorSchema, relative, diagnostics, { cache: frontmatterCache, beforeSplitting }, fileMemo);
  const bios = await renderBodies(
    authorFiles.map((file) => ({ body: file.parsed.body, path: file.sourcePath, bodyLineOffset: file.parsed.bodyLineOffset })),
    { ...renderOptions, articles: new Map() },
  );
  const authors = new Map<string, Author>();
  for (const [index, file] of authorFiles.entries()) {
    const bio = bios.bodies[index]!;
    diagnostics.push(...bio.diagnostics);
    const author: Author = {
      id: file.id,
      name: file.data.name,
      isDesk: file.data.type === "desk",
      ...(file.data.role ? { role: file.data.role } : {}),
      bioHtml: bio.html,
      url: routes.author(file.id),
      sourcePath: file.sourcePath,
    };
    if (file.data.photo) {
      const place = () => file.parsed.locate(["photo", "src"]);
      const photo = await inspectImage(file.absolutePath, file.data.photo.src);
      if (photo.ok) {
        const plan = images.rendition(photo.source, { widths: [AUTHOR_PHOTO_WIDTH], formats: ["jpeg"] });
        author.photo = { url: plan.sources[0]!.candidates[0]!.url, width: plan.width, height: plan.height, alt: file.data.photo.alt };
        imageReferences.set(`${file.sourcePath}:photo`, { source: photo.source, written: file.data.photo.src, file: file.sourcePath, place, ruleId: "author/photo-damaged", problems: bodyImageProblems(photo.source, file.data.photo.src) });
      } else {
        report(file.sourcePath, place(), photo.problem, photo.kind === "not-found" ? "author/photo-not-found" : `author/photo-${photo.kind}`, photo.hint);
      }
    }
    authors.set(file.id, author);
  }

  const articleFiles = readValidFiles(path.join(contentDir, "articles"), articleSchema, relative, diagnostics, { cache: frontmatterCache, beforeSplitting }, fileMemo);
  if (memo && fileMemo) {
    memo.files = fileMemo.next;
    memo.saved.clear();
  }
  const now = (options.now ?? new Date()).getTime();
  // As numbers: comparing two Dates converts both on every call.
  const isScheduled = (file: ValidFile<ArticleFrontmatter>) => file.data.date.getTime() > now;
  // A draft still being written (no dek yet) is checked but not shown, even in previews.
  const isComplete = (file: ValidFile<ArticleFrontmatter>): file is ValidFile<CompleteArticle> => Boolean(file.data.dek);
  for (const file of articleFiles) {
    if (options.isPreview && !isComplete(file)) {
      diagnostics.push({
        file: file.sourcePath, line: 1, column: 1, severity: "warning",
        message: "draft has no dek yet, so previews do not show it",
        hint: "add dek: (the one-sentence standfirst) to see it in previews", ruleId: "article/incomplete-draft",
      });
    }
  }
  const published = articleFiles.filter(isComplete).filter((file) => options.isPreview || (!file.data.draft && !isScheduled(file)));
  const scheduled = articleFiles
    .filter((file) => !file.data.draft && isScheduled(file))
    .map((file) => ({ id: file.id, sourcePath: file.sourcePath, publishAt: file.data.date }))
    .sort((a, b) => a.publishAt.getTime() - b.publishAt.getTime() || a.id.localeCompare(b.id));
  for (const file of articleFiles) {
    if (file.data.title.length > LONG_HEADLINE) {
      diagnostics.push({
        file: file.sourcePath, ...file.parsed.locate(["title"]), severity: "warning",
        message: `headline is ${file.data.title.length} characters long`,
        hint: `search engines cut headlines after about ${LONG_HEADLINE}; put the rest in the dek`, ruleId: "article/long-headline",
      });
    }
  }
  const publishedIds = new Set(published.map((file) => file.id));

  // Slugs are unique across every article, drafts included: publishing a draft must not break a URL.
  const slugOwners = new Map<string, ValidFile<ArticleFrontmatter>>();
  const slugs = new Map<string, string>();
  for (const file of articleFiles) {
    const slug = slugOf(file);
    slugs.set(file.id, slug);
    const owner = slugOwners.get(slug);
    if (owner) {
      report(file.sourcePath, file.parsed.locate(file.data.slug ? ["slug"] : []), `slug "${slug}" is already used by ${owner.sourcePath}`, "article/duplicate-slug", "set a different slug: in one of them");
    } else {
      slugOwners.set(slug, file);
    }
  }

  const cardTargets = new Map<string, RelatedCardTarget>(published.map((file) => [file.id, cardTargetOf(file)]));
  // Articles built by the previous load (the dev server's) are kept while
  // nothing they read has changed: their file (the same parsed object), what
  // every article reads (site settings, authors), and what each reads of the
  // others (its slug, its related articles being published, its cards).
  if (memo) {
    const context = JSON.stringify([site, [...authors.values()].map(({ id, name, isDesk, url }) => [id, name, isDesk, url]), options.isPreview ?? false, contentDir]);
    if (context !== memo.context) memo.articles = new WeakMap();
    memo.context = context;
  }
  const remembered = (file: ValidFile<CompleteArticle>): Article | undefined => {
    const entry = memo?.articles.get(file);
    if (!entry) return undefined;
    const { article } = entry;
    const unchanged =
      article.slug === slugs.get(file.id) &&
      article.isScheduled === isScheduled(file) &&
      file.data.related.every((entry) => typeof entry !== "string" || publishedIds.has(entry)) &&
      entry.cards.every(([id, shown]) => sameCard(cardTargets.get(id), shown));
    return unchanged ? article : undefined;
  };
  const kept = new Map(published.map((file) => [file, remembered(file)]));
  const toBuild = published.filter((file) => !kept.get(file));
  const rendered = await renderBodies(
    toBuild.map((file) => ({ body: file.parsed.body, path: file.sourcePath, bodyLineOffset: file.parsed.bodyLineOffset })),
    // Rendered bodies wait in a file, not on the heap, until a page or feed shows them.
    { ...renderOptions, articles: cardTargets, spool: new TextSpool(), ...(workers.pool ? { pool: workers.pool } : {}) },
  );
  const bodyOf = new Map(toBuild.map((file, index) => [file, rendered.bodies[index]!]));
  const tagLabels = site?.tagLabels ?? {};
  const tag = (slug: string): Tag => ({ slug, label: tagLabels[slug] ?? labelFromSlug(slug), url: routes.tag(slug) });

  const built = await mapLimit(toBuild, IMAGE_CHECK_CONCURRENCY, async (file): Promise<Article | undefined> => {
    const { data, parsed, sourcePath } = file;
    const before = diagnostics.length;
    data.authors.forEach((id, index) => {
      if (!authors.has(id)) {
        report(sourcePath, parsed.locate(["authors", index]), `unknown author "${id}"`, "article/unknown-author",
          didYouMean(id, authors.keys()) ?? `add content/authors/${id}.md or use one of: ${[...authors.keys()].join(", ")}`);
      }
    });
    data.related.forEach((entry, index) => {
      if (typeof entry !== "string" || publishedIds.has(entry)) return;
      const target = articleFiles.find((other) => other.id === entry);
      const hint = !target
        ? didYouMean(entry, publishedIds)
        : target.data.draft
          ? "that article is a draft; link it once it is published"
          : `that article is scheduled for ${target.data.date.toISOString()}; link it once it is published`;
      report(sourcePath, parsed.locate(["related", index]), `unknown related article "${entry}"`, "article/unknown-related", hint);
    });
    // Found only for a problem (see ImageReference).
    const heroPlace = () => parsed.locate(["hero", "src"]);
    const heroImage = data.hero ? await inspectImage(file.absolutePath, data.hero.src) : undefined;
    if (heroImage && !heroImage.ok) report(sourcePath, heroPlace(), heroImage.problem, heroImage.kind === "not-found" ? "article/hero-not-found" : `article/hero-${heroImage.kind}`, heroImage.hint);
    const audio = data.audio ? resolveAudio(contentDir, file, data.audio, report) : undefined;
    const body = bodyOf.get(file)!;
    diagnostics.push(...body.diagnostics);
    if (heroImage && !heroImage.ok) return undefined;
    let hero: Hero | undefined;
    if (data.hero && heroImage?.ok) {
      imageReferences.set(`${sourcePath}:hero`, { source: heroImage.source, written: data.hero.src, file: sourcePath, place: heroPlace, ruleId: "article/hero-damaged", problems: heroImageProblems(heroImage.source, data.hero.src) });
      hero = planHero(images, heroImage.source, data.hero, imageSettings);
      heroSources.set(hero, heroImage.source);
    }
    if (diagnostics.length > before) return undefined;

    const fields: ArticleFields = {
      id: file.id,
      slug: slugs.get(file.id)!,
      url: routes.article(slugs.get(file.id)!),
      sourcePath,
      title: data.title,
      dek: data.dek,
      authors: data.authors.map((id) => {
        const author = authors.get(id)!;
        return { id, name: author.name, isDesk: author.isDesk, url: author.url };
      }),
      publishedAt: data.date,
      ...latestUpdate(data),
      corrections: [...data.corrections].sort((a, b) => a.date.getTime() - b.date.getTime()),
      tags: data.tags.map(tag),
      related: data.related.map((entry) => (typeof entry === "string" ? { id: entry } : entry)),
      // Always set, even when undefined: articles with and without a hero keep one hidden class (see article-body.ts).
      hero,
      bodyImages: bodyImagesOf(body),
      ...(audio ? { audio } : {}),
      isFeatured: data.featured,
      isDraft: data.draft,
      isScheduled: isScheduled(file),
      wordCount: body.wordCount,
      readingMinutes: readingMinutes(body.wordCount),
    };
    const article = articleWithBody(fields, { readHtml: body.readHtml ?? (() => body.html), hash: body.htmlHash });
    memo?.articles.set(file, { article, cards: Object.entries(body.dependencies.relatedCards) });
    return article;
  });

  // A check looks up only the bodies that can fail: pruning then would drop good entries.
  await Promise.all([renderCache?.flush(), frontmatterCache?.flush()]);
  // So does a load that reused files or articles from the previous one.
  if (!options.checkOnly && !memo) {
    renderCache?.prune();
    frontmatterCache?.prune();
  }
  renderCache?.close();
  frontmatterCache?.close();

  // Every encode has finished (or failed) before anything is returned: a
  // damaged image is an error like any other, and nothing reaches the output.
  const imageSummary = await images.finish();
  for (const reference of imageReferences.values()) {
    const reason = imageSummary.failures.get(reference.source.absolutePath);
    if (!reason) {
      for (const problem of reference.problems) diagnostics.push({ file: reference.file, ...reference.place(), ...problem });
      continue;
    }
    report(reference.file, reference.place(), `"${reference.written}" is damaged or not a complete image (${reason})`, reference.ruleId, "export it again from the original photo and replace the file");
  }
  if (!site || diagnostics.some((d) => d.severity === "error")) return { diagnostics, images: imageSummary };
  for (const [hero, source] of options.checkOnly ? [] : heroSources) {
    const placeholder = await images.placeholder(source);
    if (placeholder) hero.placeholder = placeholder;
  }
  const builtOf = new Map(toBuild.map((file, index) => [file, built[index]]));
  const articles = published.map((file) => kept.get(file) ?? builtOf.get(file));
  const sorted = articles
    .filter((article): article is Article => article !== undefined)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
  return { content: { site, articles: sorted, authors, scheduled }, diagnostics, images: imageSummary };
}

/** An article's slug: its own, or its id, which is one already (a file whose name is not a slug is not read, see readValidFiles). */
function slugOf(file: ValidFile<ArticleFrontmatter>): string {
  return file.data.slug ?? file.id;
}

/** An article as the related cards of others show it; one object per parsed file (a memo's loads compare them at a glance). */
const cardTargetsByFile = new WeakMap<ValidFile<CompleteArticle>, RelatedCardTarget>();
function cardTargetOf(file: ValidFile<CompleteArticle>): RelatedCardTarget {
  let target = cardTargetsByFile.get(file);
  if (!target) cardTargetsByFile.set(file, (target = { title: file.data.title, dek: file.data.dek, url: routes.article(slugOf(file)) }));
  return target;
}

function sameCard(now: RelatedCardTarget | undefined, shown: RelatedCardTarget): boolean {
  return now === shown || (now !== undefined && now.title === shown.title && now.dek === shown.dek && now.url === shown.url);
}

/** A content file's path as diagnostics and articles name it: relative to the project root, with "/". */
export function sourcePathOf(rootDir: string, absolutePath: string): string {
  return path.relative(rootDir, absolutePath).split(path.sep).join("/");
}

/** `updatedAt`: the later of `updated` and the newest correction, if either exists. */
function latestUpdate(data: ArticleFrontmatter): { updatedAt?: Date } {
  const times = [data.updated, ...data.corrections.map((correction) => correction.date)].filter((date): date is Date => date !== undefined);
  if (times.length === 0) return {};
  return { updatedAt: new Date(Math.max(...times.map((date) => date.getTime()))) };
}

/** Site settings' `images:` over the defaults. */
function resolveImageSettings(fromSite: Partial<ImageSettings> | undefined): ImageSettings {
  const settings: ImageSettings = { ...DEFAULT_IMAGE_SETTINGS };
  for (const [key, value] of Object.entries(fromSite ?? {})) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

function loadSite(file: string, relative: (file: string) => string, diagnostics: Diagnostic[]): SiteSettings | undefined {
  const sourcePath = relative(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    diagnostics.push({ file: sourcePath, line: 0, column: 0, severity: "error", message: "site settings file not found", hint: "create content/site.yaml (see README, Site settings)", ruleId: "site/missing" });
    return undefined;
  }
  const yaml = parseYamlSource(text);
  for (const error of yaml.errors) {
    diagnostics.push({ file: sourcePath, ...error.place, severity: "error", message: `YAML syntax: ${error.message}`, ruleId: "yaml/syntax" });
  }
  if (yaml.errors.length > 0) return undefined;
  const result = siteSchema.safeParse(yaml.data);
  if (!result.success) {
    diagnostics.push(...schemaDiagnostics(result.error, { file: sourcePath, yaml, schema: siteSchema }));
    return undefined;
  }
  return result.data;
}

/** What readValidFiles reuses from the previous load, and where it notes this load's files. */
interface FileMemo {
  previous: Map<string, MemoFile<unknown>>;
  next: Map<string, MemoFile<unknown>>;
  /** A watcher reports saves: a file not in `saved` is unchanged, without looking at it. */
  watched: boolean;
  saved: ReadonlySet<string>;
}

/**
 * Reads `<dir>/*.md`, parses and validates each; invalid files are reported
 * and left out. With a memo, a file unchanged since the last load (the same
 * stamp, or not saved since, when a watcher reports saves) keeps that load's
 * outcome: the same object, and the same problems. The others are parsed
 * together (see `parseFrontmatterFiles`).
 */
function readValidFiles<S extends z.ZodType>(
  dir: string,
  schema: S,
  relative: (file: string) => string,
  diagnostics: Diagnostic[],
  parsing: { cache?: FrontmatterCache; beforeSplitting: (misses: number) => void },
  memo?: FileMemo,
): ValidFile<z.output<S>>[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
  } catch {
    return [];
  }
  // Joined by hand, not path.join: `dir` is already normal, and a save of one file should not cost 10,000 joins.
  const absolutePaths = names.map((name) => `${dir}${path.sep}${name}`);
  const outcomes = new Array<MemoFile<ValidFile<z.output<S>>>>(names.length);
  const toParse: { index: number; absolutePath: string; sourcePath: string; id: string; stamp: string }[] = [];
  for (const [index, name] of names.entries()) {
    const absolutePath = absolutePaths[index]!;
    const remembered = memo?.previous.get(absolutePath) as MemoFile<ValidFile<z.output<S>>> | undefined;
    const stamp = memo && !memo.watched ? fileStamp(absolutePath) : "";
    const unchanged = remembered !== undefined && (memo!.watched ? !memo!.saved.has(absolutePath) : remembered.stamp === stamp);
    if (unchanged) {
      outcomes[index] = remembered;
      continue;
    }
    const sourcePath = relative(absolutePath);
    const id = name.slice(0, -".md".length);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) outcomes[index] = { stamp, valid: undefined, diagnostics: [invalidNameDiagnostic(sourcePath, name, id)] };
    else toParse.push({ index, absolutePath, sourcePath, id, stamp });
  }
  const parsed = parseFrontmatterFiles(
    toParse.map(({ absolutePath }) => readFileSync(absolutePath, "utf8")),
    parsing,
  );
  for (const [position, { index, absolutePath, sourcePath, id, stamp }] of toParse.entries()) {
    outcomes[index] = { stamp, ...validFile(absolutePath, sourcePath, id, parsed[position]!, schema) };
  }
  const files: ValidFile<z.output<S>>[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    memo?.next.set(absolutePaths[index]!, outcome);
    if (outcome.diagnostics.length > 0) diagnostics.push(...outcome.diagnostics);
    if (outcome.valid) files.push(outcome.valid);
  }
  return files;
}

function invalidNameDiagnostic(sourcePath: string, name: string, id: string): Diagnostic {
  const message = `file name "${name}" is not a valid id`;
  return { file: sourcePath, line: 0, column: 0, severity: "error", message, hint: `rename it to ${slugify(id) || "a-name"}.md: lowercase letters, digits and hyphens`, ruleId: "file/invalid-name" };
}

function validFile<S extends z.ZodType>(
  absolutePath: string,
  sourcePath: string,
  id: string,
  parsed: ParsedFrontmatter,
  schema: S,
): { valid: ValidFile<z.output<S>> | undefined; diagnostics: Diagnostic[] } {
  if (parsed.errors.length > 0) {
    return { valid: undefined, diagnostics: parsed.errors.map((error) => ({ file: sourcePath, ...error.place, severity: "error" as const, message: `YAML syntax: ${error.message}`, ruleId: "yaml/syntax" })) };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) return { valid: undefined, diagnostics: schemaDiagnostics(result.error, { file: sourcePath, yaml: parsed, schema }) };
  return { valid: { id, sourcePath, absolutePath, data: result.data, parsed }, diagnostics: [] };
}

function resolveAudio(
  contentDir: string,
  file: ValidFile<ArticleFrontmatter>,
  audio: NonNullable<ArticleFrontmatter["audio"]>,
  report: (file: string, place: { line: number; column: number }, message: string, ruleId: string, hint?: string) => void,
): AudioVersion | undefined {
  // Only a problem needs the place: finding it may parse the YAML again.
  const place = () => file.parsed.locate(["audio", "src"]);
  const asset = resolveAsset(contentDir, file.absolutePath, audio.src);
  if (!asset.ok) {
    report(file.sourcePath, place(), asset.problem, "article/audio-not-found", asset.hint);
    return undefined;
  }
  const mimeType = AUDIO_TYPES[path.extname(asset.absolutePath).toLowerCase()];
  if (!mimeType) {
    report(file.sourcePath, place(), `"${audio.src}" is not an audio format browsers play`, "article/audio-format", "use an .mp3, .m4a or .ogg file");
    return undefined;
  }
  return { url: asset.url, mimeType, disclosure: audio.disclosure };
}

export type { AuthorFrontmatter };
