import { fromHtml } from "hast-util-from-html";
import type { BodyContext } from "./body-context.ts";
import { htmlToMdast } from "./html-to-mdast.ts";
import { liftHtmlParagraphs } from "./finish-mdast.ts";
import { convertedBody, type ConvertedBody } from "./mdast-to-markdown.ts";
import { prepareHtml } from "./prepare-html.ts";

/** An HTML body (WordPress's, after its shortcodes) as Markdown. */
export function htmlBodyToMarkdown(html: string, context: BodyContext): ConvertedBody {
  const tree = fromHtml(html, { fragment: true });
  prepareHtml(tree, context);
  const mdast = htmlToMdast(tree);
  liftHtmlParagraphs(mdast);
  return convertedBody(mdast);
}
