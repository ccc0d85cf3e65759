import { embedFor, escapeAttribute, escapeText, iframeHtml } from "../../convert/embeds.ts";
import { parseTagArguments, type TagArguments } from "../../convert/tag-arguments.ts";
import { applyEdits, lineAt, type MappedText, type TextEdit } from "../../convert/text-edits.ts";
import type { Attachment } from "../../model.ts";

/** What the shortcode step needs from the rest of the export. */
export interface ShortcodeContext {
  /** The post's own id, for galleries without ids (its attached images). */
  postId: string;
  attachments: ReadonlyMap<string, Attachment>;
  /** Reports a shortcode that is left as text, at its line in the content. */
  onUnknown: (name: string, line: number) => void;
}

/** The shortcodes WordPress core and Jetpack register, as HTML the converter keeps. */
const KNOWN = new Set(["caption", "wp_caption", "gallery", "embed", "video", "audio", "youtube", "vimeo", "playlist"]);

/** `[name attributes]`, `[name attributes]content[/name]`, or `[[name]]` (written to show the shortcode itself). */
const SHORTCODE = /\[(\[?)([a-zA-Z][\w-]*)((?:\s+[^\]]*?)?|=[^\]]*?)(\/?)\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;

/**
 * WordPress shortcodes as HTML: [caption] a figure, [gallery] its images in
 * order, [embed] and video URLs an iframe (or a link), [video] and [audio]
 * players. Text in brackets that is no known shortcode stays as it is; one
 * that looks like a shortcode (attributes, or a closing tag) is reported.
 */
export function expandShortcodes(content: string, context: ShortcodeContext): MappedText {
  const edits: TextEdit[] = [];
  for (const match of content.matchAll(SHORTCODE)) {
    const [whole, open, rawName, attributeText, , inner, close] = match;
    const name = rawName!.toLowerCase();
    const start = match.index!;
    if (open === "[" && close === "]") {
      edits.push({ start, end: start + whole.length, replacement: whole.slice(1, -1) });
      continue;
    }
    const isShortcodeLike = KNOWN.has(name) || inner !== undefined || /=/.test(attributeText ?? "");
    if (!KNOWN.has(name)) {
      if (isShortcodeLike) context.onUnknown(name, lineAt(content, start));
      continue;
    }
    const args = parseTagArguments((attributeText ?? "").replace(/^=/, "url="));
    edits.push({ start, end: start + whole.length, replacement: shortcodeHtml(name, args, inner ?? "", context) });
  }
  return applyEdits(content, edits);
}

function shortcodeHtml(name: string, args: TagArguments, inner: string, context: ShortcodeContext): string {
  switch (name) {
    case "caption":
    case "wp_caption":
      return captionHtml(args, inner);
    case "gallery":
      return galleryHtml(args, context);
    case "video":
    case "audio":
    case "playlist":
      return mediaHtml(name, args);
    default:
      return embedHtml(inner.trim() || args.named.get("url") || args.positional[0] || "");
  }
}

/** [caption]<img …> The caption[/caption]: the image (or its link) first, the rest is the caption. */
function captionHtml(args: TagArguments, inner: string): string {
  const image = /^\s*(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
  const picture = image ? image[0].trim() : "";
  const caption = (image ? inner.slice(image[0].length) : inner).trim() || args.named.get("caption") || "";
  return `<figure>${picture}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

/** [gallery ids="1,2"]: the images in order; without ids, the images attached to the post. */
function galleryHtml(args: TagArguments, context: ShortcodeContext): string {
  const ids = args.named.get("ids") ?? args.named.get("include");
  const attachments = ids
    ? ids.split(",").map((id) => context.attachments.get(id.trim())).filter((item): item is Attachment => item !== undefined)
    : [...context.attachments.values()].filter((item) => item.parentId === context.postId).sort((a, b) => Number(a.id) - Number(b.id));
  return attachments.map((item) => {
    const img = `<img src="${escapeAttribute(item.url)}"${item.alt ? ` alt="${escapeAttribute(item.alt)}"` : ""}>`;
    return item.caption ? `<figure>${img}<figcaption>${escapeText(item.caption)}</figcaption></figure>` : `<p>${img}</p>`;
  }).join("\n");
}

function mediaHtml(name: string, args: TagArguments): string {
  const keys = name === "audio" ? ["src", "mp3", "m4a", "ogg", "wav"] : ["src", "mp4", "m4v", "webm", "ogv", "mov"];
  const src = keys.map((key) => args.named.get(key)).find(Boolean) ?? args.positional[0];
  if (!src) return "";
  const embed = embedFor(src);
  if (embed.kind === "iframe") return iframeHtml(embed);
  const tag = name === "audio" ? "audio" : "video";
  return `<${tag} controls src="${escapeAttribute(src)}"></${tag}>`;
}

function embedHtml(url: string): string {
  return url ? `<iframe src="${escapeAttribute(url)}"></iframe>` : "";
}

/**
 * WordPress embeds a video URL written alone on its line (oEmbed): such a
 * line becomes the player, before paragraphs are added.
 */
export function expandBareEmbeds(content: string): string {
  return content.replace(/^[ \t]*(https?:\/\/[^\s<]+)[ \t]*$/gm, (line, url: string) => {
    const embed = embedFor(url);
    return embed.kind === "iframe" ? iframeHtml(embed) : line;
  });
}
