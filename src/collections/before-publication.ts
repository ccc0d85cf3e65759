/**
 * The articles published before a given one. An article page's lists (More
 * news, Editors' picks, its news column, the Related fill) are drawn from
 * these alone, so that publishing a story leaves every older story's page as
 * it was: see docs/decisions/0044-pages-stay-put-when-news-is-published.md.
 */

/** What publication order is decided by. */
export interface Published {
  id: string;
  publishedAt: Date;
}

/**
 * Whether `a` was published before `b`: earlier, or at the same moment with
 * a later id. That is the site's newest-first order (by time, then by id,
 * src/assembly/build-articles.ts), read backwards.
 */
export function publishedBefore(a: Published, b: Published): boolean {
  const difference = a.publishedAt.getTime() - b.publishedAt.getTime();
  return difference < 0 || (difference === 0 && a.id.localeCompare(b.id) > 0);
}

/** Each list's positions by id, made once per list (the model's articles: one list a build). */
const positionsById = new WeakMap<readonly Published[], Map<string, number>>();
/** Each list's positions of featured articles, ascending. */
const featuredPositions = new WeakMap<readonly Published[], number[]>();

/**
 * Where the articles published before `article` start in a newest-first
 * list: just after it, or, when it is not in the list, at the first one
 * published before it.
 */
function startOfEarlier(article: Published, newestFirst: readonly Published[]): number {
  let positions = positionsById.get(newestFirst);
  if (!positions) positionsById.set(newestFirst, (positions = new Map(newestFirst.map((item, index) => [item.id, index]))));
  const position = positions.get(article.id);
  if (position !== undefined) return position + 1;
  const first = newestFirst.findIndex((item) => publishedBefore(item, article));
  return first === -1 ? newestFirst.length : first;
}

/** The articles of a newest-first list published before `article`, newest first, read lazily. */
export function* publishedBeforeIn<T extends Published>(article: Published, newestFirst: readonly T[]): Generator<T> {
  for (let index = startOfEarlier(article, newestFirst); index < newestFirst.length; index++) yield newestFirst[index]!;
}

/**
 * The featured articles (editors' picks) of a newest-first list published
 * before `article`, newest first. Their positions are found once per list:
 * scanning for picks from each page would cost an archive without any
 * picks its whole length per page.
 */
export function* featuredBeforeIn<T extends Published & { isFeatured: boolean }>(article: Published, newestFirst: readonly T[]): Generator<T> {
  let featured = featuredPositions.get(newestFirst);
  if (!featured) featuredPositions.set(newestFirst, (featured = newestFirst.flatMap((item, index) => (item.isFeatured ? [index] : []))));
  const start = startOfEarlier(article, newestFirst);
  // The first featured position at or after `start`, by bisection.
  let low = 0;
  let high = featured.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (featured[middle]! < start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < featured.length; index++) yield newestFirst[featured[index]!]!;
}
