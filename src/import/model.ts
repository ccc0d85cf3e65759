/**
 * What an import reads, whatever the source: posts, authors and the site's
 * own settings, before ids, dates, media and links are settled. Each source
 * reader (sources/*) fills these; the shared steps (convert/, write/) turn
 * them into content files.
 */

export type SourceKind = "wordpress" | "jekyll" | "hugo" | "eleventy";

/** Where something is in the source: a path relative to the source root ("/" separators) and a 1-based line (0: the whole file). */
export interface SourcePlace {
  file: string;
  line: number;
}

/** A date as the source wrote it: one instant with the offset it was written in, or a wall time with no zone. */
export type SourceDate =
  | { kind: "instant"; date: Date; offsetMinutes: number }
  | { kind: "local"; written: string; local: { year: number; month: number; day: number; hour: number; minute: number; second: number } }
  | { kind: "missing" };

/** An author as a post names it: an id, and the display name when the source has it. */
export interface SourceAuthor {
  /** The source's own key (login, nicename, data-file key), before slugifying. */
  key: string;
  name?: string;
  bio?: string;
  isDesk?: boolean;
}

/** A hero (featured image) as the source describes it: only what the source has, nothing invented. */
export interface SourceHero {
  /** The file as the source names it: a URL, a root-relative or a relative path. */
  src: string;
  alt?: string;
  caption?: string;
  credit?: string;
  place: SourcePlace;
}

/** A body in the source's format, its shortcodes and template tags already expanded. */
export interface SourceBody {
  format: "html" | "markdown";
  text: string;
  /** Line of `text` -> line of the source file (the expansions moved lines). */
  lineOf: (line: number) => number;
}

export interface SourcePost {
  place: SourcePlace;
  /** What the id is made from: the post's slug or file name. */
  slug: string;
  title?: string;
  /** The excerpt or description, HTML or plain text: becomes the dek, as text. */
  excerpt?: string;
  /** Author keys in byline order. */
  authorKeys: string[];
  date: SourceDate;
  /** Categories and tags, as their labels. */
  tags: string[];
  hero?: SourceHero;
  isDraft: boolean;
  /** Root-relative paths the post was published at ("/2015/07/08/slug/"). */
  oldPaths: string[];
  /** Folder of the post's own file, for relative media paths (Hugo page bundles). */
  mediaBase?: string;
  body: SourceBody;
}

/** What a source says about the site itself: each only when the source has it. */
export interface SourceSite {
  name?: string;
  /** Where the old site was published: links and media there are the site's own. */
  url?: string;
  language?: string;
  timeZone?: string;
}

/** Everything one source reader gives the import. */
export interface SourceArchive {
  kind: SourceKind;
  /** The folder the source's paths are relative to (the export file's folder, or the site's root). */
  root: string;
  site: SourceSite;
  posts: SourcePost[];
  /** Authors the source defines (users, guest authors, data files), by key. */
  authors: Map<string, SourceAuthor>;
  /** Folders where media named by root-relative paths or upload URLs are looked for, in order. */
  mediaRoots: string[];
  /** WordPress attachments by post id, for galleries and featured images. */
  attachments?: Map<string, Attachment>;
}

/** A WordPress attachment: the uploaded file and what the media library says about it. */
export interface Attachment {
  id: string;
  url: string;
  parentId?: string;
  alt?: string;
  caption?: string;
  title?: string;
  credit?: string;
}
