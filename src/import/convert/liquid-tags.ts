import { embedFor, escapeAttribute, escapeText, iframeHtml } from "./embeds.ts";
import { parseTagArguments, type TagArguments } from "./tag-arguments.ts";
import { applyEdits, lineAt, type MappedText, type TextEdit } from "./text-edits.ts";

/** What expanding a post's Liquid or Nunjucks needs from the rest of the site. */
export interface LiquidContext {
  /** The old site's address ("https://18f.gsa.gov"), for {{ site.url }} and absolute_url. */
  siteUrl?: string;
  /** The old path of a post named by file (post_url: "2010-07-21-name"; link: "_posts/2010-07-21-name.md"). */
  postPath: (reference: string) => string | undefined;
  /** Reports a tag left as text, at its line in the body. */
  onUnknown: (tag: string, line: number) => void;
  /** The post's own front matter: `{{ page.image }}` (Jekyll also writes `post.` in a post's body) is its value. */
  pageData?: Record<string, unknown>;
  /** Eleventy puts front matter at the top level of a template's data: `{{ image }}` is `page.image`. */
  bareNamesArePageData?: boolean;
}

/** Image shortcodes and where their alt text is: `{% image "src" "alt" %}`, `{% image_with_class "src" "class" "alt" %}`. */
const IMAGE_TAGS: Record<string, number> = { image: 1, img: 1, picture: 1, image_with_class: 2, imagewithclass: 2 };

const TAG = /\{%-?\s*([\w-]+)([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;

/** URL filters that leave a root-relative path as it is (the new site has no path prefix). */
const PATH_FILTERS = new Set(["url", "relative_url", "absolute_url", "uri_escape", "escape", "strip"]);

/**
 * Jekyll's and Eleventy's template tags in a Markdown body, as Markdown or
 * HTML the converter keeps: image shortcodes and figure-like includes as
 * images and figures, URL filters as the path, {% post_url %} and
 * {% link %} as the post's old address (which the import then points at
 * its new page), {% raw %} as its content, {% highlight %} as a fenced
 * code block, {% comment %} as nothing. Any other tag stays as text, reported.
 */
export function expandLiquid(text: string, context: LiquidContext): MappedText {
  const edits: TextEdit[] = [];
  const unknown = (start: number, whole: string) => context.onUnknown(whole.replace(/\s+/g, " ").slice(0, 80), lineAt(text, start));
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
    const start = match.index;
    const whole = match[0];
    if (match[3] !== undefined) {
      const value = outputValue(match[3], context);
      if (value === undefined) unknown(start, whole);
      else edits.push({ start, end: start + whole.length, replacement: value });
      continue;
    }
    const name = match[1]!.toLowerCase();
    const block = BLOCKS[name];
    if (block) {
      const closing = new RegExp(`\\{%-?\\s*${block.end}\\s*-?%\\}`, "g");
      closing.lastIndex = start + whole.length;
      const end = closing.exec(text);
      if (end) {
        edits.push({ start, end: end.index + end[0].length, replacement: block.replace(text.slice(start + whole.length, end.index), match[2]!.trim()) });
        TAG.lastIndex = end.index + end[0].length;
        continue;
      }
    }
    const replacement = tagReplacement(name, parseTagArguments(match[2]!), match[2]!, context);
    if (replacement === undefined) unknown(start, whole);
    else edits.push({ start, end: start + whole.length, replacement });
  }
  return applyEdits(text, edits);
}

/** Tags with a body up to their end tag. */
const BLOCKS: Record<string, { end: string; replace: (inner: string, args: string) => string }> = {
  raw: { end: "endraw", replace: (inner) => inner },
  comment: { end: "endcomment", replace: () => "" },
  highlight: { end: "endhighlight", replace: (inner, args) => `\n\`\`\`${args.split(/\s+/)[0] ?? ""}\n${inner.replace(/^\n+|\s+$/g, "")}\n\`\`\`\n` },
};

function tagReplacement(name: string, args: TagArguments, rawArguments: string, context: LiquidContext): string | undefined {
  if (name in IMAGE_TAGS) return imageHtml(args.named.get("src") ?? args.positional[0], args.named.get("alt") ?? args.positional[IMAGE_TAGS[name]!]);
  if (name === "include" || name === "render" || name === "include_relative") return includeHtml(args);
  if (name === "post_url") return context.postPath(rawArguments.trim());
  if (name === "link") return context.postPath(rawArguments.trim()) ?? undefined;
  if (name === "youtube" || name === "vimeo") {
    const value = args.positional[0] ?? "";
    const embed = embedFor(/^https?:/.test(value) ? value : name === "youtube" ? `https://www.youtube.com/watch?v=${value}` : `https://vimeo.com/${value}`);
    return embed.kind === "iframe" ? iframeHtml(embed) : undefined;
  }
  if (name === "endraw") return "";
  return undefined;
}

/** `page.image`/`post.image`, or a bare `image` where the generator puts front matter at the top level (Eleventy): the post's own string value. */
function frontMatterValue(name: string, context: LiquidContext): string | undefined {
  const key = /^(?:page|post)\.(\w+)$/.exec(name)?.[1] ?? (context.bareNamesArePageData && /^\w+$/.test(name) ? name : undefined);
  const value = key === undefined ? undefined : context.pageData?.[key];
  return typeof value === "string" ? value : undefined;
}

/** `{{ "/path" | url }}`, `{{ site.baseurl }}`, `{{ site.url }}`: the text they stand for, or undefined. */
function outputValue(expression: string, context: LiquidContext): string | undefined {
  const [head, ...filters] = expression.split("|").map((part) => part.trim());
  let value: string | undefined;
  const literal = /^(["'])(.*)\1$/s.exec(head ?? "");
  if (literal) value = literal[2]!;
  else if (head === "site.baseurl" || head === "site.base_url") value = "";
  else if (head === "site.url" && context.siteUrl) value = context.siteUrl;
  else value = frontMatterValue(head ?? "", context);
  if (value === undefined) return undefined;
  for (const [index, filter] of filters.entries()) {
    const [filterName, argument] = splitFilter(filter);
    if (EMBED_FILTERS.has(filterName) && index === filters.length - 1) return embedValue(value, argument);
    if (filterName === "absolute_url" && context.siteUrl && value.startsWith("/")) value = context.siteUrl + value;
    else if (filterName === "prepend" && /^site\.base_?url$/.test(argument ?? "")) continue;
    else if (!PATH_FILTERS.has(filterName)) return undefined;
  }
  return value;
}

/** Filters that embed a player from a URL (`{{ "https://youtube…" | embed: "Title" }}`). */
const EMBED_FILTERS = new Set(["embed", "youtube", "video", "oembed"]);

function splitFilter(filter: string): [string, string | undefined] {
  const colon = filter.indexOf(":");
  return colon === -1 ? [filter.trim(), undefined] : [filter.slice(0, colon).trim(), filter.slice(colon + 1).trim()];
}

function embedValue(url: string, argument: string | undefined): string | undefined {
  const title = argument ? /^(["'])(.*)\1$/s.exec(argument)?.[2] : undefined;
  const embed = embedFor(url, title);
  return embed.kind === "iframe" ? `\n${iframeHtml(embed)}\n` : undefined;
}

function imageHtml(src: string | undefined, alt: string | undefined): string | undefined {
  if (!src) return undefined;
  const path = /^(https?:)?\/\//.test(src) || src.startsWith("/") ? src : `/${src}`;
  return `<img src="${escapeAttribute(path)}"${alt ? ` alt="${escapeAttribute(alt)}"` : ""}>`;
}

/** An include given an image (and maybe alt, caption, link) is a figure; any other include is unknown. */
function includeHtml(args: TagArguments): string | undefined {
  const src = args.named.get("image") ?? args.named.get("src") ?? args.named.get("img") ?? args.named.get("path");
  if (!src) return undefined;
  const img = imageHtml(src, args.named.get("alt"));
  const href = args.named.get("url") ?? args.named.get("link") ?? args.named.get("href");
  const picture = href ? `<a href="${escapeAttribute(href)}">${img}</a>` : img;
  const caption = args.named.get("caption") ?? args.named.get("title");
  return `<figure>${picture}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ""}</figure>`;
}
