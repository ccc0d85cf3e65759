import { slugify } from "../../../format/slug.ts";
import { isoInZone } from "../../../format/dates.ts";
import { dateParts } from "../../convert/dates.ts";
import type { SourceDate } from "../../model.ts";

/** What a permalink pattern is filled with. */
export interface PermalinkFacts {
  slug: string;
  title?: string;
  date: SourceDate;
  categories: readonly string[];
  /** Hugo's section ("posts"), Eleventy's folder. */
  section?: string;
  /** The file name without extension. */
  fileName?: string;
}

/** Which calendar a post's date is read in for its address: the generator's own rule. */
export type DateCalendar = { kind: "utc" } | { kind: "own-offset" } | { kind: "zone"; timeZone: string };

/**
 * An address from a pattern with Jekyll's and Hugo's placeholders
 * (:year, :month, :day, :i_month, :i_day, :short_year, :hour, :minute,
 * :second, :title, :slug, :categories, :section, :filename, :output_ext).
 * Undefined when the post has no date and the pattern needs one.
 */
export function expandPermalink(pattern: string, facts: PermalinkFacts, calendar: DateCalendar): string | undefined {
  const parts = calendarParts(facts.date, calendar);
  const values: Record<string, string | undefined> = {
    year: parts?.year,
    month: parts?.month,
    day: parts?.day,
    i_month: parts ? String(Number(parts.month)) : undefined,
    i_day: parts ? String(Number(parts.day)) : undefined,
    short_year: parts?.year.slice(2),
    hour: parts?.hour,
    minute: parts?.minute,
    second: parts?.second,
    title: facts.slug,
    slug: facts.slug,
    slugorfilename: facts.slug,
    filename: facts.fileName ?? facts.slug,
    contentbasename: facts.fileName ?? facts.slug,
    categories: facts.categories.map((category) => slugify(category)).join("/"),
    section: facts.section ?? "",
    output_ext: ".html",
  };
  let missing = false;
  const expanded = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (value === undefined) missing = true;
    return value ?? "";
  });
  if (missing) return undefined;
  return `/${expanded}`.replace(/\/{2,}/g, "/");
}

function calendarParts(date: SourceDate, calendar: DateCalendar) {
  if (date.kind === "missing") return undefined;
  if (date.kind === "local") {
    const pad = (value: number) => String(value).padStart(2, "0");
    const { local } = date;
    return { year: String(local.year), month: pad(local.month), day: pad(local.day), hour: pad(local.hour), minute: pad(local.minute), second: pad(local.second) };
  }
  if (calendar.kind === "utc") return dateParts(date.date, 0);
  if (calendar.kind === "own-offset") return dateParts(date.date, date.offsetMinutes);
  const iso = isoInZone(date.date, calendar.timeZone);
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16), second: iso.slice(17, 19) };
}

/** Jekyll's named permalink styles. */
export const JEKYLL_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};
