import type { FeedDocument } from "./feed-model.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); an entry without a body has its dek as its text. */
export function renderJsonFeed(feed: FeedDocument): string {
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.selfUrl,
      description: feed.description,
      language: feed.language,
      items: feed.entries.map((entry) => ({
        id: entry.id,
        url: entry.url,
        title: entry.title,
        summary: entry.summary,
        ...(entry.contentHtml === undefined ? { content_text: entry.summary } : { content_html: entry.contentHtml }),
        ...(entry.image ? { image: entry.image.url } : {}),
        date_published: entry.published.toISOString(),
        date_modified: entry.updated.toISOString(),
        authors: entry.authors,
        tags: entry.categories.map((category) => category.label),
      })),
    },
    null,
    2,
  )}\n`;
}
