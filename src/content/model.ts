import type { ArticleFrontmatter, ExternalLink, HeroFrontmatter } from "./article-schema.ts";
import type { AuthorFrontmatter } from "./author-schema.ts";
import type { SiteSettings } from "./site-schema.ts";

/**
 * The resolved content the layouts render: frontmatter as validated by the
 * schemas, plus what the build derives (ids, URLs, image sizes, rendered body).
 */

export interface Author {
  id: string;
  name: AuthorFrontmatter["name"];
  isDesk: boolean;
  role?: string;
  photo?: PublishedImage & { alt: string };
  /** Sanitised HTML of the Markdown bio. */
  bioHtml: string;
  url: string;
  sourcePath: string;
  /** Old addresses of the author's page, redirected to `url`. */
  aliases: string[];
}

/** What a byline needs of an author. */
export type AuthorRef = Pick<Author, "id" | "name" | "isDesk" | "url">;

export interface Tag {
  slug: string;
  label: string;
  url: string;
}

/** One image file at a fixed size (an author photo, the social card). */
export interface PublishedImage {
  url: string;
  width: number;
  height: number;
}

/** GIF only for an animation's fallback `<img>`; an SVG is the image's `url`, with no sources. */
export type ImageFormat = "avif" | "webp" | "jpeg" | "gif";

/** One format of a responsive image: a `<source>` (or the `<img>`'s own srcset for JPEG and GIF). */
export interface ImageSource {
  format: ImageFormat;
  mimeType: string;
  /** Ascending width; `width` is the `w` descriptor of srcset. */
  candidates: PublishedImage[];
}

/**
 * An image as the layouts render it: derivatives per format and width (built
 * from the source by src/images, cached), intrinsic size for the aspect
 * ratio, alt text. Layouts choose `sizes`; they never call sharp.
 */
export interface ResponsiveImage {
  /** Fallback `<img src>`: a JPEG (an animation's GIF) about 800 px wide (or the largest, if smaller); an SVG's one file. */
  url: string;
  /** Intrinsic size: the largest derivative's (the source's aspect ratio). */
  width: number;
  height: number;
  alt: string;
  /** AVIF, WebP, then JPEG; WebP then GIF for an animation; none for an SVG. */
  sources: ImageSource[];
  /** Shown while the image loads (heroes only); absent for transparent images. */
  placeholder?: { color: string; dataUri: string };
  /** CSS `object-position` keeping the focal point in view when a box crops the image. */
  position: string;
  credit?: string;
}

/**
 * The hero photograph: the responsive image itself, its square list
 * thumbnail and its social card, both cropped around `hero.focus`.
 */
export interface Hero extends ResponsiveImage, Pick<HeroFrontmatter, "caption" | "credit"> {
  /** Square crop for lists (cards in More news, tag and author pages). */
  thumbnail: ResponsiveImage;
  /** 1200x630 JPEG crop for Open Graph and Twitter cards (smaller, same aspect, if the source is). */
  social: PublishedImage;
  /** 16:9, 4:3 and 1:1 JPEG crops for structured data, framed the same way. */
  searchCrops: PublishedImage[];
}

export interface AudioVersion {
  url: string;
  mimeType: string;
  disclosure: string;
}

export interface Correction {
  date: Date;
  text: string;
}

export interface Article {
  /** The file name without `.md`; what `related` and `::related` refer to. */
  id: string;
  slug: string;
  url: string;
  /** Repository-relative path of the Markdown source. */
  sourcePath: string;
  title: ArticleFrontmatter["title"];
  dek: NonNullable<ArticleFrontmatter["dek"]>;
  authors: AuthorRef[];
  publishedAt: Date;
  /** The latest of `updated` and the corrections' times. */
  updatedAt?: Date;
  /** Oldest first. */
  corrections: Correction[];
  tags: Tag[];
  /** Explicit related entries, in the editor's order. */
  related: (Pick<Article, "id"> | ExternalLink)[];
  /** Old addresses of the article (an imported archive's), redirected to `url`. */
  aliases: string[];
  /** Absent for a text-only article (a brief): lists, feeds and social cards fall back to the site's card. */
  hero?: Hero;
  /** The responsive images of the body, in order (their markup is in bodyHtml). */
  bodyImages: ResponsiveImage[];
  audio?: AudioVersion;
  isFeatured: boolean;
  isDraft: boolean;
  /** Dated in the future: only preview builds show it until then. */
  isScheduled: boolean;
  /** Read back from a spool file on each access (see src/util/text-spool.ts). */
  readonly bodyHtml: string;
  /** SHA-256 of bodyHtml: the article's JSON carries it instead of the body (see article-body.ts). */
  bodyHash: string;
  wordCount: number;
  readingMinutes: number;
}

/** A standalone page (About, Corrections policy), from content/pages/<id>.md. */
export interface StandalonePage {
  id: string;
  /** `/<id>/`. */
  url: string;
  sourcePath: string;
  title: string;
  description?: string;
  updatedAt?: Date;
  isDraft: boolean;
  /** Old addresses of the page, redirected to `url`. */
  aliases: string[];
  /** Sanitised HTML of the Markdown body. */
  bodyHtml: string;
}

/** What a list item or card shows of an article. */
export type ArticleSummary = Pick<Article, "id" | "url" | "title" | "dek" | "publishedAt" | "hero" | "tags" | "authors">;

export interface Content {
  site: SiteSettings;
  /** Every article this build publishes, newest first. */
  articles: Article[];
  authors: Map<string, Author>;
  /** Standalone pages this build publishes. */
  pages: StandalonePage[];
  /** Links of the content to the site's own pages (bodies, bios, site settings), checked once the site's pages are known. */
  siteLinks: ContentSiteLink[];
  /** Old addresses of the site's pages, where each now is, and where the alias is written. */
  aliases: DeclaredAlias[];
  /** Pages of shown articles that have problems and so were not built: not published, but not broken links either. */
  unbuiltArticleUrls: string[];
  /** Articles held back until their date (not drafts), soonest first. */
  scheduled: ScheduledArticle[];
}

/** An old address of a page (an article's, an author's, a standalone page's `aliases`), redirected to where it now is. */
export interface DeclaredAlias {
  /** The old path, normalised ("/2015/07/08/ferry-strike/"). */
  from: string;
  /** The page's URL now. */
  to: string;
  file: string;
  line: number;
  column: number;
}

/** A link written in a content file to a page of the site itself. */
export interface ContentSiteLink {
  file: string;
  line: number;
  column: number;
  /** The site path it leads to ("/news/x/"), without query or fragment. */
  path: string;
  /** As written, for the message. */
  written: string;
}

export interface ScheduledArticle {
  id: string;
  sourcePath: string;
  publishAt: Date;
}

export type { SiteSettings };
export type { Newsletter } from "./site-schema.ts";
