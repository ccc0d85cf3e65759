import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { MappedText } from "../../convert/text-edits.ts";
import type { SourceArchive, SourceAuthor, SourceDate, SourcePost, SourceSite } from "../../model.ts";
import type { ImportReport } from "../../report.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { authorKeysOf, dateOf, excerptOf, heroOf, isDraftOf, listedOldPaths, tagsOf, titleOf } from "./post-fields.ts";

/** A post file of a static site, before its body's tags are expanded. */
export interface PostFacts {
  file: string;
  /** Relative to the site's root, with "/". */
  relative: string;
  data: Record<string, unknown>;
  slug: string;
  date: SourceDate;
  categories: string[];
}

/** What differs between Jekyll, Hugo and Eleventy: where things are, and how addresses and tags are made. */
export interface StaticFlavour {
  kind: "jekyll" | "hugo" | "eleventy";
  root: string;
  site: SourceSite;
  authors: Map<string, SourceAuthor>;
  mediaRoots: string[];
  postFiles: { file: string; isDraft: boolean }[];
  /** Jekyll splits a string of tags at spaces. */
  splitsTagStrings: boolean;
  /** Tags that group pages for the generator rather than name a subject (Eleventy's "posts"). */
  isCollectionTag?: (tag: string) => boolean;
  slugOf(file: string, data: Record<string, unknown>): string;
  /** The addresses the generator published the post at (besides those its front matter lists). */
  oldPaths(post: PostFacts): string[];
  /** Names other posts use for this one ({% post_url %}, {% link %}, {{< ref >}}). */
  referenceNames(post: PostFacts): string[];
  /** `pageData`: the post's own front matter, for `{{ page.image }}` in its body. */
  expandTags(body: string, lookup: (reference: string) => string | undefined, onUnknown: (tag: string, line: number) => void, pageData: Record<string, unknown>): MappedText;
}

/**
 * Reads a static site's posts in two passes: every post's front matter and
 * old addresses first, then the bodies, whose tags may name other posts
 * ({% post_url %}, {{< ref >}}) by their old address.
 */
export function readStaticSite(flavour: StaticFlavour, report: ImportReport): SourceArchive {
  const facts: { facts: PostFacts; body: string; bodyFirstLine: number; isDraft: boolean }[] = [];
  for (const { file, isDraft } of flavour.postFiles) {
    const relative = path.relative(flavour.root, file).split(path.sep).join("/");
    const split = splitFrontMatter(readFileSync(file, "utf8"));
    if (!split.ok) {
      report.warn("unreadable-post", { file: relative, line: split.line }, `the front matter cannot be read (${split.reason}): not imported`);
      continue;
    }
    const dated = dateOf(split.data, path.basename(file));
    const { isFromFileName } = dated;
    let { date } = dated;
    if (date.kind === "missing" && isDraft) {
      // Jekyll dates an undated draft by its file's modification time; so does the import.
      date = { kind: "instant", date: new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000), offsetMinutes: 0 };
      report.warn("no-date", { file: relative, line: 1 }, "the draft has no date: dated by its file's modification time, as Jekyll does");
    }
    if (isFromFileName && split.data.date !== undefined) report.warn("no-date", { file: relative, line: 2 }, `the date "${String(split.data.date)}" cannot be read: dated by the file name`);
    const post: PostFacts = { file, relative, data: split.data, slug: flavour.slugOf(file, split.data), date, categories: tagsOf({ categories: split.data.categories }, flavour.splitsTagStrings) };
    facts.push({ facts: post, body: split.body, bodyFirstLine: split.bodyFirstLine, isDraft: isDraft || isDraftOf(split.data) });
  }
  const pathByName = new Map<string, string>();
  const oldPathsOf = new Map<PostFacts, string[]>();
  for (const { facts: post } of facts) {
    const paths = [...new Set([...flavour.oldPaths(post), ...listedOldPaths(post.data)])];
    oldPathsOf.set(post, paths);
    if (paths[0]) for (const name of flavour.referenceNames(post)) pathByName.set(name, paths[0]);
  }
  const posts: SourcePost[] = facts.map(({ facts: post, body, bodyFirstLine, isDraft }) => {
    const onUnknown = (tag: string, line: number) => report.warn("unknown-shortcode", { file: post.relative, line: bodyFirstLine + line - 1 }, `${tag} left as text`);
    const expanded = flavour.expandTags(body, (reference) => pathByName.get(normalizedReference(reference)), onUnknown, post.data);
    const place = { file: post.relative, line: 1 };
    const hero = heroOf(post.data, { file: post.relative, line: 1 });
    const excerpt = excerptOf(post.data);
    const title = titleOf(post.data);
    return {
      place,
      slug: post.slug,
      ...(title ? { title } : {}),
      ...(excerpt ? { excerpt } : {}),
      authorKeys: authorKeysOf(post.data),
      date: post.date,
      tags: tagsOf(post.data, flavour.splitsTagStrings).filter((tag) => !flavour.isCollectionTag?.(tag)),
      ...(hero ? { hero } : {}),
      isDraft,
      oldPaths: oldPathsOf.get(post) ?? [],
      mediaBase: path.dirname(post.file),
      body: { format: "markdown" as const, text: expanded.text, lineOf: (line: number) => bodyFirstLine + expanded.lineOf(line) - 1 },
    };
  });
  return { kind: flavour.kind, root: flavour.root, site: flavour.site, posts, authors: flavour.authors, mediaRoots: flavour.mediaRoots };
}

/** A reference as posts write it, and as reference names are kept: quotes, leading "./" or "/" and the extension dropped. */
export function normalizedReference(reference: string): string {
  return reference.trim().replace(/^["']|["']$/g, "").replace(/^\.?\//, "").replace(/\.(md|markdown|html)$/i, "").toLowerCase();
}
