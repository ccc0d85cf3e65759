import type { FeedEntry } from "./feed-model.ts";
import { escapeHtmlText } from "./html-text.ts";
import { attributeList, element } from "./xml.ts";

/**
 * The hero as a Media RSS `media:content` (https://www.rssboard.org/media-rss),
 * its alt text typed like the entry's summary: `html` in RSS, whose
 * description is HTML, and `plain` in Atom, whose summary is text.
 * feedparser files `media:description` as one more description of the
 * entry: in a feed without bodies it becomes the entry's content, and in
 * one with bodies its type replaces the summary's (the summary's text
 * stays), so any other type would have readers misread the summary.
 * The credit is plain text to every parser.
 */
export function mediaContent(image: NonNullable<FeedEntry["image"]>, { altType }: { altType: "html" | "plain" }): string {
  return [
    `<media:content${attributeList({ url: image.url, medium: "image", type: image.mimeType, width: image.width, height: image.height })}>`,
    element("media:description", altType === "html" ? escapeHtmlText(image.alt) : image.alt, { type: altType }),
    element("media:credit", image.credit),
    "</media:content>",
  ].join("");
}
