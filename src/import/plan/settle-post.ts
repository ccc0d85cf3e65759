import { labelFromSlug, slugify } from "../../format/slug.ts";
import { HERO_MINIMUM_HEIGHT, HERO_MINIMUM_SIZE } from "../../images/image-problems.ts";
import type { BodyContext } from "../convert/body-context.ts";
import type { ImageSizes } from "../convert/image-sizes.ts";
import { settleDate } from "../convert/dates.ts";
import { htmlBodyToMarkdown } from "../convert/html-body.ts";
import type { LinkRewriter } from "../convert/link-rewriter.ts";
import { markdownBodyToMarkdown } from "../convert/markdown-body.ts";
import type { MediaLibrary } from "../convert/media-library.ts";
import { plainText } from "../convert/plain-text.ts";
import type { SourcePost } from "../model.ts";
import type { ImportReport } from "../report.ts";
import type { ArticleFields } from "../write/article-file.ts";
import type { AuthorRegistry } from "./settle-authors.ts";

export interface PostSettings {
  timeZone: string;
  /** The desk that signs posts without an author: id and name. */
  defaultDesk: { id: string; name: string };
  authors: AuthorRegistry;
  media: MediaLibrary;
  links: LinkRewriter;
  report: ImportReport;
  iframeHosts: Set<string>;
  imageSizes: ImageSizes;
}

export interface SettledPost {
  id: string;
  fields: ArticleFields;
  body: string;
  date: Date;
}

/** Words of a dek taken from a body: WordPress's own excerpt length. */
const DEK_WORDS = 55;

/** One source post as an article: frontmatter fields and a Markdown body. */
export async function settlePost(post: SourcePost, id: string, settings: PostSettings): Promise<SettledPost> {
  const { report } = settings;
  const context: BodyContext = {
    file: post.place.file,
    lineOf: post.body.lineOf,
    report,
    media: settings.media,
    links: settings.links,
    ...(post.mediaBase ? { mediaBase: post.mediaBase } : {}),
    iframeHosts: settings.iframeHosts,
  };
  const converted = post.body.format === "html" ? htmlBodyToMarkdown(post.body.text, context) : markdownBodyToMarkdown(post.body.text, context);
  const date = settledDateOf(post, settings);
  const title = post.title ? plainText(post.title) : "";
  if (!title) report.warn("title-from-slug", post.place, `the post has no title: titled "${labelFromSlug(id)}" from its slug`);
  const fields: ArticleFields = {
    title: title || labelFromSlug(id),
    ...dekOf(post, converted.firstParagraph, report),
    authors: authorIds(post, settings),
    date: date.iso,
    tags: uniqueTags(post.tags),
    ...(await heroOf(post, settings)),
    isDraft: post.isDraft,
    aliases: [...new Set(post.oldPaths)],
  };
  return { id, fields, body: converted.markdown, date: date.date };
}

function settledDateOf(post: SourcePost, settings: PostSettings): { iso: string; date: Date } {
  if (post.date.kind === "missing") throw new Error(`internal error, please report: ${post.place.file} reached the import without a date`);
  const settled = settleDate(post.date, settings.timeZone);
  if (settled.isInSiteZone) settings.report.warn("date-in-site-zone", post.place, `the date has no time zone: read in ${settings.timeZone} as ${settled.iso}`);
  return settled;
}

function dekOf(post: SourcePost, firstParagraph: string | undefined, report: ImportReport): { dek?: string } {
  const excerpt = post.excerpt ? plainText(post.excerpt) : "";
  if (excerpt) return { dek: excerpt };
  const words = (firstParagraph ?? "").split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    if (!post.isDraft) report.warn("no-dek", post.place, "the post has no excerpt and no paragraph to take a dek from: add dek: by hand");
    return {};
  }
  report.warn("dek-from-body", post.place, "the post has no excerpt: its dek is its first paragraph");
  return { dek: words.length > DEK_WORDS ? `${words.slice(0, DEK_WORDS).join(" ")}…` : words.join(" ") };
}

function authorIds(post: SourcePost, settings: PostSettings): string[] {
  const ids = [...new Set(post.authorKeys.map((key) => settings.authors.idFor(key, post.place)))];
  if (ids.length > 0) return ids;
  settings.report.warn("no-author", post.place, `the post names no author: signed by "${settings.defaultDesk.name}" (${settings.defaultDesk.id})`);
  return [settings.authors.deskFor(settings.defaultDesk.id, settings.defaultDesk.name)];
}

/** Tags as written, one spelling each per post; a tag without letters or digits has no page and is left out. */
function uniqueTags(tags: readonly string[]): string[] {
  const bySlug = new Map<string, string>();
  for (const tag of tags.map((value) => plainText(value))) {
    const slug = slugify(tag);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, tag);
  }
  return [...bySlug.values()];
}

/** The hero: the featured image copied, with only what the source says about it; one too small to be a hero is left out. */
async function heroOf(post: SourcePost, settings: PostSettings): Promise<{ hero?: ArticleFields["hero"] }> {
  const hero = post.hero;
  if (!hero) return {};
  const resolved = settings.media.resolve(hero.src, hero.place, post.mediaBase);
  if (resolved.kind === "remote") {
    settings.report.warn("remote-image", hero.place, `the featured image ${hero.src} is on another site: not used as the hero`);
    return {};
  }
  if (resolved.isFound && !resolved.reference.endsWith(".svg")) {
    const source = settings.media.copies.get(resolved.reference.slice(3));
    const size = source ? await settings.imageSizes.of(source) : undefined;
    if (size && (size.width < HERO_MINIMUM_SIZE || size.height < HERO_MINIMUM_HEIGHT)) {
      settings.report.warn("hero-too-small", hero.place, `the featured image ${hero.src} is ${size.width}x${size.height} px, smaller than a hero may be (${HERO_MINIMUM_SIZE}x${HERO_MINIMUM_HEIGHT}): left out`);
      return {};
    }
  }
  const text = (value: string | undefined) => (value ? plainText(value) : "");
  const [alt, caption, credit] = [text(hero.alt), text(hero.caption), text(hero.credit)];
  return { hero: { src: resolved.reference, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) } };
}

