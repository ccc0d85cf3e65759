import { z } from "zod";
import { aliasPath, text, timestamp } from "./fields.ts";

/**
 * The frontmatter of `content/pages/<id>.md`: a standalone page (About,
 * Support us, Corrections policy, Contact), published at `/<id>/`.
 */
export const pageSchema = z
  .object({
    title: text("title"),
    /** One sentence for search engines and link previews. */
    description: text("description").optional(),
    /** When the page last changed, for the sitemap. */
    updated: timestamp.optional(),
    /** A draft page is shown in previews only. */
    draft: z.boolean({ error: "draft must be true or false" }).default(false),
    /** Old addresses of this page ("/about-us.html"): they redirect here. */
    aliases: z.array(aliasPath, { error: "aliases must be a list of paths, like [/about-us/]" }).default([]),
  })
  .strict();

export type PageFrontmatter = z.output<typeof pageSchema>;

/**
 * Page ids taken by the site's own addresses: a page there would clash with
 * a listing, a feed or the search index.
 */
export const RESERVED_PAGE_IDS: ReadonlySet<string> = new Set([
  "news", "news-feed", "tags", "authors", "search", "images", "audio", "video", "css", "js", "sitemaps", "pagefind", "feed", "atom", "headlines", "404", "admin",
]);
