import type { Diagnostic, Severity } from "./diagnostic.ts";

/**
 * The catalogue of every problem the build reports: one entry per rule id,
 * with its default severity, the words of its message and hint, and what a
 * summary line calls many of them. Rule ids are permanent: tools and
 * newsrooms filter on them (`npm run check -- --list <rule>`), and each has a
 * broken fixture in tests/fixtures/rules/ that produces it.
 */
export interface Rule<P> {
  severity: Severity;
  /** What a summary line calls a count of these: "images without alt text". */
  summary: string;
  message: (params: P) => string;
  hint?: (params: P) => string | undefined;
}

/** Where a problem is: the file relative to the project root, 1-based line and column (0 for the whole file). */
export interface Place {
  file: string;
  line: number;
  column: number;
}

const rule = <P = Record<string, never>>(definition: Rule<P>): Rule<P> => definition;
/** An image that cannot be used, worded by the image pipeline (what is wrong, how to fix it). */
const imageRule = (summary: string) => rule<{ reason: string; hint: string }>({ severity: "error", summary, message: ({ reason }) => reason, hint: ({ hint }) => hint });
const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(", ");
const orList = (values: readonly string[], limit = 8) =>
  values.length > limit ? `${values.slice(0, limit).join(", ")}, …` : values.join(", ");

export const RULES = {
  // Files and folders
  "file/invalid-name": rule<{ name: string; suggestion: string }>({
    severity: "error",
    summary: "files whose names are not ids",
    message: ({ name }) => `file name "${name}" is not a valid id`,
    hint: ({ suggestion }) => `rename it to ${suggestion}: lowercase letters, digits and hyphens`,
  }),
  "file/duplicate-id": rule<{ id: string; other: string }>({
    severity: "error",
    summary: "files that share an id",
    message: ({ id, other }) => `another file has the id "${id}": ${other}`,
    hint: () => "an id is the file name, whatever the folder: rename one of the two",
  }),
  "file/outside-content": rule<{ target: string }>({
    severity: "error",
    summary: "links that leave the content folder",
    message: ({ target }) => `this file is a link to ${target}, outside the content folder`,
    hint: () => "copy the file itself into the content folder instead of linking to it",
  }),
  "file/not-utf8": rule<{ offset: number }>({
    severity: "error",
    summary: "files that are not UTF-8",
    message: ({ offset }) => `the file is not valid UTF-8 text (first bad byte at offset ${offset})`,
    hint: () => "re-save it as UTF-8: in most editors, reopen it with the Latin-1 (Western) encoding, then save it with UTF-8",
  }),
  "file/unreadable": rule<{ reason: string }>({
    severity: "error",
    summary: "files that cannot be read",
    message: ({ reason }) => `the file cannot be read (${reason})`,
    hint: () => "check that it is a file and that you may read it",
  }),
  "file/not-markdown": rule<{ folder: string }>({
    severity: "warning",
    summary: "files that are not Markdown, not published",
    message: ({ folder }) => `not a Markdown file, so it is not published from ${folder}/`,
    hint: () => "rename it to .md if it is meant to be published; move it out of the folder otherwise",
  }),

  // YAML and frontmatter
  "yaml/syntax": rule<{ reason: string }>({
    severity: "error",
    summary: "YAML syntax errors",
    message: ({ reason }) => `YAML syntax: ${reason}`,
  }),
  "yaml/duplicate-key": rule<{ key: string }>({
    severity: "error",
    summary: "keys written twice",
    message: ({ key }) => `the key "${key}" is written twice`,
    hint: () => "keep one of them: YAML allows each key once",
  }),
  "frontmatter/unknown-key": rule<{ key: string; suggestion?: string; known: readonly string[] }>({
    severity: "error",
    summary: "unknown frontmatter keys",
    message: ({ key }) => `unknown key "${key}"`,
    hint: ({ suggestion, known }) => suggestion ?? `known keys are ${known.join(", ")}`,
  }),
  "frontmatter/missing-field": rule<{ key: string; expected: string }>({
    severity: "error",
    summary: "missing required fields",
    message: ({ key }) => `missing "${key}"`,
    hint: ({ expected }) => `add it: ${expected}`,
  }),
  "frontmatter/invalid-value": rule<{ reason: string }>({
    severity: "error",
    summary: "invalid frontmatter values",
    message: ({ reason }) => reason,
  }),
  "frontmatter/date-without-offset": rule<{ key: string; value: string; fixed?: string; timeZone?: string }>({
    severity: "error",
    summary: "dates without a time zone offset",
    message: ({ key, value }) => `${key} "${value}" has no time zone offset, so it is not a single moment`,
    hint: ({ fixed, timeZone }) =>
      fixed ? `write ${fixed}${timeZone ? `, that time in ${timeZone}` : ""}` : "add the offset, like 2026-03-14T09:30:00+01:00",
  }),
  "frontmatter/updated-before-date": rule<{ updated: string; date: string }>({
    severity: "error",
    summary: "updates dated before publication",
    message: ({ updated, date }) => `updated (${updated}) is earlier than date (${date})`,
    hint: () => "updated is when the article last changed: it cannot be before it was published",
  }),
  "frontmatter/correction-before-date": rule<{ correction: string; date: string }>({
    severity: "error",
    summary: "corrections dated before publication",
    message: ({ correction, date }) => `a correction dated ${correction} is earlier than the article's date (${date})`,
    hint: () => "check the correction's date",
  }),

  // Site settings
  "site/missing": rule({
    severity: "error",
    summary: "missing site settings",
    message: () => "site settings file not found",
    hint: () => "create content/site.yaml: the README's Site settings lists its keys",
  }),
  "site/unknown-time-zone": rule<{ value: string; suggestion?: string }>({
    severity: "error",
    summary: "unknown time zones",
    message: ({ value }) => `unknown time zone "${value}"`,
    hint: ({ suggestion }) => suggestion ?? "use an IANA time zone name like Europe/London or America/New_York",
  }),
  "site/unknown-navigation-tag": rule<{ label: string; tag: string; suggestion?: string }>({
    severity: "error",
    summary: "navigation entries for unused tags",
    message: ({ label, tag }) => `navigation entry "${label}" links to tag "${tag}", which no published article carries`,
    hint: ({ suggestion }) => suggestion ?? "tag an article with it, or remove the entry",
  }),

  // Articles and their references
  "article/unknown-author": rule<{ id: string; suggestion?: string; known: readonly string[] }>({
    severity: "error",
    summary: "unknown authors",
    message: ({ id }) => `unknown author "${id}"`,
    hint: ({ id, suggestion, known }) => suggestion ?? (known.length > 0 ? `add content/authors/${id}.md or use one of: ${orList(known)}` : `add content/authors/${id}.md`),
  }),
  "article/unknown-related": rule<{ id: string; suggestion?: string }>({
    severity: "error",
    summary: "unknown related articles",
    message: ({ id }) => `unknown related article "${id}"`,
    hint: ({ suggestion }) => suggestion ?? "related articles are named by their file name, without .md",
  }),
  "article/related-not-published": rule<{ id: string; isDraft: boolean; publishAt?: string }>({
    severity: "error",
    summary: "related articles not yet published",
    message: ({ id, isDraft, publishAt }) => `related article "${id}" is ${isDraft ? "a draft" : `scheduled for ${publishAt}`}`,
    hint: () => "link it once it is published",
  }),
  "article/duplicate-slug": rule<{ slug: string; other: string }>({
    severity: "error",
    summary: "URLs used twice",
    message: ({ slug, other }) => `slug "${slug}" is already used by ${other}`,
    hint: () => "set a different slug: in one of them",
  }),
  "article/invalid-tag": rule<{ tag: string }>({
    severity: "error",
    summary: "tags without letters or digits",
    message: ({ tag }) => `tag "${tag}" has no letters or digits to make a page address from`,
    hint: () => "write the tag as words or as a slug, like city-hall",
  }),
  "article/tag-spellings": rule<{ slug: string; spellings: readonly string[] }>({
    severity: "warning",
    summary: "tags written in more than one way",
    message: ({ slug, spellings }) => `the tags ${quoted(spellings)} are one tag (${slug})`,
    hint: ({ slug }) => `use one spelling everywhere, or set its label in site.yaml: tagLabels: { ${slug}: "…" }`,
  }),
  "article/long-headline": rule<{ length: number; limit: number }>({
    severity: "warning",
    summary: "headlines longer than search engines show",
    message: ({ length }) => `headline is ${length} characters long`,
    hint: ({ limit }) => `search engines cut headlines after about ${limit}; put the rest in the dek`,
  }),
  "article/long-body": rule<{ words: number; minutes: number }>({
    severity: "warning",
    summary: "very long bodies",
    message: ({ words, minutes }) => `the body is ${words.toLocaleString("en")} words long (${minutes} min read)`,
    hint: () => "check that nothing was pasted twice; split a series into parts",
  }),
  "article/no-hero": rule({
    severity: "warning",
    summary: "articles without a hero, shown as text-only",
    message: () => "no hero image: the article is shown as text-only and shares the site's card",
    hint: () => "add hero: with src and alt to show a photograph",
  }),
  "article/incomplete-draft": rule({
    severity: "warning",
    summary: "drafts not shown in previews yet",
    message: () => "draft has no dek yet, so previews do not show it",
    hint: () => "add dek: with the one-sentence standfirst to see it in previews",
  }),
  "article/hero-not-found": imageRule("heroes not found"),
  "article/hero-not-an-image": imageRule("heroes that are not images"),
  "article/hero-too-large": imageRule("heroes above the pixel limit"),
  "article/hero-damaged": rule<{ written: string; reason: string }>({
    severity: "error",
    summary: "damaged heroes",
    message: ({ written, reason }) => `"${written}" is damaged or not a complete image (${reason})`,
    hint: () => "export it again from the original photo and replace the file",
  }),
  "author/photo-not-found": imageRule("author photos not found"),
  "author/photo-not-an-image": imageRule("author photos that are not images"),
  "author/photo-too-large": imageRule("author photos above the pixel limit"),
  "author/photo-damaged": rule<{ written: string; reason: string }>({
    severity: "error",
    summary: "damaged author photos",
    message: ({ written, reason }) => `"${written}" is damaged or not a complete image (${reason})`,
    hint: () => "export it again from the original photo and replace the file",
  }),
  "article/audio-not-found": rule<{ written: string; reason: string }>({
    severity: "error",
    summary: "audio files not found",
    message: ({ reason }) => reason,
    hint: () => "put audio in content/audio/",
  }),
  "article/audio-format": rule<{ written: string }>({
    severity: "error",
    summary: "audio files in formats browsers do not play",
    message: ({ written }) => `"${written}" is not an audio format browsers play`,
    hint: () => "use an .mp3, .m4a or .ogg file",
  }),

  // Standalone pages
  "page/reserved-id": rule<{ id: string }>({
    severity: "error",
    summary: "pages at addresses the site uses",
    message: ({ id }) => `a page named "${id}" would be published at /${id}/, an address the site itself uses`,
    hint: () => "rename the file, to about-us.md or our-newsletters.md for example",
  }),
  "page/unknown-page": rule<{ key: string; id: string; suggestion?: string }>({
    severity: "error",
    summary: "links to standalone pages that do not exist",
    message: ({ key, id }) => `${key} links to page "${id}", and there is no content/pages/${id}.md`,
    hint: ({ suggestion }) => suggestion ?? "create the page, or remove the link",
  }),

  // Old addresses
  "alias/collides": rule<{ alias: string }>({
    severity: "error",
    summary: "old addresses that are pages of the site",
    message: ({ alias }) => `the alias ${alias} is the address of a page the site publishes, so it cannot redirect`,
    hint: () => "remove the alias, or rename the page that has that address",
  }),
  "alias/duplicate": rule<{ alias: string; other: string }>({
    severity: "error",
    summary: "old addresses claimed twice",
    message: ({ alias, other }) => `the alias ${alias} is also claimed by ${other}`,
    hint: () => "an old address can redirect to one page only: keep it in one file",
  }),

  // Body
  "related-card/unknown-id": rule<{ id: string; suggestion?: string }>({
    severity: "error",
    summary: "related cards for unknown articles",
    message: ({ id }) => `unknown article "${id}" in ::related`,
    hint: ({ suggestion }) => suggestion ?? "name the article by its file name, without .md",
  }),
  "related-card/missing-id": rule({
    severity: "error",
    summary: "related cards without an id",
    message: () => "::related needs an article id, like ::related{id=harbour-ferry-strike}",
  }),
  "related-card/not-published": rule<{ id: string; isDraft: boolean; publishAt?: string }>({
    severity: "error",
    summary: "related cards for articles not yet published",
    message: ({ id, isDraft, publishAt }) => `::related article "${id}" is ${isDraft ? "a draft" : `scheduled for ${publishAt}`}`,
    hint: () => "place the card once it is published",
  }),
  "directives/unknown-directive": rule<{ written: string; suggestion?: string; known: readonly string[] }>({
    severity: "error",
    summary: "unknown directives",
    message: ({ written }) => `unknown directive ${written}`,
    hint: ({ suggestion, known }) => suggestion ?? `the directives are ${known.map((name) => `::${name}`).join(", ")}`,
  }),
  "links/dangerous-url": rule<{ url: string; scheme: string }>({
    severity: "error",
    summary: "links and images with script URLs",
    message: ({ url, scheme }) => `"${shorten(url)}" is never published: ${DANGER[scheme] ?? "it is not a web address"}`,
    hint: ({ scheme }) => (scheme === "file" ? "put the file in content/images/, content/audio/ or content/video/ and link to it there" : "link to an https:// address"),
  }),
  "links/unsupported-scheme": rule<{ url: string; scheme: string }>({
    severity: "warning",
    summary: "links of other kinds, kept as text",
    message: ({ url, scheme }) => `the ${scheme}: link "${url}" is not published (its text is kept)`,
    hint: () => "links may be https://, http://, mailto: or tel: addresses",
  }),
  "links/broken": rule<{ url: string; suggestion?: string }>({
    severity: "error",
    summary: "links to pages the site does not have",
    message: ({ url }) => `link to ${url}, a page this site does not publish`,
    hint: ({ suggestion }) => suggestion ?? "check the address, or publish the page it points to",
  }),
  "images/missing-alt": rule<{ where: "markdown" | "html" | "hero" }>({
    severity: "error",
    summary: "images without alt text",
    message: () => "image has no alt text",
    hint: ({ where }) =>
      where === "hero"
        ? "add alt: under hero:, describing the photo for readers who cannot see it"
        : where === "html"
          ? 'describe the picture in alt="…" for readers who cannot see it'
          : "describe the picture inside the brackets: ![A ferry leaving the harbour](../images/ferry.jpg)",
  }),
  "images/image-not-found": rule<{ reason: string; hint: string }>({
    severity: "error",
    summary: "images not found",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  "images/not-an-image": rule<{ reason: string; hint: string }>({
    severity: "error",
    summary: "files that are not images",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  "images/too-large": rule<{ reason: string; hint: string }>({
    severity: "error",
    summary: "images above the pixel limit",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  "images/damaged": rule<{ written: string; reason: string }>({
    severity: "error",
    summary: "damaged images",
    message: ({ written, reason }) => `"${written}" is damaged or not a complete image (${reason})`,
    hint: () => "export it again from the original photo and replace the file",
  }),
  "images/hero-too-small": imageRule("heroes too small to publish"),
  "images/hero-low-resolution": rule<{ reason: string; hint: string }>({
    severity: "warning",
    summary: "heroes narrower than the page shows them",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  "images/svg-sanitized": rule<{ reason: string; hint: string }>({
    severity: "warning",
    summary: "SVG images published without parts they may not contain",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
  "images/remote": rule<{ url: string; host: string }>({
    severity: "error",
    summary: "images from other sites",
    message: ({ url }) => `the image ${url} is on another site`,
    hint: ({ host }) => `save it in content/images/ and link it from there; if ${host} is trusted, add it to trustedHosts.images in site.yaml`,
  }),
  "images/remote-needs-size": rule<{ url: string }>({
    severity: "error",
    summary: "images from trusted sites without a size",
    message: ({ url }) => `the image ${url} has no width and height, so the page would jump as it loads`,
    hint: () => 'write it as <img src="…" alt="…" width="800" height="600"> with its real size',
  }),
  "images/inline-data": rule({
    severity: "warning",
    summary: "images embedded as data: URLs, not published",
    message: () => "an image embedded as a data: URL is not published",
    hint: () => "save the picture as a file in content/images/ and link it",
  }),
  "images/no-src": rule({
    severity: "warning",
    summary: "images without a source, not published",
    message: () => "an <img> without a usable src is not published",
    hint: () => "give it the path of a file in content/images/",
  }),

  // Raw HTML in bodies: what the sanitiser removes is never removed without a word.
  "html/removed-script": rule<{ what: string; count: number }>({
    severity: "warning",
    summary: "scripts removed from bodies",
    message: ({ what, count }) => `removed ${what}${times(count)}: scripts never run on the site`,
  }),
  "html/removed-style": rule<{ what: string; count: number }>({
    severity: "warning",
    summary: "styles removed from bodies",
    message: ({ what, count }) => `removed ${what}${times(count)}: pages use the site's own styles`,
  }),
  "html/removed-element": rule<{ what: string; count: number; reason: string }>({
    severity: "warning",
    summary: "HTML elements removed from bodies",
    message: ({ what, count, reason }) => `removed ${what}${times(count)}: ${reason}`,
  }),
  "html/removed-attribute": rule<{ what: string; count: number; reason: string }>({
    severity: "warning",
    summary: "HTML attributes removed from bodies",
    message: ({ what, count, reason }) => `removed ${what}${times(count)}: ${reason}`,
  }),
  "html/iframe-not-trusted": rule<{ host: string }>({
    severity: "warning",
    summary: "embeds from untrusted sites, shown as links",
    message: ({ host }) => `an <iframe> from ${host} is shown as a link, not embedded`,
    hint: ({ host }) => `if ${host} is trusted, add it to trustedHosts.iframes in site.yaml`,
  }),
  "html/iframe-untitled": rule<{ title: string }>({
    severity: "warning",
    summary: "embeds without a title",
    message: ({ title }) => `an <iframe> has no title; screen readers will announce "${title}"`,
    hint: () => 'add title="What the embed shows"',
  }),
  "html/media-not-local": rule<{ url: string }>({
    severity: "warning",
    summary: "audio and video from other sites, not published",
    message: ({ url }) => `the media source ${url} is on another site and is not published`,
    hint: () => "save the file in content/audio/ or content/video/ and link it from there",
  }),
  "html/media-not-found": rule<{ reason: string; hint: string }>({
    severity: "error",
    summary: "audio and video files not found",
    message: ({ reason }) => reason,
    hint: ({ hint }) => hint,
  }),
} as const;

const DANGER: Record<string, string> = {
  javascript: "a javascript: link runs code in the reader's browser",
  vbscript: "a vbscript: link runs code in the reader's browser",
  data: "a data: link hides a whole document inside its address",
  file: "a file: link points at a file on the author's own computer",
};

/** A URL as a message shows it: at most 60 characters, control characters visible ("jav\tascript:"). */
function shorten(url: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = url.replace(/[\u0000-\u001f\u007f]/g, (char) => (char === "\t" ? "\\t" : char === "\n" ? "\\n" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

function times(count: number): string {
  return count > 1 ? ` (${count} times)` : "";
}

export type RuleId = keyof typeof RULES;
export type ParamsOf<R extends RuleId> = (typeof RULES)[R] extends Rule<infer P> ? P : never;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A diagnostic of `ruleId` at `place`, worded by the catalogue. */
export function diagnose<R extends RuleId>(ruleId: R, place: Place, params: ParamsOf<R>, severity?: Severity): Diagnostic {
  const definition = RULES[ruleId] as Rule<ParamsOf<R>>;
  const hint = definition.hint?.(params);
  return {
    ...place,
    severity: severity ?? definition.severity,
    message: definition.message(params),
    ...(hint ? { hint } : {}),
    ruleId,
  };
}
