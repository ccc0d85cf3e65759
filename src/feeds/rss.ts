import type { FeedDocument } from "./feed-model.ts";
import { escapeHtmlText, escapeMarkupOpeners } from "./html-text.ts";
import { mediaContent } from "./media-rss.ts";
import { attributeList, cdata, element } from "./xml.ts";

/**
 * RSS 2.0 with the content, Dublin Core, Atom and Media RSS extensions.
 *
 * Each text field is escaped as real readers read it, found by reading
 * hostile text back with rss-parser and Python's feedparser
 * (tests/unit/feeds/feed-text-fields.test.ts). `description` is HTML by the
 * RSS spec, and both treat it so (feedparser sanitises it, rss-parser calls
 * it `content`): the dek is escaped as HTML, then as XML. `dc:creator`,
 * `category` and `media:credit` are plain text to both: escaped once, as
 * XML. `title` declares no type and the parsers disagree: rss-parser gives
 * the XML text as it is; feedparser takes it for HTML when it looks like
 * HTML ("</b>" or "&amp;" in it), as Miniflux, which strips tags and
 * unescapes, always does. No escaping shows such a title alike in both, so
 * titles escape only what HTML would read as markup (`escapeMarkupOpeners`):
 * "Fish & chips", "Q&A" or "3 < 5" reach every reader as written; a title
 * with a tag or an entity in it is exact in readers that take titles for
 * HTML, shows a "&lt;" in those that show the XML text, and is markup in
 * none. The channel's title and description are escaped as an item's; the
 * hero's alt text is HTML-typed Media RSS (media-rss.ts).
 */
export function renderRss(feed: FeedDocument): string {
  const items = feed.entries.map((entry) =>
    [
      "<item>",
      element("title", escapeMarkupOpeners(entry.title)),
      element("link", entry.url),
      element("guid", entry.id, { isPermaLink: "true" }),
      element("pubDate", entry.published.toUTCString()),
      element("atom:updated", entry.updated.toISOString()),
      ...entry.authors.map((author) => element("dc:creator", author.name)),
      ...entry.categories.map((category) => element("category", category.label, { domain: category.term })),
      element("description", escapeHtmlText(entry.summary)),
      ...(entry.contentHtml === undefined ? [] : [`<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`]),
      ...(entry.image ? [mediaContent(entry.image, { altType: "html" })] : []),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    element("title", escapeMarkupOpeners(feed.title)),
    element("link", feed.homeUrl),
    element("description", escapeHtmlText(feed.description)),
    element("language", feed.language.toLowerCase()),
    element("lastBuildDate", feed.updated.toUTCString()),
    `<atom:link${attributeList({ href: feed.selfUrl, rel: "self", type: "application/rss+xml" })}/>`,
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
