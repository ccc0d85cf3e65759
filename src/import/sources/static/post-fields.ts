import { readSourceDate } from "../../convert/dates.ts";
import type { SourceDate, SourceHero, SourcePlace } from "../../model.ts";

/**
 * The front matter keys static generators and their themes use for the
 * same things, read the same way for Jekyll, Hugo and Eleventy.
 */

export function textValue(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A list as front matter writes it: a YAML list, or one value (Jekyll also splits a string of tags at spaces). */
export function listValue(value: unknown, splitSpaces = false): string[] {
  if (Array.isArray(value)) return value.map(textValue).filter((item): item is string => item !== undefined);
  const text = textValue(value);
  if (!text) return [];
  return splitSpaces ? text.split(/\s+/) : [text];
}

export function titleOf(data: Record<string, unknown>): string | undefined {
  return textValue(data.title);
}

/** The dek's source: a description or summary first (written as one), then an excerpt. */
export function excerptOf(data: Record<string, unknown>): string | undefined {
  for (const key of ["description", "summary", "dek", "excerpt", "subtitle", "lede"]) {
    const value = textValue(data[key]);
    if (value) return value;
  }
  return undefined;
}

/** Author keys: `authors` (list), or `author` (a key, a list, or { name }). */
export function authorKeysOf(data: Record<string, unknown>): string[] {
  const authors = data.authors ?? data.author;
  if (authors && typeof authors === "object" && !Array.isArray(authors)) return listValue((authors as Record<string, unknown>).name ?? (authors as Record<string, unknown>).id);
  if (Array.isArray(authors)) return authors.flatMap((item) => (item && typeof item === "object" ? listValue((item as Record<string, unknown>).name) : listValue(item)));
  return listValue(authors);
}

/** Categories then tags, as their labels. */
export function tagsOf(data: Record<string, unknown>, splitSpaces: boolean): string[] {
  return [...listValue(data.categories ?? data.category, splitSpaces), ...listValue(data.tags ?? data.tag, splitSpaces)];
}

/** The front matter's date, else the date in the file name ("2014-03-21-slug.md"). */
export function dateOf(data: Record<string, unknown>, fileName: string): { date: SourceDate; isFromFileName: boolean } {
  for (const key of ["date", "publishDate", "pubDate", "published"]) {
    const value = data[key];
    const date = typeof value === "string" ? readSourceDate(value) : undefined;
    if (date) return { date, isFromFileName: false };
  }
  const fromName = /^(\d{4}-\d{2}-\d{2})-/.exec(fileName)?.[1];
  const date = fromName ? readSourceDate(fromName) : undefined;
  return { date: date ?? { kind: "missing" }, isFromFileName: Boolean(date) };
}

const HERO_KEYS = ["image", "hero", "featured_image", "featuredImage", "feature_image", "cover", "cover_image", "thumbnail", "header", "images"];
const ALT_KEYS = ["image_alt", "imageAlt", "hero_alt", "alt", "image_description"];
const CAPTION_KEYS = ["image_caption", "image_figcaption", "imageCaption", "hero_caption", "caption"];
const CREDIT_KEYS = ["image_credit", "imageCredit", "credit", "photo_credit"];

/**
 * The featured image: a path under one of the usual keys, or an object
 * with path/src/image and its own alt, caption and credit ({ image: { path, alt } },
 * Hugo's `cover: { image, alt, caption }`, `images: [first]`). Only what the
 * front matter says is kept.
 */
export function heroOf(data: Record<string, unknown>, place: SourcePlace): SourceHero | undefined {
  for (const key of HERO_KEYS) {
    const value = key === "images" && Array.isArray(data[key]) ? (data[key] as unknown[])[0] : data[key];
    const nested = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const src = nested ? (textValue(nested.path) ?? textValue(nested.src) ?? textValue(nested.image) ?? textValue(nested.url) ?? textValue(nested.feature)) : textValue(value);
    if (!src) continue;
    const first = (record: Record<string, unknown> | undefined, keys: readonly string[]) => keys.map((name) => textValue(record?.[name])).find(Boolean);
    const alt = first(nested, ["alt", "description"]) ?? first(data, ALT_KEYS);
    const caption = first(nested, ["caption", "title"]) ?? first(data, CAPTION_KEYS);
    const credit = first(nested, ["credit", "attribution"]) ?? first(data, CREDIT_KEYS);
    return { src, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}), ...(credit ? { credit } : {}), place };
  }
  return undefined;
}

/** Draft in any of the ways generators say it. */
export function isDraftOf(data: Record<string, unknown>): boolean {
  return data.draft === true || data.draft === "true" || data.published === false || data.published === "false";
}

/** Old addresses the front matter itself lists: Jekyll's redirect_from, Hugo's aliases. */
export function listedOldPaths(data: Record<string, unknown>): string[] {
  return [...listValue(data.redirect_from), ...listValue(data.aliases)].map((value) => value.trim()).filter((value) => value.startsWith("/"));
}
