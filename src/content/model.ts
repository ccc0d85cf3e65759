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
}

/** What a byline needs of an author. */
export type AuthorRef = Pick<Author, "id" | "name" | "isDesk" | "url">;

export interface Tag {
  slug: string;
  label: string;
  url: string;
}

export interface PublishedImage {
  url: string;
  width: number;
  height: number;
}

export type Hero = PublishedImage & Pick<HeroFrontmatter, "alt" | "caption" | "credit">;

export interface AudioVersion {
  url: string;
  mimeType: string;
  disclosure: string;
}

export interface Article {
  /** The file name without `.md`; what `related` and `::related` refer to. */
  id: string;
  slug: string;
  url: string;
  /** Repository-relative path of the Markdown source. */
  sourcePath: string;
  title: ArticleFrontmatter["title"];
  dek: ArticleFrontmatter["dek"];
  authors: AuthorRef[];
  publishedAt: Date;
  updatedAt?: Date;
  tags: Tag[];
  /** Explicit related entries, in the editor's order. */
  related: (Pick<Article, "id"> | ExternalLink)[];
  hero: Hero;
  audio?: AudioVersion;
  isFeatured: boolean;
  isDraft: boolean;
  bodyHtml: string;
  wordCount: number;
  readingMinutes: number;
}

/** What a list item or card shows of an article. */
export type ArticleSummary = Pick<Article, "id" | "url" | "title" | "dek" | "publishedAt" | "hero" | "tags" | "authors">;

export interface Content {
  site: SiteSettings;
  /** Every article this build publishes, newest first. */
  articles: Article[];
  authors: Map<string, Author>;
}

export type { SiteSettings };
export type { Newsletter } from "./site-schema.ts";
