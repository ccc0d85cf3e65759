import { z } from "zod";
import { kebabId, text, webUrl } from "./fields.ts";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const newsletterSchema = z
  .object({
    id: kebabId("newsletter id"),
    name: text("newsletter name"),
    description: text("newsletter description"),
    /** The provider's form endpoint; the form posts `email` there. */
    action: webUrl("newsletter action"),
  })
  .strict();

/** `content/site.yaml`: settings that apply to every page. */
export const siteSchema = z
  .object({
    name: text("name"),
    tagline: text("tagline").optional(),
    baseUrl: webUrl("baseUrl").transform((url) => url.replace(/\/+$/, "")),
    language: z
      .string({ error: "language must be a language tag like en-GB" })
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "language must be a language tag like en-GB"),
    timeZone: z
      .string({ error: "timeZone must be a time zone name like Europe/London" })
      .refine(isTimeZone, "timeZone must be a time zone name like Europe/London"),
    promo: z
      .object({ text: text("promo.text"), linkText: text("promo.linkText"), url: webUrl("promo.url") })
      .strict()
      .optional(),
    navigation: z
      .array(z.object({ label: text("navigation label"), tag: kebabId("navigation tag") }).strict())
      .default([]),
    /** Display names for tags whose slug does not read well ("us-politics": "US politics"). */
    tagLabels: z.record(z.string(), text("tag label")).default({}),
    newsletters: z.array(newsletterSchema).default([]),
    /** Articles per page of the news feed and of each tag page. */
    pageSizes: z
      .object({
        newsFeed: z.number().int().min(1, "pageSizes.newsFeed must be at least 1").default(30),
        tag: z.number().int().min(1, "pageSizes.tag must be at least 1").default(20),
      })
      .strict()
      .default({ newsFeed: 30, tag: 20 }),
    /** Where "Edit" links point in preview builds; `{path}` becomes the article's repository path. */
    editUrl: webUrl("editUrl")
      .refine((url) => url.includes("%7Bpath%7D") || url.includes("{path}"), "editUrl must contain {path}")
      .optional(),
  })
  .strict();

export type SiteSettings = z.output<typeof siteSchema>;
export type Newsletter = z.output<typeof newsletterSchema>;
