import { LONG_HEADLINE } from "../assembly/build-articles.ts";
import { RULES } from "../diagnostics/messages.ts";

/**
 * What a form needs to know about a field that its schema does not say:
 * the editor's name for it, which collection an id points into, that a
 * path is an uploaded photo, and the rules written as refinements (which
 * JSON Schema cannot carry). Keyed by schema path; a guide for a path the
 * schema does not have is an error (src/cms/cms-fields.ts), so the two
 * cannot drift apart.
 */
export interface FieldGuide {
  label?: string;
  /** Shown under the field. Words from the checker's messages where they fit. */
  hint?: string;
  /** Stricter than the schema, which also reads archives and drafts: new work in the CMS has it. */
  isRequired?: boolean;
  /** Several lines of text rather than one. */
  isMultiline?: boolean;
  /** Written as one comma-separated line (tags) rather than one box per item. */
  isCommaList?: boolean;
  widget?: WidgetGuide;
  /** A rule the schema checks in code: the CMS checks this pattern, with the schema's own message for `probe`. */
  pattern?: { regex: RegExp; probe: string };
  /** A union's variants, in the schema's order. */
  variants?: readonly VariantGuide[];
  /** A map edited as a list of pairs: what the key and the value are called. */
  record?: { key: string; keyLabel: string; valueLabel: string };
}

export type WidgetGuide =
  | { kind: "relation"; collection: string; searchFields: readonly string[]; displayFields: readonly string[] }
  | { kind: "image" }
  /** A file of another media folder of content/ ("audio"). */
  | { kind: "file"; folder: string }
  | { kind: "choice"; options: readonly string[] };

export interface VariantGuide {
  /** Stored as the item's `type` while the CMS edits it; never written to the file. */
  type: string;
  label: string;
  /** A variant written as a plain value (an article id): the field that holds it in the form. */
  wrap?: { name: string; label: string; widget?: WidgetGuide };
}

export type FieldGuides = Readonly<Record<string, FieldGuide>>;

/** Values that are not known until the site is: the guides that name them. */
export interface GuideContext {
  timeZone: string;
}

const authorRelation: WidgetGuide = { kind: "relation", collection: "authors", searchFields: ["name"], displayFields: ["name"] };
const articleRelation: WidgetGuide = { kind: "relation", collection: "articles", searchFields: ["title"], displayFields: ["title"] };
const pageRelation: WidgetGuide = { kind: "relation", collection: "pages", searchFields: ["title"], displayFields: ["title"] };

/** A full web address (webUrl in src/content/fields.ts refines with URL parsing; this is its shape). */
const WEB_URL = { regex: /^https?:\/\/\S+$/, probe: "example.org" };
/** An old address on this site (aliasPath in src/content/fields.ts). */
const ALIAS = { regex: /^\/(?!\/)[^\s?#]*$/, probe: "old address" };
const aliases = (example: string): FieldGuide => ({ label: "Old addresses", hint: `Addresses this used to have, like ${example}: they redirect here`, pattern: ALIAS });

function ruleHint(hint: string | undefined): string {
  if (!hint) throw new Error("internal error, please report: a field guide quotes a rule without a hint");
  return hint.charAt(0).toUpperCase() + hint.slice(1);
}

export function articleGuides({ timeZone }: GuideContext): FieldGuides {
  return {
    title: { label: "Headline", hint: ruleHint(RULES["article/long-headline"].hint?.({ length: 0, limit: LONG_HEADLINE })) },
    dek: { label: "Dek", isRequired: true, isMultiline: true },
    authors: { label: "Authors and desks", widget: authorRelation },
    "authors[]": {},
    date: { label: "Published", hint: `In ${timeZone}. A time in the future schedules the article.` },
    updated: { label: "Updated", hint: ruleHint(RULES["frontmatter/updated-before-date"].hint?.({ updated: "", date: "" })) },
    tags: { label: "Topics", isCommaList: true, hint: 'Separated by commas, like transport, harbour or "City Hall"' },
    "tags[]": {},
    related: {
      label: "Related",
      hint: "Shown under the article; filled up to three with articles that share its topics",
      variants: [
        { type: "article", label: "Article on this site", wrap: { name: "id", label: "Article", widget: articleRelation } },
        { type: "link", label: "Page elsewhere" },
      ],
    },
    "related[]": {},
    "related[].title": { label: "Title" },
    "related[].url": { label: "Web address", pattern: WEB_URL },
    hero: { label: "Hero photograph", hint: "Without one, the article is a text-only brief" },
    "hero.src": { label: "Photo", widget: { kind: "image" } },
    "hero.alt": { label: "Alt text", isRequired: true, isMultiline: true },
    "hero.caption": { label: "Caption", isMultiline: true },
    "hero.credit": { label: "Credit" },
    "hero.focus": { label: "Focal point", hint: 'Kept in view when the photo is cropped: across, then down, like "60% 30%"', pattern: { regex: /^\s*(?:100|\d{1,2})(?:\.\d+)?%\s+(?:100|\d{1,2})(?:\.\d+)?%\s*$/, probe: "middle" } },
    audio: { label: "Audio version" },
    "audio.src": { label: "Audio file", widget: { kind: "file", folder: "audio" }, hint: ruleHint(RULES["article/audio-format"].hint?.({ written: "" })) },
    "audio.disclosure": { label: "Disclosure" },
    corrections: { label: "Corrections and updates", hint: "Shown under the article with their time" },
    "corrections[]": {},
    "corrections[].date": { label: "When", hint: `In ${timeZone}` },
    "corrections[].text": { label: "Correction", isMultiline: true },
    featured: { label: "Editors' pick", hint: "The newest pick leads the home page" },
    draft: { label: "Draft", hint: "Kept out of the published site; previews show it" },
    slug: { label: "URL name", hint: "Only when the address must differ from the file name" },
    aliases: aliases("/2015/07/08/ferry-strike/"),
    "aliases[]": {},
  };
}

export function authorGuides(): FieldGuides {
  return {
    name: { label: "Name" },
    type: { label: "Person or desk", hint: 'A desk ("News desk") signs articles but is not a person' },
    role: { label: "Role" },
    photo: { label: "Photo" },
    "photo.src": { label: "Photo", widget: { kind: "image" } },
    "photo.alt": { label: "Alt text" },
    aliases: aliases("/author/maria/"),
    "aliases[]": {},
  };
}

export function pageGuides({ timeZone }: GuideContext): FieldGuides {
  return {
    title: { label: "Title" },
    description: { label: "Description", isMultiline: true, hint: "One sentence for search engines and link previews" },
    updated: { label: "Updated", hint: `In ${timeZone}; for the sitemap` },
    draft: { label: "Draft", hint: "Kept out of the published site; previews show it" },
    aliases: aliases("/about-us.html"),
    "aliases[]": {},
  };
}

/** The masthead's and the footer's links: to a topic, a standalone page or a web address. */
const siteLinks = (label: string, path: string): FieldGuides => ({
  [path]: {
    label,
    variants: [
      { type: "tag", label: "Topic page" },
      { type: "page", label: "Standalone page" },
      { type: "url", label: "Web address" },
    ],
  },
  [`${path}[]`]: {},
  [`${path}[].label`]: { label: "Label" },
  [`${path}[].tag`]: { label: "Topic" },
  [`${path}[].page`]: { label: "Page", widget: pageRelation },
  [`${path}[].url`]: { label: "Web address", pattern: WEB_URL },
});

export function siteGuides(): FieldGuides {
  return {
    name: { label: "Site name" },
    tagline: { label: "Tagline" },
    baseUrl: { label: "Address of the site", pattern: WEB_URL },
    language: { label: "Language", hint: "A language tag, like en-GB" },
    timeZone: { label: "Time zone", hint: "Every date on the site is shown in it", widget: { kind: "choice", options: Intl.supportedValuesOf("timeZone") } },
    promo: { label: "Promo banner" },
    "promo.text": { label: "Text" },
    "promo.linkText": { label: "Link text" },
    "promo.url": { label: "Link", pattern: WEB_URL },
    ...siteLinks("Masthead links", "navigation"),
    ...siteLinks("Footer links", "footerLinks"),
    archive: { label: "Archive policy" },
    "archive.before": { label: "Archive before", hint: "Articles dated before this day may lack alt text, with a warning" },
    tagLabels: { label: "Topic names", hint: 'Display names for topics whose address does not read well ("us-politics": "US politics")', record: { key: "tag", keyLabel: "Topic", valueLabel: "Shown as" } },
    "tagLabels{}": {},
    newsletters: { label: "Newsletters" },
    "newsletters[]": {},
    "newsletters[].id": { label: "Id" },
    "newsletters[].name": { label: "Name" },
    "newsletters[].description": { label: "Description", isMultiline: true },
    "newsletters[].action": { label: "Sign-up address", hint: "The provider's form address; it receives the email by POST", pattern: WEB_URL },
    pageSizes: { label: "Articles per listing page" },
    "pageSizes.newsFeed": { label: "News feed" },
    "pageSizes.tag": { label: "Topic pages" },
    trustedHosts: { label: "Trusted sites" },
    "trustedHosts.iframes": { label: "Embeds from", hint: "Host names whose pages bodies may embed, like www.youtube-nocookie.com" },
    "trustedHosts.iframes[]": {},
    "trustedHosts.images": { label: "Images from", hint: "Host names whose images bodies may show" },
    "trustedHosts.images[]": {},
    images: { label: "Image sizes" },
    "images.widths": { label: "Hero widths" },
    "images.widths[]": {},
    "images.bodyWidths": { label: "Body image widths" },
    "images.bodyWidths[]": {},
    "images.thumbnailWidths": { label: "Thumbnail widths" },
    "images.thumbnailWidths[]": {},
    "images.maxMegapixels": { label: "Largest source (megapixels)" },
    editUrl: { label: "Edit link", hint: "The repository's web editor, with {path} for the file: shown in previews", pattern: { regex: /^https?:\/\/\S*(?:\{path\}|%7Bpath%7D)/, probe: "https://example.org/edit/" } },
  };
}
