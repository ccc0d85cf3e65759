// Dates in the site's time zone for the CMS, whatever the zone of the
// editor's computer: a form shows the wall-clock time in the site's zone and
// saves it with that zone's offset, as `npm run new` writes a date
// (2026-11-26T08:15:00+00:00). Runs in the browser; tests hold it to
// src/format/dates.ts, which the build uses.

/** @type {Map<string, Intl.DateTimeFormat>} */
const formatters = new Map();

/** @param {string} timeZone */
function formatter(timeZone) {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
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
    formatters.set(timeZone, found);
  }
  return found;
}

/**
 * The wall-clock parts and offset ("+01:00") of an instant in a zone.
 * @param {number} ms @param {string} timeZone
 */
function zonedParts(ms, timeZone) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  // "GMT+01:00" -> "+01:00"; plain "GMT" is UTC.
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", "");
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, offset };
}

/** @param {string} offset "+05:30" @returns {number} minutes east of UTC */
function offsetMinutes(offset) {
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * "2026-11-26T08:15:00+00:00": the instant in the zone, with its offset.
 * @param {number} ms @param {string} timeZone
 */
export function isoInZone(ms, timeZone) {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
}

/**
 * "2026-11-26T08:15": the instant as a datetime-local input shows it in the zone.
 * @param {number} ms @param {string} timeZone
 */
export function localInZone(ms, timeZone) {
  return isoInZone(ms, timeZone).slice(0, 16);
}

/**
 * The instant a wall-clock time in the zone is ("2026-03-29T01:30" in
 * Europe/London). A time skipped by a change of clocks is read with the
 * offset before the change, as a clock that was not put forward would.
 * @param {string} local "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss"
 * @param {string} timeZone
 */
export function instantInZone(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset at the guess, then at the corrected guess: two steps settle any zone's offset.
  let ms = asUtc - offsetMinutes(zonedParts(asUtc, timeZone).offset) * 60_000;
  ms = asUtc - offsetMinutes(zonedParts(ms, timeZone).offset) * 60_000;
  return ms;
}

/** A date and time with an offset, as src/content/fields.ts reads one (the parts it needs here). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)? ?(Z|[+-](\d{2}):?(\d{2}))$/i;

/**
 * The instant a saved value names, or undefined when it names none (no
 * offset, not a date): the build would refuse it.
 * @param {unknown} value
 */
export function instantOf(value) {
  if (typeof value !== "string") return undefined;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8].toUpperCase();
  const offset = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10]));
  const fraction = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offset * 60_000;
}
