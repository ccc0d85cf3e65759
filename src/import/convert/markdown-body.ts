import type { Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import { raw } from "hast-util-raw";
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from "mdast";
import { phrasing } from "mdast-util-phrasing";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import type { BodyContext } from "./body-context.ts";
import { htmlToMdast } from "./html-to-mdast.ts";
import { liftHtmlParagraphs, rewriteMarkdownReferences } from "./finish-mdast.ts";
import { convertedBody, type ConvertedBody } from "./mdast-to-markdown.ts";
import { prepareHtml } from "./prepare-html.ts";

/**
 * A Markdown body (after its template tags) as the site's Markdown: the
 * Markdown stays Markdown; raw HTML in it is converted like a WordPress
 * body's, block by block, and a paragraph with inline HTML as a whole.
 */
export function markdownBodyToMarkdown(markdown: string, context: BodyContext): ConvertedBody {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  rewriteMarkdownReferences(tree, context);
  convertHtml(tree, context);
  liftHtmlParagraphs(tree);
  return convertedBody(tree);
}

function convertHtml(parent: Parents, context: BodyContext): void {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === "html") children.push(...blockHtml(child.value, child.position?.start.line ?? 1, context));
    else if (child.type === "paragraph" && child.children.some((node) => node.type === "html")) children.push(...paragraphWithHtml(child, context));
    else {
      if ("children" in child) convertHtml(child, context);
      children.push(child);
    }
  }
  parent.children = children as never;
}

/** A block of raw HTML, parsed on its own (lines counted from where it starts). */
function blockHtml(html: string, startLine: number, context: BodyContext): RootContent[] {
  const tree = fromHtml(html, { fragment: true });
  const local = { ...context, lineOf: (line: number) => context.lineOf(line + startLine - 1) };
  prepareHtml(tree, local);
  return asBlocks(htmlToMdast(tree).children);
}

/** A paragraph mixing Markdown and inline HTML: rendered to HTML whole (hast-util-raw), then converted back. */
function paragraphWithHtml(paragraph: Nodes & { type: "paragraph" }, context: BodyContext): RootContent[] {
  const hast = raw(toHast(paragraph, { allowDangerousHtml: true }) as never) as HastRoot;
  const tree: HastRoot = hast.type === "root" ? hast : { type: "root", children: [hast as never] };
  prepareHtml(tree, context);
  return asBlocks(htmlToMdast(tree).children);
}

/** Converted HTML as blocks: runs of inline content (an image, a link and text) become paragraphs. */
function asBlocks(nodes: readonly RootContent[]): RootContent[] {
  const blocks: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== "text" || node.value.trim())) blocks.push({ type: "paragraph", children: trimmed(run) });
    run = [];
  };
  for (const node of nodes) {
    if (phrasing(node)) run.push(node as PhrasingContent);
    else {
      flush();
      blocks.push(node);
    }
  }
  flush();
  return blocks;
}

function trimmed(run: PhrasingContent[]): PhrasingContent[] {
  const nodes = run.map((node) => ({ ...node }));
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (first?.type === "text") first.value = first.value.trimStart();
  if (last?.type === "text") last.value = last.value.trimEnd();
  return nodes;
}

export type { Root };
