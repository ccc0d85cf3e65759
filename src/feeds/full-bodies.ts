import { escapeHtmlAttribute, escapeHtmlText } from "./html-text.ts";

/**
 * How much body HTML the site's feeds carry. A reader downloads the whole
 * feed at every poll, and aggregators refuse big ones (FeedBurner above
 * 512 KB, Miniflux above 15 MiB, many fetchers and proxies above 1 or 2 MB).
 * A news story is 5 to 15 KB of HTML and a 10,000-word long read about
 * 70 KB, so a body of up to 100 KB is carried whole; and bodies stop at
 * 1 MB in all, newest first, so a feed stays near 1 MB (Atom's escaping adds
 * up to a third) whatever the newsroom publishes, while 50 ordinary
 * stories all fit whole. Past either limit an entry carries its dek and a
 * link to the story instead.
 */
export interface BodyLimits {
  /** Bytes of UTF-8 HTML of one body. */
  perEntry: number;
  /** Bytes of UTF-8 HTML of all of a feed's bodies together. */
  perFeed: number;
}

export const FEED_BODY_LIMITS: BodyLimits = { perEntry: 100_000, perFeed: 1_000_000 };

/** For bodies of `sizes` bytes, newest first: which are carried whole (each fits, and fits in what the newer ones left). */
export function fullBodies(sizes: readonly number[], limits: BodyLimits = FEED_BODY_LIMITS): boolean[] {
  let left = limits.perFeed;
  return sizes.map((size) => {
    const fits = size <= limits.perEntry && size <= left;
    if (fits) left -= size;
    return fits;
  });
}

/** What an entry carries instead of a body too big for feeds: the dek and a link to the whole story. */
export function readFullStoryHtml(dek: string, url: string): string {
  return `<p>${escapeHtmlText(dek)}</p><p><a href="${escapeHtmlAttribute(url)}">Read the full story</a></p>`;
}
