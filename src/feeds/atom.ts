import type { FeedDocument } from "./feed-model.ts";
import { mediaContent } from "./media-rss.ts";
import { attributeList, element } from "./xml.ts";

/** Atom 1.0 (RFC 4287), with the hero as an enclosure link and Media RSS content. */
export function renderAtom(feed: FeedDocument): string {
  const entries = feed.entries.map((entry) =>
    [
      "<entry>",
      element("title", entry.title),
      `<link${attributeList({ rel: "alternate", type: "text/html", href: entry.url })}/>`,
      element("id", entry.id),
      element("published", entry.published.toISOString()),
      element("updated", entry.updated.toISOString()),
      ...entry.authors.map((author) => `<author>${element("name", author.name)}${element("uri", author.url)}</author>`),
      ...entry.categories.map((category) => `<category${attributeList({ term: category.term, label: category.label })}/>`),
      element("summary", entry.summary),
      ...(entry.contentHtml === undefined ? [] : [element("content", entry.contentHtml, { type: "html" })]),
      ...(entry.image
        ? [
            `<link${attributeList({ rel: "enclosure", type: entry.image.mimeType, href: entry.image.url })}/>`,
            mediaContent(entry.image, { altType: "plain" }),
          ]
        : []),
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${feed.language}">`,
    element("title", feed.title),
    element("subtitle", feed.description),
    `<link${attributeList({ rel: "alternate", type: "text/html", href: feed.homeUrl })}/>`,
    `<link${attributeList({ rel: "self", type: "application/atom+xml", href: feed.selfUrl })}/>`,
    element("id", feed.selfUrl),
    element("updated", feed.updated.toISOString()),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
