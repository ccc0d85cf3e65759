import { z } from "zod";
import { slugify } from "../format/slug.ts";
import { normalizedSitePath } from "./routes.ts";

/**
 * Field types shared by the content schemas. Every message is written for an
 * editor: what is wrong and what a correct value looks like.
 */

/**
 * A date and time as editors and archives write it: ISO 8601
 * ("2026-03-14T09:30:00+01:00", "…Z"), with a space for the T, and the
 * offset as +0100 or after a space, as Jekyll and WordPress exports write
 * "2014-03-21 12:00:00 -0400". Without an offset it is not one moment.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)? ?(Z|[+-](\d{2}):?(\d{2}))?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a timestamp as written, or why it is not one. */
export type TimestampReading =
  | { ok: true; date: Date }
  | { ok: false; problem: "no-offset"; local: { year: number; month: number; day: number; hour: number; minute: number; second: number } }
  | { ok: false; problem: "not-a-timestamp" | "impossible" };

export function readTimestamp(value: string): TimestampReading {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return { ok: false, problem: "not-a-timestamp" };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((index) => Number(match[index] ?? 0)) as [number, number, number, number, number, number];
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) {
    return { ok: false, problem: "impossible" };
  }
  if (match[8] === undefined) return { ok: false, problem: "no-offset", local: { year, month, day, hour, minute, second } };
  const offsetMs = match[8].toUpperCase() === "Z" ? 0 : (match[8].startsWith("-") ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const fraction = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  return { ok: true, date: new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMs) };
}

/** Why `value` is not a usable timestamp, or undefined when it is one. */
export function timestampProblem(value: string): string | undefined {
  const reading = readTimestamp(value);
  if (reading.ok) return undefined;
  if (reading.problem === "no-offset") return `"${value}" has no time zone offset: write it like 2026-03-14T09:30:00+01:00`;
  if (reading.problem === "impossible") return `"${value}" is not a real date or time`;
  return `"${value}" is not a date and time: write it like 2026-03-14T09:30:00+01:00`;
}

/** An issue's params: a timestamp without an offset, as written (schema-diagnostics words it in the site's zone). */
export interface NoOffsetIssue {
  kind: "no-offset";
  value: string;
  local: Extract<TimestampReading, { problem: "no-offset" }>["local"];
}

/** A date and time with an explicit offset, parsed into a Date. */
export const timestamp = z
  .string({ error: "must be a date and time like 2026-03-14T09:30:00+01:00 (in quotes is fine)" })
  .transform((value, ctx) => {
    const reading = readTimestamp(value);
    if (reading.ok) return reading.date;
    const params: NoOffsetIssue | undefined = reading.problem === "no-offset" ? { kind: "no-offset", value, local: reading.local } : undefined;
    ctx.addIssue({ code: "custom", message: timestampProblem(value)!, ...(params ? { params } : {}) });
    return z.NEVER;
  });

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebabId = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .regex(KEBAB_ID, {
      error: (issue) =>
        `${what} "${String(issue.input)}" must be lowercase letters, digits and hyphens, like "${slugify(String(issue.input)) || "city-hall"}"`,
    });

/**
 * An old address of the same content ("/2015/07/08/ferry-strike/"): a path
 * on this site, kept working by a redirect. Written as the path alone.
 */
export const aliasPath = z
  .string({ error: "each alias must be a path on this site, like /2015/07/08/ferry-strike/" })
  .trim()
  .refine((value) => /^\/(?!\/)[^\s?#]*$/.test(value) && !value.split("/").includes(".."), "each alias must be a path on this site, like /2015/07/08/ferry-strike/ (no https://, no ?query)")
  .transform((value) => normalizedSitePath(value));

/** A tag as written: a slug or words; a number ("2016") reads as its digits. */
export const tagName = z
  .union([z.string(), z.number()], { error: "each tag must be text, like transport or \"City Hall\"" })
  .transform((value) => String(value).trim())
  .refine((value) => value.length > 0, "a tag must not be empty");

export const text = (what: string) =>
  z.string({ error: `${what} must be text` }).trim().min(1, `${what} must not be empty`);

/** Absolute http(s) URL. Other schemes (javascript:, data:) never reach a reader. */
export const webUrl = (what: string) =>
  z
    .string({ error: `${what} must be a web address` })
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `${what} must be a full web address starting with https://`);

/** A file path relative to the Markdown file that names it, like ../images/ferry.jpg. */
export const relativePath = (what: string) =>
  text(what).refine(
    (value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/"),
    `${what} must be a path relative to this file, like ../images/photo.jpg`,
  );
