import { z } from "zod";
import { kebabId, text, webUrl } from "./fields.ts";

/** Whether the runtime knows `zone` as an IANA time zone name. */
export function isTimeZone(zone: string): boolean {
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

const pixelWidths = (key: string) =>
  z
    .array(z.number({ error: `${key} must be a list of widths in pixels, like [400, 800]` }).int(`${key} must be whole pixels`).min(16, `${key} must be at least 16 pixels`).max(8192, `${key} must be at most 8192 pixels`), {
      error: `${key} must be a list of widths in pixels, like [400, 800]`,
    })
    .min(1, `${key} must list at least one width`);

/** A link of the masthead or the footer: to a tag's page, a standalone page, or a full URL. */
const siteLinkSchema = (key: string) =>
  z.union(
    [
      z.object({ label: text(`${key} label`), tag: kebabId(`${key} tag`) }).strict(),
      z.object({ label: text(`${key} label`), page: kebabId(`${key} page`) }).strict(),
      z.object({ label: text(`${key} label`), url: webUrl(`${key} url`) }).strict(),
    ],
    { error: `each ${key} entry is a label with a tag, a page or a url, like { label: City, tag: city-hall }` },
  );

/** A host name as URLs carry it ("www.youtube-nocookie.com"); a leading dot takes its subdomains too (".example.org"). */
const hostName = (what: string) =>
  z
    .string({ error: `${what} must be a list of host names, like www.youtube-nocookie.com` })
    .trim()
    .toLowerCase()
    .regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/, `${what} must be host names only, like www.youtube-nocookie.com (no https:// and no path)`);

/** `trustedHosts:` in site.yaml: other sites whose embeds and images bodies may show. */
export const trustedHostsSchema = z
  .object({
    /** Pages that may be embedded with <iframe> (video players, maps): shown sandboxed. */
    iframes: z.array(hostName("trustedHosts.iframes")).default([]),
    /** Images that may be shown from there, with their width and height. */
    images: z.array(hostName("trustedHosts.images")).default([]),
  })
  .strict();

/** `images:` in site.yaml: derivative widths and the pixel limit; see src/images/image-options.ts for defaults. */
export const imageSettingsSchema = z
  .object({
    widths: pixelWidths("images.widths").optional(),
    bodyWidths: pixelWidths("images.bodyWidths").optional(),
    thumbnailWidths: pixelWidths("images.thumbnailWidths").optional(),
    maxMegapixels: z.number({ error: "images.maxMegapixels must be a number, like 50" }).positive("images.maxMegapixels must be above 0").optional(),
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
      .refine(isTimeZone, { message: "timeZone must be a time zone name like Europe/London", params: { kind: "unknown-time-zone" } }),
    promo: z
      .object({ text: text("promo.text"), linkText: text("promo.linkText"), url: webUrl("promo.url") })
      .strict()
      .optional(),
    /** Masthead links: to a tag's page, or to a standalone page (content/pages/<id>.md). */
    navigation: z.array(siteLinkSchema("navigation")).default([]),
    /** Footer links, to standalone pages (About, Corrections policy, Contact) or elsewhere. */
    footerLinks: z.array(siteLinkSchema("footerLinks")).default([]),
    /**
     * An archive's policy: articles dated before `before` ("2025-01-01", in
     * the site's zone) may lack alt text, with a warning instead of an error.
     */
    archive: z
      .object({ before: z.string({ error: "archive.before must be a date like 2025-01-01" }).regex(/^\d{4}-\d{2}-\d{2}$/, "archive.before must be a date like 2025-01-01") })
      .strict()
      .optional(),
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
    trustedHosts: trustedHostsSchema.default({ iframes: [], images: [] }),
    /** Image derivative settings (optional; defaults in src/images/image-options.ts). */
    images: imageSettingsSchema.optional(),
    /** Where "Edit" links point in preview builds; `{path}` becomes the article's repository path. */
    editUrl: webUrl("editUrl")
      .refine((url) => url.includes("%7Bpath%7D") || url.includes("{path}"), "editUrl must contain {path}")
      .optional(),
  })
  .strict();

export type SiteSettings = z.output<typeof siteSchema>;
export type SiteLink = SiteSettings["navigation"][number];
export type Newsletter = z.output<typeof newsletterSchema>;
