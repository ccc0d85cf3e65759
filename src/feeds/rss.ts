import type { FeedDocument } from "./feed-model.ts";
import { attributeList, cdata, element } from "./xml.ts";

/** RSS 2.0 with the content, Dublin Core, Atom and Media RSS extensions. */
export function renderRss(feed: FeedDocument): string {
  const items = feed.entries.map((entry) =>
    [
      "<item>",
      element("title", entry.title),
      element("link", entry.url),
      element("guid", entry.id, { isPermaLink: "true" }),
      element("pubDate", entry.published.toUTCString()),
      element("atom:updated", entry.updated.toISOString()),
      ...entry.authors.map((author) => element("dc:creator", author.name)),
      ...entry.categories.map((category) => element("category", category.label, { domain: category.term })),
      element("description", entry.summary),
      ...(entry.contentHtml === undefined ? [] : [`<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`]),
      ...(entry.image
        ? [
            `<media:content${attributeList({ url: entry.image.url, medium: "image", type: entry.image.mimeType, width: entry.image.width, height: entry.image.height })}>`,
            element("media:description", entry.image.alt),
            element("media:credit", entry.image.credit),
            "</media:content>",
          ]
        : []),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    element("title", feed.title),
    element("link", feed.homeUrl),
    element("description", feed.description),
    element("language", feed.language.toLowerCase()),
    element("lastBuildDate", feed.updated.toUTCString()),
    `<atom:link${attributeList({ href: feed.selfUrl, rel: "self", type: "application/rss+xml" })}/>`,
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
