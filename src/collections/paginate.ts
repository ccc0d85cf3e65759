/**
 * One page of a listing (the news feed, a tag). The front page, at the
 * listing's plain URL, holds the newest items; numbered pages hold the rest
 * in whole pages counted from the oldest item, so that page N keeps the same
 * items however many are published after them.
 */
export interface Page<T> {
  /** N for the numbered page /…/page/N/ (1 holds the oldest items); absent on the front page. */
  pageNumber?: number;
  /** Newest first. */
  items: T[];
  url: string;
  /** The page of the next newer items: the next numbered page, or the front page from the newest numbered one. */
  newerUrl?: string;
  /** The page of the next older items. */
  olderUrl?: string;
}

export interface ListingUrls {
  /** The listing's plain URL ("/news-feed/"). */
  front: string;
  /** A numbered page's URL ("/news-feed/page/3/"). */
  page: (pageNumber: number) => string;
}

/**
 * How many numbered pages a listing of `count` items has: every whole page
 * counted from the oldest item, but the newest whole page, which the front
 * page shows with the items after it (between `size` and `2 * size - 1`
 * items: never a nearly empty front page).
 */
export function numberedPageCount(count: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`internal error, please report: a listing's page size must be a positive whole number, got ${size}`);
  return Math.max(0, Math.floor(count / size) - 1);
}

/**
 * A listing's pages, the front page first, then the numbered pages newest
 * first. Publishing an item changes the front page only, and every `size`
 * items adds a numbered page (and gives the one before it its "newer" link).
 * An item inserted among older ones, or removed, moves the items of the
 * pages after it by one. An empty list still has its (empty) front page, so
 * that listing URLs always exist.
 */
export function paginate<T>(newestFirst: readonly T[], size: number, urls: ListingUrls): Page<T>[] {
  const count = newestFirst.length;
  const numbered = numberedPageCount(count, size);
  const front: Page<T> = {
    items: newestFirst.slice(0, count - numbered * size),
    url: urls.front,
    ...(numbered > 0 ? { olderUrl: urls.page(numbered) } : {}),
  };
  const pages = [front];
  for (let pageNumber = numbered; pageNumber >= 1; pageNumber--) {
    // Page N holds the items N * size - size to N * size - 1, counted from the oldest.
    const end = count - (pageNumber - 1) * size;
    pages.push({
      pageNumber,
      items: newestFirst.slice(end - size, end),
      url: urls.page(pageNumber),
      newerUrl: pageNumber < numbered ? urls.page(pageNumber + 1) : urls.front,
      ...(pageNumber > 1 ? { olderUrl: urls.page(pageNumber - 1) } : {}),
    });
  }
  return pages;
}
