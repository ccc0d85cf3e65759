/**
 * The Markdown syntax beyond CommonMark (GFM and directives), switched on
 * per body. micromark tries an extension's constructs at every character
 * that may start one: GFM's email autolinks at every letter, tables at
 * every line. A typical 6 KB article (links, no table, footnote or email)
 * parsed in 9.2 ms with all of them, in 5.2 ms with only what it can use.
 * Each syntax below names text without which it cannot occur; a body
 * without that text is parsed without it, and so renders the same.
 */
import type { Nodes, Root } from "mdast";
import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { directiveFromMarkdown } from "mdast-util-directive";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { directive } from "micromark-extension-directive";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Construct, Extension } from "micromark-util-types";
import type { Processor } from "unified";

interface SyntaxExtension {
  name: string;
  /**
   * The form this body needs: undefined when the body cannot contain the
   * syntax; otherwise a name for the form (most have one form, "on").
   */
  formFor(body: string): string | undefined;
  /** The form that parses everything this syntax covers. */
  fullForm: string;
  micromark(form: string): Extension;
  fromMarkdown(): FromMarkdownExtension | FromMarkdownExtension[];
}

/**
 * A directive's name starts right after its last colon with anything but
 * whitespace or punctuation (micromark-extension-directive's factory-name):
 * `:name`, `::name`, `:::name`, but also the `:30` of "10:30".
 */
export const DIRECTIVE_START = /:[^\s\p{P}\p{S}]/u;

/** GFM autolink literals without the email ones: those are tried at every letter, and need an `@`. */
function withoutEmailAutolinks(extension: Extension): Extension {
  const text: Record<number, Construct[]> = {};
  for (const [code, constructs] of Object.entries(extension.text ?? {})) {
    const kept = [constructs ?? []].flat().filter((construct) => construct.name !== "emailAutolink");
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { text };
}

/**
 * gfmAutolinkLiteralFromMarkdown, with its transform run only where it can
 * find something. The transform searches every text node four times (URLs,
 * xmpp:, mailto:, emails: a tenth of parsing an article with links) for
 * literals the tokenizer left as text, and each needs "www.", "http://" or
 * "https://" (in any case) or an "@" inside one text node.
 */
function autolinkLiteralFromMarkdown(): FromMarkdownExtension {
  const extension = gfmAutolinkLiteralFromMarkdown();
  const transforms = (extension.transforms ?? []).map((transform) => (tree: Root) => (hasLiteralCandidate(tree) ? transform(tree) : undefined));
  return { ...extension, transforms };
}

const LITERAL_CANDIDATE = /www\.|https?:\/\/|@/i;

/**
 * Whether a tree parsed without autolink literals has text where one could
 * start (or an image's alt text, which is parsed as text too). Without the
 * extension those characters are plain data, so they end up in text; when
 * none has them, the extension would have matched nothing, and the tree is
 * what parsing with it gives.
 */
export function hasLiteralCandidate(node: Nodes): boolean {
  if (node.type === "text") return LITERAL_CANDIDATE.test(node.value);
  if (node.type === "image" || node.type === "imageReference") return LITERAL_CANDIDATE.test(node.alt ?? "");
  return "children" in node && node.children.some(hasLiteralCandidate);
}

/**
 * `key` without autolink literals. Their constructs are tried at every "h"
 * and "w" of a body's text (a tenth of parsing an article here), yet most
 * bodies need them only for the URLs of their links' destinations, which are
 * not text: such a body is parsed with this key first, and again with
 * `key` only if `hasLiteralCandidate` finds where a literal could be.
 */
export function withoutAutolinkLiterals(key: string): string {
  return key.split(" ").filter((part) => !part.startsWith("autolink-literal:")).join(" ");
}

const on = (present: boolean) => (present ? "on" : undefined);
const ON = { fullForm: "on" };

/** In the order remark-gfm and remark-directive add them, so that the output matches theirs byte for byte. */
const SYNTAX_EXTENSIONS: readonly SyntaxExtension[] = [
  {
    name: "autolink-literal",
    // Emails (also mailto: and xmpp:) need an @; www. and http(s):// links are matched case-insensitively.
    formFor: (body) => (body.includes("@") ? "with-email" : /www\.|https?:\/\//i.test(body) ? "without-email" : undefined),
    fullForm: "with-email",
    micromark: (form) => (form === "with-email" ? gfmAutolinkLiteral() : withoutEmailAutolinks(gfmAutolinkLiteral())),
    fromMarkdown: autolinkLiteralFromMarkdown,
  },
  { name: "footnote", ...ON, formFor: (body) => on(body.includes("[^")), micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
  { name: "strikethrough", ...ON, formFor: (body) => on(body.includes("~")), micromark: () => gfmStrikethrough(), fromMarkdown: gfmStrikethroughFromMarkdown },
  // A table's delimiter row has a "|", or is one cell with a colon beside its dashes (`:-`, `-:`; "a\n:-" is a table).
  { name: "table", ...ON, formFor: (body) => on(body.includes("|") || body.includes(":-") || body.includes("-:")), micromark: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  // `[ ]`, `[x]` or `[X]` opening a list item; the space may be any whitespace.
  { name: "task-list-item", ...ON, formFor: (body) => on(/\[[\sxX]\]/.test(body)), micromark: gfmTaskListItem, fromMarkdown: gfmTaskListItemFromMarkdown },
  { name: "directive", ...ON, formFor: (body) => on(DIRECTIVE_START.test(body)), micromark: directive, fromMarkdown: directiveFromMarkdown },
];

/** The syntax a body may use, as a key: bodies with the same key share a processor. */
export function syntaxKeyOf(body: string): string {
  return SYNTAX_EXTENSIONS.map((syntax) => {
    const form = syntax.formFor(body);
    return form === undefined ? "" : `${syntax.name}:${form}`;
  })
    .filter(Boolean)
    .join(" ");
}

/** Every syntax in full, whatever the body: what remark-gfm and remark-directive parse. */
export const ALL_SYNTAX_KEY = SYNTAX_EXTENSIONS.map((syntax) => `${syntax.name}:${syntax.fullForm}`).join(" ");

/** A unified plugin adding the syntax named by `key` (from `syntaxKeyOf`) to the parser. */
export function remarkSyntaxExtensions(this: Processor, key: string): void {
  const forms = new Map(key.split(" ").filter(Boolean).map((part) => part.split(":") as [string, string]));
  const data = this.data();
  const micromarkExtensions = (data.micromarkExtensions ??= []);
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= []);
  for (const syntax of SYNTAX_EXTENSIONS) {
    const form = forms.get(syntax.name);
    if (form === undefined) continue;
    micromarkExtensions.push(syntax.micromark(form));
    fromMarkdownExtensions.push(syntax.fromMarkdown());
  }
}
