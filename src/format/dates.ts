/**
 * Dates as readers see them: always in the site's time zone, whatever the
 * time zone of the build machine or of the offset the editor wrote.
 */

interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  offset: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
/**
 * formatToParts costs about 10 µs and the same dates come back on every
 * listing, feed and sitemap an article appears in: results are kept, per
 * zone and instant (one entry per distinct time, bounded by the archive).
 */
const zonedPartsMemo = new Map<string, ZonedParts>();

function zonedParts(date: Date, timeZone: string): ZonedParts {
  const key = `${timeZone}|${date.getTime()}`;
  let parts = zonedPartsMemo.get(key);
  if (!parts) {
    parts = computeZonedParts(date, timeZone);
    zonedPartsMemo.set(key, parts);
  }
  return parts;
}

const DAY_MS = 86_400_000;
/**
 * Local years 1000-9999 in every zone (offsets are under a day): ICU writes
 * years before 1 unsigned, and the last midnight a Date holds has no next.
 */
const ARITHMETIC_FROM_MS = Date.UTC(1001, 0, 1);
const ARITHMETIC_UNTIL_MS = Date.UTC(9999, 0, 1);
/** The offset at each UTC midnight asked about, per zone. */
const midnightOffsets = new Map<string, Map<number, string>>();

/**
 * formatToParts costs tens of µs per new instant and every article has its
 * own publication time: 1.35 s of a 10,000-article build. No zone has two
 * offset changes under about four days apart (tzdata 2025b, years
 * 1000-2200), so when the UTC midnights either side of an instant have the
 * same offset, so has the instant, and its wall-clock time is arithmetic:
 * one formatToParts per day instead of per instant. Days with a change,
 * offsets with seconds (local mean time) and other years take the exact path.
 */
function computeZonedParts(date: Date, timeZone: string): ZonedParts {
  const ms = date.getTime();
  if (ms >= ARITHMETIC_FROM_MS && ms < ARITHMETIC_UNTIL_MS) {
    const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
    const offset = offsetAt(midnight, timeZone);
    if (offset === offsetAt(midnight + DAY_MS, timeZone) && offset.length === "+00:00".length) {
      const sign = offset[0] === "-" ? -1 : 1;
      const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
      const local = new Date(ms + offsetMs);
      return {
        year: String(local.getUTCFullYear()),
        month: pad(local.getUTCMonth() + 1),
        day: pad(local.getUTCDate()),
        hour: pad(local.getUTCHours()),
        minute: pad(local.getUTCMinutes()),
        second: pad(local.getUTCSeconds()),
        offset,
      };
    }
  }
  return formattedZonedParts(date, timeZone);
}

function offsetAt(midnight: number, timeZone: string): string {
  let offsets = midnightOffsets.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    midnightOffsets.set(timeZone, offsets);
  }
  let offset = offsets.get(midnight);
  if (offset === undefined) {
    offset = formattedZonedParts(new Date(midnight), timeZone).offset;
    offsets.set(midnight, offset);
  }
  return offset;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The exact parts, from ICU. */
function formattedZonedParts(date: Date, timeZone: string): ZonedParts {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  // "GMT+01:00" -> "+01:00"; plain "GMT" is UTC.
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", "");
  return { ...(parts as Omit<ZonedParts, "offset">), offset };
}

/** ISO 8601 in the site's zone with its offset, for `<time datetime>`: 2026-11-26T08:15:00+00:00. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
}

/** The calendar day in the site's zone, "2026-11-26": the key that groups the news feed. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A formatter per locale, zone and style, and what it returned per instant (see zonedPartsMemo). */
const displayFormatters = new Map<string, { formatter: Intl.DateTimeFormat; formatted: Map<number, string> }>();

function displayFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let entry = displayFormatters.get(key);
  if (!entry) {
    entry = { formatter: new Intl.DateTimeFormat(locale, { timeZone, ...options }), formatted: new Map() };
    displayFormatters.set(key, entry);
  }
  const { formatter, formatted } = entry;
  return {
    format(date) {
      let text = formatted.get(date.getTime());
      if (text === undefined) {
        text = formatter.format(date);
        formatted.set(date.getTime(), text);
      }
      return text;
    },
  };
}

/** "26 November 2026, 08:15 GMT" */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return displayFormatter(locale, timeZone, {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  }).format(date);
}

/** "Thursday 26 November 2026": the news feed's day headings. */
export function formatDay(date: Date, locale: string, timeZone: string): string {
  return displayFormatter(locale, timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "08:15": times within a day heading. */
export function formatTime(date: Date, locale: string, timeZone: string): string {
  return displayFormatter(locale, timeZone, { hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "26 Nov 2026": compact dates in lists. */
export function formatShortDate(date: Date, locale: string, timeZone: string): string {
  return displayFormatter(locale, timeZone, { day: "numeric", month: "short", year: "numeric" }).format(date);
}
