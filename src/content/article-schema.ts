import { z } from "zod";
import { parseFocus } from "./focus.ts";
import { aliasPath, kebabId, relativePath, tagName, text, timestamp, webUrl } from "./fields.ts";

/** Link to something outside the site, listed under "Related". */
export const externalLinkSchema = z
  .object({ title: text("related link title"), url: webUrl("related link url") })
  .strict();

export const heroSchema = z
  .object({
    src: relativePath("hero.src"),
    /** Required for new work; an archive article (dated before site.yaml's `archive.before`) may lack it, with a warning. */
    alt: text("hero.alt (the description of the photo for blind readers)").optional(),
    caption: text("hero.caption").optional(),
    credit: text("hero.credit (the photographer or source)").optional(),
    /** The point crops keep in view (thumbnail, social card), across then down: "60% 30%". */
    focus: z
      .string({ error: 'hero.focus must be two percentages, across then down, like "60% 30%"' })
      .refine((value) => parseFocus(value) !== undefined, 'hero.focus must be two percentages from 0% to 100%, across then down, like "60% 30%"')
      .optional(),
  })
  .strict();

export const audioSchema = z
  .object({
    src: relativePath("audio.src"),
    disclosure: text("audio.disclosure (how the audio was made)"),
  })
  .strict();

/**
 * The frontmatter of `content/articles/<id>.md`: the one definition of what an
 * editor writes. Keys not listed here are errors (a misspelt key is not ignored).
 */
export const articleSchema = z
  .object({
    title: text("title"),
    /** Required once the article is not a draft: a draft may still be being written. */
    dek: text("dek (the one-sentence standfirst)").optional(),
    authors: z
      .array(kebabId("author id"), { error: "authors must be a list of author ids, like [maria-okafor]" })
      .min(1, "authors must name at least one author or desk"),
    date: timestamp,
    updated: timestamp.optional(),
    /** Slugs ("city-hall") or words ("City Hall", as archives write them): a tag's page is its slug. */
    tags: z.array(tagName, { error: "tags must be a list, like [transport, harbour]" }).default([]),
    related: z
      .array(z.union([kebabId("related article id"), externalLinkSchema], {
        error: "each related entry is an article id, or a title and url",
      }))
      .default([]),
    /** Optional: an article without one is a text-only brief. */
    hero: heroSchema.optional(),
    audio: audioSchema.optional(),
    /** Corrections and updates, each with its time; shown under the article and in its structured data. */
    corrections: z
      .array(z.object({ date: timestamp, text: text("correction text") }).strict(), {
        error: "corrections must be a list of { date, text }",
      })
      .default([]),
    featured: z.boolean({ error: "featured must be true or false" }).default(false),
    draft: z.boolean({ error: "draft must be true or false" }).default(false),
    slug: kebabId("slug").optional(),
    /** Old addresses of this article (an imported archive's, or one renamed by hand): they redirect here. */
    aliases: z.array(aliasPath, { error: "aliases must be a list of paths, like [/2015/07/08/ferry-strike/]" }).default([]),
  })
  .strict();

/** A rule across fields, on the fields that are valid on their own: every problem of a file is found in one run. */
export interface FieldRuleIssue {
  path: (string | number)[];
  rule: "missing-dek" | "updated-before-date" | "correction-before-date";
  /** The instants compared, for the message (in the site's zone). */
  dates?: { earlier: Date; later: Date };
}

/**
 * The rules that span fields: a published article has a dek; `updated` and
 * corrections are not before `date`. Checked apart from the schema (whose
 * refinements run only once every field is valid), on each field that
 * parses by itself.
 */
export function articleFieldRules(fields: Partial<ArticleFrontmatter>): FieldRuleIssue[] {
  const issues: FieldRuleIssue[] = [];
  if (!fields.draft && fields.dek === undefined) issues.push({ path: ["dek"], rule: "missing-dek" });
  const { date } = fields;
  if (date && fields.updated && fields.updated < date) issues.push({ path: ["updated"], rule: "updated-before-date", dates: { earlier: fields.updated, later: date } });
  fields.corrections?.forEach((correction, index) => {
    if (date && correction.date < date) issues.push({ path: ["corrections", index, "date"], rule: "correction-before-date", dates: { earlier: correction.date, later: date } });
  });
  return issues;
}

/** Each field of `raw` that is valid on its own, parsed; the others left out. */
export function validFields(raw: unknown): Partial<ArticleFrontmatter> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return {};
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(articleSchema.shape)) {
    const result = (schema as z.ZodType).safeParse((raw as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) fields[key] = result.data;
  }
  return fields as Partial<ArticleFrontmatter>;
}

export type ArticleFrontmatter = z.output<typeof articleSchema>;
export type ExternalLink = z.output<typeof externalLinkSchema>;
export type HeroFrontmatter = z.output<typeof heroSchema>;
