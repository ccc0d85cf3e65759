import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element } from "xast";
import { wordpressDate } from "../../convert/dates.ts";
import { plainText } from "../../convert/plain-text.ts";
import type { Attachment, SourceArchive, SourceAuthor, SourcePlace, SourcePost } from "../../model.ts";
import type { ImportReport } from "../../report.ts";
import { expandBareEmbeds, expandShortcodes } from "./shortcodes.ts";
import { isBlockEditorContent, wpautop } from "./wpautop.ts";
import { childElement, childElements, childText, parseWxr, postMeta, textLine, textOf } from "./wxr-tree.ts";

export interface WordPressOptions {
  /** The uploads folder (wp-content/uploads), when it is not beside the export. */
  mediaDir?: string;
  report: ImportReport;
}

/** Item types that are the site's machinery, not its journalism: skipped without a word. */
const STRUCTURAL_TYPES = new Set([
  "attachment", "revision", "nav_menu_item", "custom_css", "customize_changeset", "oembed_cache", "user_request",
  "wp_block", "wp_template", "wp_template_part", "wp_global_styles", "wp_navigation", "wp_font_family", "wp_font_face", "guest-author",
]);

/** Statuses a post is imported with, as a draft or not; others (trash, auto-draft) are not imported. */
const DRAFT_STATUSES = new Set(["draft", "pending", "private"]);

/**
 * Reads a WordPress export (WXR): published, scheduled, draft and pending
 * posts; users, Co-Authors Plus co-authors and guest authors (Newspack's
 * bylines); categories and tags; featured images from the media library
 * with their alt text, caption and credit.
 */
export function readWordPress(exportFile: string, options: WordPressOptions): SourceArchive {
  const root = path.dirname(path.resolve(exportFile));
  const file = path.basename(exportFile);
  const channel = parseWxr(readFileSync(exportFile, "utf8"));
  const items = childElements(channel, "item");
  const attachments = readAttachments(items);
  const authors = readAuthors(channel, items);
  const siteUrl = childText(channel, "wp:base_blog_url") || childText(channel, "link");
  const posts: SourcePost[] = [];
  for (const item of items) {
    const type = childText(item, "wp:post_type");
    const status = childText(item, "wp:status");
    const place: SourcePlace = { file, line: item.position?.start.line ?? 0 };
    if (type !== "post") {
      if (!STRUCTURAL_TYPES.has(type)) options.report.warn("not-imported", place, `"${childText(item, "title")}" is a ${type || "item without a type"}, not a post: not imported`);
      continue;
    }
    if (status !== "publish" && status !== "future" && !DRAFT_STATUSES.has(status)) {
      options.report.warn("not-imported", place, `"${childText(item, "title")}" has the status ${status || "(none)"}: not imported`);
      continue;
    }
    posts.push(readPost(item, { file, place, attachments, report: options.report }));
  }
  const mediaRoots = [options.mediaDir, path.join(root, "uploads"), path.join(root, "wp-content", "uploads"), root].filter((dir): dir is string => Boolean(dir)).map((dir) => path.resolve(dir));
  return {
    kind: "wordpress",
    root,
    site: { name: childText(channel, "title") || undefined, url: siteUrl || undefined, language: childText(channel, "language") || undefined },
    posts,
    authors,
    mediaRoots,
    attachments,
  };
}

interface PostReading {
  file: string;
  place: SourcePlace;
  attachments: Map<string, Attachment>;
  report: ImportReport;
}

function readPost(item: Element, { file, place, attachments, report }: PostReading): SourcePost {
  const id = childText(item, "wp:post_id");
  const status = childText(item, "wp:status");
  const meta = postMeta(item);
  const contentElement = childElement(item, "content:encoded");
  const content = textOf(contentElement);
  const firstLine = textLine(contentElement);
  const isBlocks = isBlockEditorContent(content);
  const prepared = isBlocks ? content : wpautop(expandBareEmbeds(content));
  const expanded = expandShortcodes(prepared, {
    postId: id,
    attachments,
    onUnknown: (name, line) => report.warn("unknown-shortcode", { file, line: firstLine + line - 1 }, `unknown shortcode [${name}] left as text`),
  });
  const categories = childElements(item, "category");
  const termsOf = (domain: string) => categories.filter((term) => term.attributes.domain === domain);
  const coauthors = termsOf("author").map((term) => coauthorKey(term));
  const link = childText(item, "link");
  return {
    place,
    slug: safeDecode(childText(item, "wp:post_name")) || `post-${id}`,
    title: childText(item, "title") || undefined,
    excerpt: childText(item, "excerpt:encoded") || undefined,
    authorKeys: coauthors.length > 0 ? coauthors : [childText(item, "dc:creator")].filter(Boolean),
    date: wordpressDate(childText(item, "wp:post_date"), childText(item, "wp:post_date_gmt")) ?? { kind: "missing" },
    tags: [...termsOf("category"), ...termsOf("post_tag")].map((term) => plainText(textOf(term))).filter(Boolean),
    hero: featuredImage(meta.get("_thumbnail_id"), attachments, place),
    isDraft: DRAFT_STATUSES.has(status),
    oldPaths: oldPathOf(link),
    body: { format: "html", text: expanded.text, lineOf: (line) => firstLine + expanded.lineOf(line) - 1 },
  };
}

/** A co-author term's key: its slug without Co-Authors Plus's "cap-" prefix (the user's or guest author's nicename). */
function coauthorKey(term: Element): string {
  const slug = String(term.attributes.nicename ?? "");
  return slug.replace(/^cap-/, "") || textOf(term).trim();
}

/** The permalink's path ("/2015/07/08/slug/"); none for a draft's "?p=12". */
function oldPathOf(link: string): string[] {
  try {
    const url = new URL(link);
    return url.pathname && url.pathname !== "/" ? [safeDecode(url.pathname)] : [];
  } catch {
    return [];
  }
}

function featuredImage(thumbnailId: string | undefined, attachments: Map<string, Attachment>, place: SourcePlace): SourcePost["hero"] {
  const attachment = thumbnailId ? attachments.get(thumbnailId.trim()) : undefined;
  if (!attachment) return undefined;
  return {
    src: attachment.url,
    ...(attachment.alt ? { alt: attachment.alt } : {}),
    ...(attachment.caption ? { caption: attachment.caption } : {}),
    ...(attachment.credit ? { credit: attachment.credit } : {}),
    place,
  };
}

/** The media library: attachments with alt text (_wp_attachment_image_alt), caption (excerpt) and credit (Newspack's _media_credit). */
function readAttachments(items: readonly Element[]): Map<string, Attachment> {
  const attachments = new Map<string, Attachment>();
  for (const item of items) {
    if (childText(item, "wp:post_type") !== "attachment") continue;
    const id = childText(item, "wp:post_id");
    const meta = postMeta(item);
    const credit = [meta.get("_media_credit"), meta.get("_navis_media_credit_org")].map((value) => value?.trim()).filter(Boolean).join(" / ");
    attachments.set(id, {
      id,
      url: childText(item, "wp:attachment_url") || childText(item, "guid"),
      parentId: childText(item, "wp:post_parent") || undefined,
      alt: meta.get("_wp_attachment_image_alt")?.trim() || undefined,
      caption: plainText(childText(item, "excerpt:encoded")) || undefined,
      title: childText(item, "title") || undefined,
      credit: credit || undefined,
    });
  }
  return attachments;
}

/** Users (wp:author), then co-author terms and guest authors, by the key posts use. */
function readAuthors(channel: Element, items: readonly Element[]): Map<string, SourceAuthor> {
  const authors = new Map<string, SourceAuthor>();
  const nameOf = (display: string, first: string, last: string) => display || [first, last].filter(Boolean).join(" ") || undefined;
  for (const user of childElements(channel, "wp:author")) {
    const login = childText(user, "wp:author_login");
    const name = nameOf(childText(user, "wp:author_display_name"), childText(user, "wp:author_first_name"), childText(user, "wp:author_last_name"));
    authors.set(login, { key: login, ...(name ? { name } : {}) });
  }
  for (const item of items) {
    if (childText(item, "wp:post_type") !== "guest-author") continue;
    const meta = postMeta(item);
    const key = (meta.get("cap-user_login") ?? childText(item, "wp:post_name").replace(/^cap-/, "")).trim();
    const name = nameOf(meta.get("cap-display_name")?.trim() ?? childText(item, "title"), meta.get("cap-first_name")?.trim() ?? "", meta.get("cap-last_name")?.trim() ?? "");
    const bio = plainText(meta.get("cap-description") ?? "");
    if (key) authors.set(key, { key, ...(name ? { name } : {}), ...(bio ? { bio } : {}) });
  }
  // A co-author term names its user by nicename; link it to the user whose login it is, when they differ.
  for (const term of childElements(channel, "wp:term")) {
    if (childText(term, "wp:term_taxonomy") !== "author") continue;
    const key = childText(term, "wp:term_slug").replace(/^cap-/, "");
    const login = childText(term, "wp:term_name");
    const known = authors.get(login) ?? authors.get(key);
    if (key && !authors.has(key)) authors.set(key, { ...(known ?? {}), key });
  }
  return authors;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
