import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { declaredAliases } from "./aliases.ts";
import { unpublishedParams, type Unpublished } from "./article-references.ts";
import { articleFieldRules, articleSchema, validFields, type ArticleFrontmatter } from "./article-schema.ts";
import { authorSchema, type AuthorFrontmatter } from "./author-schema.ts";
import { discoverFolder, type ContentFile } from "./discover-files.ts";
import type { FrontmatterCache } from "./frontmatter.ts";
import type { LoadedSite } from "./load-site.ts";
import type { DeclaredAlias } from "./model.ts";
import { pageSchema, type PageFrontmatter } from "./page-schema.ts";
import { parseFileTexts, readContentFiles, readFileTexts, type FileMemo, type ReadFile } from "./read-files.ts";
import { routes } from "./routes.ts";
import { fieldRuleDiagnostics } from "./schema-diagnostics.ts";

/** How an article stands in this build. */
export type Standing = "published" | "draft" | "scheduled";

/** How another article shows an article in a card: its headline, dek and address. */
export interface ArticleCard {
  title: string;
  dek: string;
  url: string;
}

export interface ReadContentOptions {
  /** The site settings, loaded first (the caller's images need them before the files are read). */
  site: LoadedSite;
  /** Absolute. */
  rootDir: string;
  /** Absolute. */
  contentDir: string;
  isPreview: boolean;
  /** The build's "now": articles dated later are scheduled. */
  now: Date;
  frontmatterCache?: FrontmatterCache;
  /** Files unchanged since the last load keep its outcome (src/assembly/content-memo.ts). */
  memo?: FileMemo;
  /** Told how many files the frontmatter cache lacks, before they are parsed (a cold load starts its Markdown workers then). */
  onUncachedFiles?: (count: number) => void;
  /** Told of each file as its text is read, with how many files there are: every folder is read before any is parsed. */
  onFileRead?: (total: number) => void;
  /** Told of files as their frontmatter is parsed and validated, with how many files there are. */
  onFileParsed?: (total: number, count: number) => void;
}

/**
 * The content folder as files: every author, article and page found, read,
 * parsed and validated on its own, with what each article is in this build
 * (shown, held back), how others show it, and the old addresses declared.
 * Every problem is a diagnostic, never a throw: a file with problems still
 * exists for the others, so that no problem in one file makes false ones in
 * another.
 */
export interface ContentFiles {
  site: LoadedSite;
  authorFiles: ReadFile<AuthorFrontmatter>[];
  articleFiles: ReadFile<ArticleFrontmatter>[];
  pageFiles: ReadFile<PageFrontmatter>[];
  /** Each parsed article's fields that are valid on their own (all of them when its file passed). */
  fieldsOf: Map<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>;
  standingOf(fields: Partial<ArticleFrontmatter>): Standing;
  /** Whether this build shows the article: published; in a preview, drafts and scheduled ones with a dek too. */
  isShown(read: ReadFile<ArticleFrontmatter>): boolean;
  slugOf(read: ReadFile<ArticleFrontmatter>): string;
  /** Articles that exist but are held back, by id. */
  unpublished: Map<string, Unpublished>;
  /** How related cards show each article they may show, by id. */
  cards: Map<string, ArticleCard>;
  /** Held-back articles as a card's error describes them, by id. */
  unpublishedCards: Map<string, { isDraft: boolean; publishAt?: string }>;
  aliases: DeclaredAlias[];
  diagnostics: Diagnostic[];
}

export function readContent(options: ReadContentOptions): ContentFiles {
  const { rootDir, contentDir, isPreview } = options;
  const diagnostics: Diagnostic[] = [];
  const { site } = options;
  diagnostics.push(...site.diagnostics);
  const timeZone = site.site?.timeZone;
  const folders = {
    authors: discoverFolder(rootDir, contentDir, "authors", { recursive: false }),
    articles: discoverFolder(rootDir, contentDir, "articles", { recursive: true }),
    pages: discoverFolder(rootDir, contentDir, "pages", { recursive: true }),
  };
  for (const folder of Object.values(folders)) diagnostics.push(...folder.diagnostics);
  const total = folders.authors.files.length + folders.articles.files.length + folders.pages.files.length;
  const { onFileRead, onFileParsed } = options;
  const readOptions = {
    ...(options.frontmatterCache ? { cache: options.frontmatterCache } : {}),
    ...(options.onUncachedFiles ? { beforeSplitting: options.onUncachedFiles } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(options.memo ? { memo: options.memo } : {}),
    ...(onFileRead ? { onFileRead: () => onFileRead(total) } : {}),
    ...(onFileParsed ? { onFileParsed: (count: number) => onFileParsed(total, count) } : {}),
  };
  // Every folder read, then parsed: two stages, each saying how far it is.
  const texts = { authors: readFileTexts(folders.authors.files, readOptions), articles: readFileTexts(folders.articles.files, readOptions), pages: readFileTexts(folders.pages.files, readOptions) };
  const authorFiles = parseFileTexts(texts.authors, authorSchema, readOptions);
  const articleFiles = parseFileTexts(texts.articles, articleSchema, readOptions);
  const pageFiles = parseFileTexts(texts.pages, pageSchema, readOptions);
  for (const read of [...authorFiles, ...articleFiles, ...pageFiles]) diagnostics.push(...read.diagnostics);

  const fieldsOf = articleFields(articleFiles, timeZone, diagnostics);
  const standings = articleStandings(fieldsOf, options.now, isPreview);
  if (isPreview) diagnostics.push(...incompleteDrafts(fieldsOf));
  const slugOfRead = (read: ReadFile<ArticleFrontmatter>) => slugOf(fieldsOf, read);
  const cards = articleCards(articleFiles, fieldsOf, standings, slugOfRead);
  const unpublishedCards = new Map([...standings.unpublished].map(([id, held]) => [id, unpublishedParams(held, timeZone)]));
  // Old addresses, and where each now is: a shown article's, every author's and page's.
  const aliases = declaredAliases({ articleFiles, fieldsOf, shown: standings.isShown, slugOf: slugOfRead, authorFiles, pageFiles });
  return { site, authorFiles, articleFiles, pageFiles, fieldsOf, ...standings, slugOf: slugOfRead, cards, unpublishedCards, aliases, diagnostics };
}

/** An article file as `readContent` reads each one, on its own: the preview's saved article (src/assembly/saved-article.ts). */
export interface ArticleRead {
  read: ReadFile<ArticleFrontmatter>;
  /** Absent when its frontmatter could not be read. */
  fields?: Partial<ArticleFrontmatter>;
  isShown: boolean;
  isScheduled: boolean;
  slug: string;
  /** Its own problems: reading, parsing and validating it, and the rules between its fields. */
  diagnostics: Diagnostic[];
}

export function readArticleFile(file: ContentFile, options: { timeZone?: string; now: Date; isPreview: boolean }): ArticleRead {
  const [read] = readContentFiles([file], articleSchema, options.timeZone ? { timeZone: options.timeZone } : {});
  const diagnostics = [...read!.diagnostics];
  const fieldsOf = articleFields([read!], options.timeZone, diagnostics);
  const { standingOf, isShown } = articleStandings(fieldsOf, options.now, options.isPreview);
  if (options.isPreview) diagnostics.push(...incompleteDrafts(fieldsOf));
  const fields = fieldsOf.get(read!);
  return { read: read!, ...(fields ? { fields } : {}), isShown: isShown(read!), isScheduled: fields !== undefined && standingOf(fields) === "scheduled", slug: slugOf(fieldsOf, read!), diagnostics };
}

/** An article's slug: its own, or its file's id. */
function slugOf(fieldsOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>, read: ReadFile<ArticleFrontmatter>): string {
  return fieldsOf.get(read)?.slug ?? read.file.id;
}

/** A preview shows drafts, so a draft must have what a page needs to show it. */
function incompleteDrafts(fieldsOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>): Diagnostic[] {
  return [...fieldsOf].flatMap(([read, fields]) => (fields.draft && fields.dek === undefined ? [diagnose("article/incomplete-draft", { file: read.file.sourcePath, line: 1, column: 1 }, {})] : []));
}

/** Each article's fields that are valid on their own: what references, statuses and cards read, whatever else is wrong; and the rules between fields. */
function articleFields(articleFiles: readonly ReadFile<ArticleFrontmatter>[], timeZone: string | undefined, diagnostics: Diagnostic[]): Map<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>> {
  const fieldsOf = new Map<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>();
  for (const read of articleFiles) {
    if (!read.parsed) continue;
    // Frontmatter that is not even YAML says nothing about its fields: no rule is checked on them.
    const isYaml = read.parsed.errors.length === 0;
    const fields = read.data ?? (isYaml ? validFields(read.parsed.data) : {});
    fieldsOf.set(read, fields);
    if (isYaml) diagnostics.push(...fieldRuleDiagnostics(articleFieldRules(fields), { file: read.file.sourcePath, yaml: read.parsed, ...(timeZone ? { timeZone } : {}) }));
  }
  return fieldsOf;
}

/** What each article is in this build: shown (published; in a preview, drafts and scheduled ones once they have a dek), or held back. */
function articleStandings(fieldsOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>, now: Date, isPreview: boolean) {
  const time = now.getTime();
  const standingOf = (fields: Partial<ArticleFrontmatter>): Standing => (fields.draft ? "draft" : fields.date && fields.date.getTime() > time ? "scheduled" : "published");
  const isShown = (read: ReadFile<ArticleFrontmatter>) => {
    const fields = fieldsOf.get(read);
    if (!fields) return false;
    // A file whose frontmatter is not YAML counts as shown: its body is still checked.
    const isYaml = read.parsed!.errors.length === 0;
    return isPreview ? !isYaml || fields.dek !== undefined : standingOf(fields) === "published";
  };
  const unpublished = new Map<string, Unpublished>();
  for (const [read, fields] of fieldsOf) {
    if (isShown(read)) continue;
    const standing = standingOf(fields);
    if (standing !== "published") unpublished.set(read.file.id, standing === "draft" ? { isDraft: true } : { isDraft: false, publishAt: fields.date! });
  }
  return { standingOf, isShown, unpublished };
}

/**
 * Related cards show other articles: the shown ones, and a file with
 * problems as itself (it is reported on its own). One card object per
 * parsed file while it is unchanged, so a memo's loads compare them at a glance.
 */
function articleCards(
  articleFiles: readonly ReadFile<ArticleFrontmatter>[],
  fieldsOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>,
  { isShown, unpublished }: { isShown: (read: ReadFile<ArticleFrontmatter>) => boolean; unpublished: ReadonlyMap<string, Unpublished> },
  slugOf: (read: ReadFile<ArticleFrontmatter>) => string,
): Map<string, ArticleCard> {
  const cards = new Map<string, ArticleCard>();
  for (const read of articleFiles) {
    const fields = fieldsOf.get(read);
    if (!fields || unpublished.has(read.file.id) || (!isShown(read) && read.data)) continue;
    cards.set(read.file.id, cardOf(read, { title: fields.title ?? read.file.id, dek: fields.dek ?? "", url: routes.article(slugOf(read)) }));
  }
  return cards;
}

const cardsByFile = new WeakMap<object, ArticleCard>();
function cardOf(read: ReadFile<ArticleFrontmatter>, card: ArticleCard): ArticleCard {
  const known = read.parsed && cardsByFile.get(read.parsed);
  if (known && known.title === card.title && known.dek === card.dek && known.url === card.url) return known;
  if (read.parsed) cardsByFile.set(read.parsed, card);
  return card;
}
