import { isoInZone } from "../format/dates.ts";
import { slugify } from "../format/slug.ts";

export interface NewArticleOptions {
  headline: string;
  /** Publication time: "now" when the file is created. */
  now: Date;
  /** The site's zone: the date is written with its offset. */
  timeZone: string;
  authorIds: readonly string[];
}

/** The id (file name) a headline gives: ASCII, lowercase, at most about eight words. */
export function articleIdFor(headline: string): string {
  return slugify(headline).split("-").slice(0, 8).join("-");
}

/**
 * A new article's Markdown: a draft with valid frontmatter (it builds, and
 * previews show it once it has a dek and a hero) and a body skeleton whose
 * guidance is in comments, which never reach a reader.
 */
export function newArticleMarkdown({ headline, now, timeZone, authorIds }: NewArticleOptions): string {
  return `---
title: ${JSON.stringify(headline.trim())}
# dek: "One sentence that adds to the headline."
authors: [${authorIds.join(", ")}]
date: ${isoInZone(now, timeZone)}
tags: []
# hero:
#   src: ../images/photo.jpg
#   alt: "What the photo shows, for a reader who cannot see it"
#   caption: "What is happening, where and when."
#   credit: "Photographer / agency (licence)"
draft: true
---
<!-- Lead: who, what, when, where, in one or two sentences. -->

<!-- Then the detail, quotes and context. Sub-heads start with "## ". -->

<!-- To show a card for another article: ::related{id=other-article-id} on a line of its own. -->
`;
}
