import { readTimestamp } from "../../content/fields.ts";
import { localTimeInZone } from "../../content/schema-diagnostics.ts";
import type { SourceDate } from "../model.ts";

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a date as archives write it ("2014-03-21", "2014-03-21 12:00:00 -0400",
 * "2015-07-08T10:30:00+02:00", "…Z"), keeping the offset it was written
 * with; undefined when it is not a date.
 */
export function readSourceDate(written: string): SourceDate | undefined {
  // "-4" for "-04:00", as some hand-written front matter has it.
  const value = written.trim().replace(/ ([+-])(\d)$/, " $10$2:00");
  const reading = readTimestamp(value);
  if (reading.ok) {
    const offset = OFFSET.exec(value)?.[1] ?? "Z";
    return { kind: "instant", date: reading.date, offsetMinutes: offsetMinutesOf(offset) };
  }
  if (reading.problem === "no-offset") return { kind: "local", written: value, local: reading.local };
  return undefined;
}

/** A WordPress post's time: its UTC time, written with the offset its local time had (post_date - post_date_gmt). */
export function wordpressDate(localWritten: string, gmtWritten: string): SourceDate | undefined {
  const local = readSourceDate(localWritten);
  if (local?.kind !== "local") return local;
  // Drafts have no GMT time yet ("0000-00-00 00:00:00"): only the wall time is known.
  const gmt = /^0000/.test(gmtWritten.trim()) ? undefined : readSourceDate(`${gmtWritten.trim()}Z`);
  if (gmt?.kind !== "instant") return local;
  const wall = Date.UTC(local.local.year, local.local.month - 1, local.local.day, local.local.hour, local.local.minute, local.local.second);
  return { kind: "instant", date: gmt.date, offsetMinutes: Math.round((wall - gmt.date.getTime()) / 60_000) };
}

/** "+02:00", "-0400", "Z" -> minutes east of UTC. */
function offsetMinutesOf(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.replace(":", "");
  return (digits.startsWith("-") ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** An instant written in a fixed offset, as frontmatter carries it: "2015-07-08T10:30:00-04:00". */
export function isoWithOffset(date: Date, offsetMinutes: number): string {
  const wall = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

/** A settled date: the frontmatter text and the instant. */
export interface SettledDate {
  iso: string;
  date: Date;
  /** True when the source gave no zone and the site's was used. */
  isInSiteZone: boolean;
}

/** The date to write: as the source gave it, or a wall time read in the site's zone. */
export function settleDate(date: Exclude<SourceDate, { kind: "missing" }>, siteTimeZone: string): SettledDate {
  if (date.kind === "instant") return { iso: isoWithOffset(date.date, date.offsetMinutes), date: date.date, isInSiteZone: false };
  const iso = localTimeInZone(date.local, siteTimeZone);
  const reading = readTimestamp(iso);
  if (!reading.ok) throw new Error(`internal error, please report: ${iso} did not read back as a date`);
  return { iso, date: reading.date, isInSiteZone: true };
}

/** The calendar parts a permalink uses, in the given offset (or UTC). */
export function dateParts(date: Date, offsetMinutes = 0): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const iso = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16), second: iso.slice(17, 19) };
}
