import { z } from "zod";
import { slugify } from "../format/slug.ts";

/**
 * Field types shared by the content schemas. Every message is written for an
 * editor: what is wrong and what a correct value looks like.
 */

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `value` is not a usable timestamp, or undefined when it is one. */
export function timestampProblem(value: string): string | undefined {
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) {
    return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value)
      ? `"${value}" has no time zone offset: write it like 2026-03-14T09:30:00+01:00`
      : `"${value}" is not a date and time: write it like 2026-03-14T09:30:00+01:00`;
  }
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const offsetHours = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinutes = match[9] === undefined ? 0 : Number(match[9]);
  if (
    month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!) ||
    hour! > 23 || minute! > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59
  ) {
    return `"${value}" is not a real date or time`;
  }
  return undefined;
}

/** An ISO 8601 date and time with an explicit offset, parsed into a Date. */
export const timestamp = z
  .string({ error: "must be a date and time like 2026-03-14T09:30:00+01:00 (in quotes is fine)" })
  .superRefine((value, ctx) => {
    const problem = timestampProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => new Date(value));

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebabId = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .regex(KEBAB_ID, {
      error: (issue) =>
        `${what} "${String(issue.input)}" must be lowercase letters, digits and hyphens, like "${slugify(String(issue.input)) || "city-hall"}"`,
    });

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
