import { embedFor, escapeAttribute, escapeText, iframeHtml } from "./embeds.ts";
import { parseTagArguments, type TagArguments } from "./tag-arguments.ts";
import { applyEdits, lineAt, type MappedText, type TextEdit } from "./text-edits.ts";

export interface HugoContext {
  /** The old path of a page named by {{< ref >}} ("posts/x.md", "x"). */
  pagePath: (reference: string) => string | undefined;
  onUnknown: (shortcode: string, line: number) => void;
}

/** `{{< name args >}}` or `{{% name args %}}`, with an optional body up to `{{< /name >}}`; one commented out (slash-star inside the braces) is written to show it. */
const SHORTCODE = /\{\{([<%])\s*(\/\*)?\s*([\w/-]+)([\s\S]*?)(\*\/)?\s*[>%]\}\}/g;

/**
 * Hugo's shortcodes in a Markdown body: figure as a figure, youtube and
 * vimeo as players, ref and relref as the page's old address (which the
 * import points at its new page), highlight as a fenced code block; a
 * commented-out one as the shortcode's own text. Any other
 * stays as text, reported.
 */
export function expandHugoShortcodes(text: string, context: HugoContext): MappedText {
  const edits: TextEdit[] = [];
  SHORTCODE.lastIndex = 0;
  for (let match = SHORTCODE.exec(text); match; match = SHORTCODE.exec(text)) {
    const [whole, delimiter, comment, rawName, rawArguments] = match;
    const start = match.index;
    if (comment) {
      const close = delimiter === "<" ? ">" : "%";
      edits.push({ start, end: start + whole.length, replacement: `{{${delimiter} ${rawName}${rawArguments!.trimEnd()} ${close}}}` });
      continue;
    }
    const name = rawName!.toLowerCase();
    const args = parseTagArguments(rawArguments!);
    if (name === "highlight") {
      const closing = new RegExp(`\\{\\{[<%]\\s*/highlight\\s*[>%]\\}\\}`, "g");
      closing.lastIndex = start + whole.length;
      const end = closing.exec(text);
      if (end) {
        const code = text.slice(start + whole.length, end.index).replace(/^\n+|\s+$/g, "");
        edits.push({ start, end: end.index + end[0].length, replacement: `\`\`\`${args.positional[0] ?? ""}\n${code}\n\`\`\`` });
        SHORTCODE.lastIndex = end.index + end[0].length;
        continue;
      }
    }
    const replacement = shortcodeReplacement(name, args, context);
    if (replacement === undefined) context.onUnknown(whole.replace(/\s+/g, " ").slice(0, 80), lineAt(text, start));
    else edits.push({ start, end: start + whole.length, replacement });
  }
  return applyEdits(text, edits);
}

function shortcodeReplacement(name: string, args: TagArguments, context: HugoContext): string | undefined {
  const first = args.named.get("id") ?? args.positional[0] ?? "";
  switch (name) {
    case "figure":
      return figureHtml(args);
    case "youtube":
    case "vimeo": {
      const embed = embedFor(name === "youtube" ? `https://www.youtube.com/watch?v=${first}` : `https://vimeo.com/${first}`, args.named.get("title"));
      return embed.kind === "iframe" ? iframeHtml(embed) : undefined;
    }
    case "ref":
    case "relref":
      return context.pagePath(first);
    default:
      return undefined;
  }
}

/** {{< figure src alt caption title attr link >}}: attr (the attribution) joins the caption, as Hugo shows it. */
function figureHtml(args: TagArguments): string | undefined {
  const src = args.named.get("src") ?? args.positional[0];
  if (!src) return undefined;
  const alt = args.named.get("alt");
  const img = `<img src="${escapeAttribute(src)}"${alt ? ` alt="${escapeAttribute(alt)}"` : ""}>`;
  const link = args.named.get("link");
  const caption = [args.named.get("title"), args.named.get("caption"), args.named.get("attr")].filter(Boolean).join(" ");
  return `<figure>${link ? `<a href="${escapeAttribute(link)}">${img}</a>` : img}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ""}</figure>`;
}
