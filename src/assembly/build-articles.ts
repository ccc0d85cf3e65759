import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/messages.ts";
import { dayKey } from "../format/dates.ts";
import { readingMinutes } from "../format/reading-time.ts";
import type { ImagePipeline, SourceImage } from "../images/image-pipeline.ts";
import { heroImageProblems } from "../images/image-problems.ts";
import { planHero } from "../images/responsive-image.ts";
import type { RelatedCardTarget } from "../markdown/remark-related-card.ts";
import type { SettledBody } from "../markdown/render-bodies.ts";
import { articleWithBody, type ArticleFields } from "../content/article-body.ts";
import { referenceDiagnostics, type ReferenceIndex } from "../content/article-references.ts";
import type { ArticleFrontmatter } from "../content/article-schema.ts";
import { resolveAsset } from "../content/assets.ts";
import type { BuiltAuthors } from "./build-authors.ts";
import { bodyImagesOf, imageProblem, type ContentImages } from "./content-images.ts";
import type { ArticleHashes, ContentMemo, KeptArticle, MemoArticle } from "./content-memo.ts";
import type { FileStamps } from "../util/file-stamp.ts";
import type { ParsedFrontmatter } from "../content/frontmatter.ts";
import type { Article, AudioVersion, Hero, SiteSettings, Tag } from "../content/model.ts";
import type { ReadFile } from "../content/read-files.ts";
import { routes } from "../content/routes.ts";
import { TagRegistry } from "../content/tags.ts";

/** Google shows about this many characters of a headline; longer ones are cut. */
export const LONG_HEADLINE = 110;
/**
 * A body past this many words is most likely a paste gone wrong (a 5 MB
 * body read "3191 min read"); the longest long reads are about half of it.
 */
const LONG_BODY_WORDS = 20_000;
const AUDIO_TYPES: Record<string, string> = { ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav" };

/** An article file whose frontmatter could be read, with what the loader worked out about it. */
export interface ArticleCandidate {
  read: ReadFile<ArticleFrontmatter>;
  /** Its fields that are valid on their own (all of them when `read.data` is set). */
  fields: Partial<ArticleFrontmatter>;
  parsed: ParsedFrontmatter;
  /** Its rendered body, when this build rendered it. */
  body: SettledBody | undefined;
  /** This build shows it (published, or a preview's draft or scheduled article). */
  isShown: boolean;
  isScheduled: boolean;
  slug: string;
}

export interface ArticleContext {
  site: SiteSettings | undefined;
  authors: BuiltAuthors;
  images: ContentImages;
  memo: ContentMemo | undefined;
  /** The related-card targets bodies were rendered with, by id. */
  cardTargets: ReadonlyMap<string, RelatedCardTarget>;
  references: ReferenceIndex;
  isPreview: boolean;
  /** Files' stamps, each taken once per load (src/util/file-stamp.ts). */
  stamps: FileStamps;
  /** Told of each article built, with how many are to be built (7 s at 100,000 articles). */
  onArticleBuilt?: (total: number) => void;
}

export interface BuiltArticles {
  /** Newest first. */
  articles: Article[];
  /** Every tag the shown articles carry, by slug. */
  tags: Map<string, Tag>;
  diagnostics: Diagnostic[];
  /** Fills in the heroes' blurred previews, once the images are encoded. */
  addPlaceholders(pipeline: ImagePipeline): Promise<void>;
}

/**
 * Every article file's problems (slugs, references, tags, its body's, the
 * archive policy's warnings), then the articles this build shows, built for
 * the layouts. A file with problems is checked as far as its valid fields go.
 */
export async function buildArticles(candidates: readonly ArticleCandidate[], context: ArticleContext): Promise<BuiltArticles> {
  const diagnostics: Diagnostic[] = [];
  const { site } = context;
  const placeOf = (candidate: ArticleCandidate, path: (string | number)[]) => ({ file: candidate.read.file.sourcePath, ...candidate.parsed.locate(path) });

  // Slugs are unique across every article, drafts included: publishing a draft must not break a URL.
  const slugOwners = new Map<string, ArticleCandidate>();
  for (const candidate of candidates) {
    const owner = slugOwners.get(candidate.slug);
    if (!owner) slugOwners.set(candidate.slug, candidate);
    else diagnostics.push(diagnose("article/duplicate-slug", placeOf(candidate, candidate.fields.slug ? ["slug"] : []), { slug: candidate.slug, other: owner.read.file.sourcePath }));
  }

  const tags = new TagRegistry(site?.tagLabels ?? {});
  const tagSlugsOf = new Map<ArticleCandidate, string[]>();
  for (const candidate of candidates) {
    const { fields, read } = candidate;
    const index = candidate.isShown ? context.references : { ...context.references, unpublished: new Map() };
    diagnostics.push(...referenceDiagnostics(read.file.sourcePath, fields, candidate.parsed, index));
    if (fields.title && fields.title.length > LONG_HEADLINE) {
      diagnostics.push(diagnose("article/long-headline", placeOf(candidate, ["title"]), { length: fields.title.length, limit: LONG_HEADLINE }));
    }
    if (candidate.isShown) tagSlugsOf.set(candidate, tagSlugs(tags, fields.tags ?? [], (position) => placeOf(candidate, ["tags", position])));
    if (candidate.body) {
      if (candidate.body.diagnostics.length > 0) diagnostics.push(...underArchivePolicy(candidate.body.diagnostics, fields.date, site));
      if (candidate.body.wordCount > LONG_BODY_WORDS) {
        diagnostics.push(diagnose("article/long-body", { file: read.file.sourcePath, line: candidate.parsed.bodyLineOffset + 1, column: 1 }, { words: candidate.body.wordCount, minutes: readingMinutes(candidate.body.wordCount) }));
      }
    }
  }
  const tagBySlug = tags.finish();
  diagnostics.push(...tags.diagnostics);

  if (context.memo) forgetOnNewContext(context.memo, context);
  const heroSources = new Map<Hero, SourceImage>();
  const articles: Article[] = [];
  const toBuild = candidates.filter((candidate) => candidate.isShown && candidate.read.data && candidate.body);
  for (const candidate of toBuild) {
    const built = await buildArticle(candidate as ArticleCandidate & { read: { data: ArticleFrontmatter }; body: SettledBody }, context, tagSlugsOf.get(candidate) ?? [], tagBySlug, heroSources);
    diagnostics.push(...built.diagnostics);
    if (built.article) articles.push(built.article);
    context.onArticleBuilt?.(toBuild.length);
  }
  return {
    articles: newestFirst(articles),
    tags: tagBySlug,
    diagnostics,
    async addPlaceholders(pipeline) {
      for (const [hero, source] of heroSources) {
        const placeholder = await pipeline.placeholder(source);
        if (placeholder) hero.placeholder = placeholder;
      }
    },
  };
}

/** An article's tags as slugs, each once, in the order written (noted in `tags`, which reports a tag without one at its place). */
function tagSlugs(tags: TagRegistry, written: readonly string[], placeAt: (position: number) => Place): string[] {
  const slugs: string[] = [];
  written.forEach((tag, position) => {
    const slug = tags.add({ written: tag, place: () => placeAt(position) });
    if (slug !== undefined && !slugs.includes(slug)) slugs.push(slug);
  });
  return slugs;
}

/** Newest first, then by id; times taken once per article (comparing Dates calls getTime twice per comparison, 140,000 times at 10,000 articles). */
function newestFirst(articles: readonly Article[]): Article[] {
  return articles
    .map((article) => ({ article, time: article.publishedAt.getTime() }))
    .sort((a, b) => b.time - a.time || a.article.id.localeCompare(b.article.id))
    .map(({ article }) => article);
}

/** Whether an article is part of the archive, whose missing alt texts the newsroom accepts (site.yaml `archive.before`). */
export function isArchived(date: Date | undefined, site: SiteSettings | undefined): boolean {
  return Boolean(date && site?.archive && dayKey(date, site.timeZone) < site.archive.before);
}

/** An archive article's missing alt texts are warnings: what a newsroom knowingly accepts in its archive. */
function underArchivePolicy(diagnostics: readonly Diagnostic[], date: Date | undefined, site: SiteSettings | undefined): Diagnostic[] {
  if (!isArchived(date, site)) return [...diagnostics];
  return diagnostics.map((diagnostic) => (diagnostic.ruleId === "images/missing-alt" ? { ...diagnostic, severity: "warning" } : diagnostic));
}

async function buildArticle(
  candidate: ArticleCandidate & { read: { data: ArticleFrontmatter }; body: SettledBody },
  context: ArticleContext,
  tagSlugs: readonly string[],
  tagBySlug: ReadonlyMap<string, Tag>,
  heroSources: Map<Hero, SourceImage>,
): Promise<{ article?: Article; diagnostics: Diagnostic[] }> {
  const { read, parsed, body } = candidate;
  const { data, file } = read;
  const diagnostics: Diagnostic[] = [];
  const heroPlace = () => ({ file: file.sourcePath, ...parsed.locate(["hero", "src"]) });
  // Inspected either way (an unchanged image from the memo): its problems are reported where it is used.
  const image = data.hero ? await context.images.inspect(file.absolutePath, data.hero.src) : undefined;
  if (image?.ok) context.images.use(`${file.sourcePath}:hero`, { source: image.source, written: data.hero!.src, place: heroPlace, ruleId: "article/hero-damaged", problems: heroImageProblems(image.source, data.hero!.src) });
  const remembered = rememberedArticle(candidate, context, tagSlugs, tagBySlug);
  if (remembered) return { article: remembered.article, diagnostics: [...remembered.diagnostics] };

  let hero: Hero | undefined;
  const assets: string[] = [];
  if (data.hero && image) {
    if (!image.ok) {
      diagnostics.push(imageProblem("hero", image.kind, heroPlace(), { reason: image.problem, hint: image.hint }));
    } else {
      hero = planHero(context.images.pipeline, image.source, data.hero, context.images.settings);
      heroSources.set(hero, image.source);
      assets.push(image.source.absolutePath);
    }
    if (!data.hero.alt) {
      const missing = diagnose("images/missing-alt", { file: file.sourcePath, ...parsed.locate(["hero"], { key: true }) }, { where: "hero" });
      diagnostics.push(isArchived(data.date, context.site) ? { ...missing, severity: "warning" } : missing);
    }
  } else {
    diagnostics.push(diagnose("article/no-hero", { file: file.sourcePath, line: 1, column: 1 }, {}));
  }
  const audio = data.audio ? resolveAudio(candidate, context, diagnostics, assets) : undefined;
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error") || body.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { diagnostics };

  const authors = data.authors.flatMap((id) => {
    const author = context.authors.byId.get(id);
    return author ? [{ id, name: author.name, isDesk: author.isDesk, url: author.url }] : [];
  });
  if (authors.length < data.authors.length) return { diagnostics };
  const fields: ArticleFields = {
    id: file.id,
    slug: candidate.slug,
    url: routes.article(candidate.slug),
    sourcePath: file.sourcePath,
    title: data.title,
    dek: data.dek ?? "",
    authors,
    publishedAt: data.date,
    updatedAt: latestUpdate(data),
    corrections: [...data.corrections].sort((a, b) => a.date.getTime() - b.date.getTime()),
    tags: tagSlugs.map((slug) => tagBySlug.get(slug)!),
    related: data.related.map((entry) => (typeof entry === "string" ? { id: entry } : entry)),
    aliases: data.aliases,
    // Always set, even when undefined: articles with and without a hero keep one hidden class (see article-body.ts).
    hero,
    bodyImages: bodyImagesOf(body),
    audio,
    isFeatured: data.featured,
    isDraft: data.draft,
    isScheduled: candidate.isScheduled,
    wordCount: body.wordCount,
    readingMinutes: readingMinutes(body.wordCount),
  };
  const article = articleWithBody(fields, { readHtml: body.readHtml ?? (() => body.html), hash: body.htmlHash });
  if (context.memo) {
    const remembered: MemoArticle = { article, cards: Object.entries(body.dependencies.relatedCards), diagnostics: [...diagnostics], assets: assets.map((asset) => [asset, context.stamps.of(asset) ?? "missing"]) };
    context.memo.articles.set(read, remembered);
    takeKeptHashes(context.memo, read, remembered);
  }
  return { article, diagnostics };
}

/**
 * What the state keeps of an article built by this load (content-state.ts),
 * once its hashes are known: what the next build compares to take them over.
 */
export function keptArticleOf(built: MemoArticle, hashes: ArticleHashes): KeptArticle {
  return { builtFrom: builtFrom(built), hashes };
}

/**
 * An article built again from the parse the last build kept, and from the
 * same of everything else it shows (the memo's context being the same), is
 * the article that build hashed: its hashes are taken over, and keying the
 * site does not hash it again (src/site-builder/page-keys.ts).
 */
function takeKeptHashes(memo: ContentMemo, read: object, built: MemoArticle): void {
  const kept = memo.kept.get(read);
  if (kept && kept.builtFrom === builtFrom(built)) memo.hashes.set(built.article, kept.hashes);
}

/**
 * What an article is built from besides its parse and the memo's context:
 * its slug, its standing, its tags as shown (a tag's label can come from
 * another article), its hero's and audio's files by their stamps, and what
 * it shows of its body (hash, length, images; most bodies have none).
 */
export function builtFrom({ article, assets }: MemoArticle): string {
  // Written out by hand, each text preceded by its length and each count ended by "|", so that no two read the same:
  // its JSON took 0.18-0.20 s at 100,000 articles, this a third of that.
  let text = `${lengthPrefixed(article.slug)}${article.isScheduled ? "s" : "p"}${article.tags.length}|`;
  for (const tag of article.tags) text += lengthPrefixed(tag.slug) + lengthPrefixed(tag.label) + lengthPrefixed(tag.url);
  text += `${assets.length}|`;
  for (const [asset, stamp] of assets) text += lengthPrefixed(asset) + lengthPrefixed(stamp);
  const images = article.bodyImages.length === 0 ? "" : JSON.stringify(article.bodyImages);
  return `${text}${lengthPrefixed(article.bodyHash)}${article.wordCount}|${lengthPrefixed(images)}`;
}

function lengthPrefixed(text: string): string {
  return `${text.length}:${text}`;
}

/** A memo's articles are built for one context (site settings, authors, preview): another one starts afresh. */
function forgetOnNewContext(memo: ContentMemo, context: ArticleContext): void {
  const memoContext = JSON.stringify([context.site, [...context.authors.byId.values()].map(({ id, name, isDesk, url }) => [id, name, isDesk, url]), context.isPreview]);
  if (memoContext === memo.context) return;
  memo.articles = new WeakMap();
  memo.kept = new WeakMap();
  memo.context = memoContext;
}

/**
 * The article the previous load (the dev server's) built from this same
 * parsed file, while nothing it reads has changed: its slug, its standing,
 * its related articles being published, the cards its body shows, and what
 * every article reads (site settings, authors: the memo's context).
 */
function rememberedArticle(candidate: ArticleCandidate, context: ArticleContext, tagSlugs: readonly string[], tagBySlug: ReadonlyMap<string, Tag>): MemoArticle | undefined {
  const { memo } = context;
  if (!memo) return undefined;
  const entry = memo.articles.get(candidate.read);
  if (!entry) return undefined;
  const { article } = entry;
  const related = candidate.fields.related ?? [];
  const unchanged =
    article.slug === candidate.slug &&
    article.isScheduled === candidate.isScheduled &&
    related.every((id) => typeof id !== "string" || context.cardTargets.has(id)) &&
    entry.cards.every(([id, shown]) => sameCard(context.cardTargets.get(id), shown)) &&
    // A tag's label is the site's, or the first article's spelling of it: another article can change it.
    article.tags.length === tagSlugs.length &&
    article.tags.every((tag, index) => sameTag(tagBySlug.get(tagSlugs[index]!), tag)) &&
    // The hero's and audio's files: a photo replaced under the same name makes other derivatives.
    entry.assets.every(([asset, stamp]) => (context.stamps.of(asset) ?? "missing") === stamp);
  return unchanged ? entry : undefined;
}

function sameTag(now: Tag | undefined, shown: Tag): boolean {
  return now !== undefined && now.slug === shown.slug && now.label === shown.label && now.url === shown.url;
}

function sameCard(now: RelatedCardTarget | undefined, shown: RelatedCardTarget): boolean {
  return now === shown || (now !== undefined && now.title === shown.title && now.dek === shown.dek && now.url === shown.url);
}

/** `updatedAt`: the later of `updated` and the newest correction, if either exists. */
function latestUpdate(data: ArticleFrontmatter): Date | undefined {
  let latest = data.updated?.getTime();
  for (const { date } of data.corrections) if (latest === undefined || date.getTime() > latest) latest = date.getTime();
  return latest === undefined ? undefined : new Date(latest);
}

function resolveAudio(candidate: ArticleCandidate & { read: { data: ArticleFrontmatter } }, context: ArticleContext, diagnostics: Diagnostic[], assets: string[]): AudioVersion | undefined {
  const audio = candidate.read.data.audio!;
  const place = () => ({ file: candidate.read.file.sourcePath, ...candidate.parsed.locate(["audio", "src"]) });
  const asset = resolveAsset(context.images.contentDir, candidate.read.file.absolutePath, audio.src);
  if (!asset.ok) {
    diagnostics.push(diagnose("article/audio-not-found", place(), { written: audio.src, reason: asset.problem }));
    return undefined;
  }
  const mimeType = AUDIO_TYPES[asset.absolutePath.slice(asset.absolutePath.lastIndexOf(".")).toLowerCase()];
  if (!mimeType) {
    diagnostics.push(diagnose("article/audio-format", place(), { written: audio.src }));
    return undefined;
  }
  assets.push(asset.absolutePath);
  return { url: asset.url, mimeType, disclosure: audio.disclosure };
}
