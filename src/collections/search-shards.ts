import type { Article } from "../content/model.ts";

/**
 * The search no longer reads these shards: src/search/ keeps the site's
 * search bundles itself, from the records and from what earlier updates
 * sealed into archives (which the articles alone do not tell), and the
 * search page reads the list of bundles from the live bundle. The site
 * model still lists them (`SiteModel.searchShards`, for its own tests and
 * bench/site-model.ts); this file goes when that list does.
 *
 * Articles per search index, cut from the oldest.
 */
export const ARTICLES_PER_SEARCH_SHARD = 2500;

/** One Pagefind bundle: where it is published and which article pages it indexes. */
export interface SearchShard {
  /** Site path of the bundle ("/pagefind/" for the newest articles). */
  bundlePath: string;
  /** The article pages it indexes, newest first. */
  urls: string[];
}

/**
 * The site's search indexes, the one holding the newest articles (and the
 * standalone pages) first: it is
 * the search page's primary bundle, at the usual `/pagefind/`. Shards are cut
 * from the oldest article on, so publishing a story changes only the newest
 * shard and an archive shard changes only when one of its own stories does:
 * a rebuild reuses every shard whose pages are unchanged.
 */
export function searchShards(articlesNewestFirst: readonly Pick<Article, "url">[], perShard = ARTICLES_PER_SEARCH_SHARD, pageUrls: readonly string[] = []): SearchShard[] {
  if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`internal error, please report: articles per search shard must be a positive whole number, got ${perShard}`);
  const count = Math.max(1, Math.ceil(articlesNewestFirst.length / perShard));
  const shards: SearchShard[] = Array.from({ length: count }, (_, index) => ({
    bundlePath: index === count - 1 ? "/pagefind/" : `/pagefind-archive-${index + 1}/`,
    urls: [],
  }));
  const total = articlesNewestFirst.length;
  articlesNewestFirst.forEach((article, newestIndex) => {
    const oldestIndex = total - 1 - newestIndex;
    shards[Math.floor(oldestIndex / perShard)]!.urls.push(article.url);
  });
  // Standalone pages are searchable too, in the primary bundle after the newest articles.
  shards[count - 1]!.urls.push(...pageUrls);
  return shards.reverse();
}
