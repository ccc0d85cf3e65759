import { slugify } from "../../format/slug.ts";
import type { SourcePost } from "../model.ts";
import type { ImportReport } from "../report.ts";

/**
 * Each post's article id: a slug of its slug or file name, unique. Posts are
 * taken oldest first (then by file and line), so the first keeps the plain
 * id and a later one with the same gets "-2", "-3", reported.
 */
export function assignIds(posts: readonly SourcePost[], report: ImportReport): Map<SourcePost, string> {
  const ids = new Map<SourcePost, string>();
  const taken = new Set<string>();
  for (const post of [...posts].sort(byAge)) {
    const base = slugify(post.slug) || slugify(post.title ?? "") || "post";
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    if (id !== base) report.warn("id-renamed", post.place, `another post already has the id "${base}": this one is "${id}"`);
    taken.add(id);
    ids.set(post, id);
  }
  return ids;
}

function byAge(a: SourcePost, b: SourcePost): number {
  return timeOf(a) - timeOf(b) || a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line;
}

function timeOf(post: SourcePost): number {
  const { date } = post;
  if (date.kind === "instant") return date.date.getTime();
  if (date.kind === "local") return Date.UTC(date.local.year, date.local.month - 1, date.local.day, date.local.hour, date.local.minute, date.local.second);
  return Number.MAX_SAFE_INTEGER;
}
