import type { ExternalLink } from "../content/article-schema.ts";
import type { Article } from "../content/model.ts";
import { publishedBefore } from "./before-publication.ts";

export type RelatedItem = { kind: "article"; article: Article } | ({ kind: "link" } & ExternalLink);

/**
 * What "Related" shows under an article: the editor's explicit list first, in
 * their order, then filled up to `limit` with the articles published before
 * it that share the most tags (newest first among equals). Only earlier ones:
 * a new story would otherwise enter the lists of many older stories, and
 * publishing it would change their pages. `byTag` maps tag slug to articles.
 */
export function relatedArticles(
  article: Article,
  context: { byId: ReadonlyMap<string, Article>; byTag: ReadonlyMap<string, readonly Article[]> },
  limit = 3,
): RelatedItem[] {
  const items: RelatedItem[] = [];
  const seen = new Set([article.id]);
  for (const entry of article.related) {
    if ("url" in entry) {
      items.push({ kind: "link", title: entry.title, url: entry.url });
    } else {
      const target = context.byId.get(entry.id);
      if (target && !seen.has(target.id)) {
        items.push({ kind: "article", article: target });
        seen.add(target.id);
      }
    }
  }
  if (items.length >= limit) return items;

  // Shared-tag counts over every article of the article's tags, on a typed
  // array, then the best few picked in one pass comparing numbers only.
  // Articles are numbered in rank order (newest first, then by id), so among
  // equal counts the lower number wins. A 100,000-article archive has about
  // 3,000 candidates an article: comparing Dates and ids for each made
  // related lists the costliest part of a large build.
  const wanted = limit - items.length;
  // A few articles (a saved page in the preview, the pages an edit changes) are ranked directly: the index costs 60-90 ms at 10,000 articles.
  if (isWorthRankingDirectly(article, context.byTag)) {
    for (const other of rankedBySharedTags(article, context.byTag, seen).slice(0, wanted)) items.push({ kind: "article", article: other });
    return items;
  }
  const { articles, lists, counts } = tagIndexOf(context.byTag);
  // Ranks run newest first: the articles published before this one rank after it.
  const ownRank = rankAmong(article, articles);
  const candidates: number[] = [];
  for (const tag of article.tags) {
    const list = lists.get(tag.slug);
    if (!list) continue;
    // A list runs in rank order: the articles published before this one are its tail.
    for (let at = firstAfter(list, ownRank); at < list.length; at++) {
      const rank = list[at]!;
      if (counts[rank] === 0) candidates.push(rank);
      counts[rank] = counts[rank]! + 1;
    }
  }
  const best: { rank: number; count: number }[] = [];
  const before = (rankA: number, countA: number, b: { rank: number; count: number }) => countA > b.count || (countA === b.count && rankA < b.rank);
  for (const rank of candidates) {
    const count = counts[rank]!;
    counts[rank] = 0; // ready for the next article
    if (best.length === wanted && !before(rank, count, best[wanted - 1]!)) continue;
    if (seen.has(articles[rank]!.id)) continue;
    let at = best.length;
    while (at > 0 && before(rank, count, best[at - 1]!)) at--;
    best.splice(at, 0, { rank, count });
    if (best.length > wanted) best.pop();
  }
  for (const { rank } of best) items.push({ kind: "article", article: articles[rank]! });
  return items;
}
/**
 * Whether to rank `article` directly rather than build the index: until the
 * articles read by direct rankings would add up to the index's own cost
 * (every tag list read once), so that ranking a few articles never pays for
 * the index and ranking every article pays for it once.
 */
function isWorthRankingDirectly(article: Article, byTag: ReadonlyMap<string, readonly Article[]>): boolean {
  if (tagIndexes.has(byTag)) return false;
  let work = directWork.get(byTag);
  if (!work) directWork.set(byTag, (work = { spent: 0, budget: [...byTag.values()].reduce((total, tagged) => total + tagged.length, 0) }));
  for (const tag of article.tags) work.spent += byTag.get(tag.slug)?.length ?? 0;
  return work.spent <= work.budget;
}
/** The articles read by direct rankings so far, and the index's cost, per tag lists. */
const directWork = new WeakMap<ReadonlyMap<string, readonly Article[]>, { spent: number; budget: number }>();

/** Every article published before `article` sharing a tag with it (but those in `seen`), most shared tags first, then newest, then by id. */
function rankedBySharedTags(article: Article, byTag: ReadonlyMap<string, readonly Article[]>, seen: ReadonlySet<string>): Article[] {
  const shared = new Map<Article, number>();
  for (const tag of article.tags) {
    for (const other of byTag.get(tag.slug) ?? []) if (!seen.has(other.id) && publishedBefore(other, article)) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  return [...shared]
    .sort(([a, countA], [b, countB]) => countB - countA || b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id))
    .map(([other]) => other);
}

/** The rank `article` has, or would have, among the ranked articles (newest first): those ranked after it were published before it. */
function rankAmong(article: Article, ranked: readonly Article[]): number {
  // Bisection: the first rank published before the article, less one.
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (publishedBefore(ranked[middle]!, article)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** The first position in an ascending list whose rank is above `rank`. */
function firstAfter(list: Int32Array, rank: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! <= rank) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The tag lists as article ranks in ascending order (newest first, then by id), with a counter per article; built once per `byTag` map. */
interface TagIndex {
  articles: Article[];
  lists: Map<string, Int32Array>;
  counts: Int32Array;
}

const tagIndexes = new WeakMap<ReadonlyMap<string, readonly Article[]>, TagIndex>();

function tagIndexOf(byTag: ReadonlyMap<string, readonly Article[]>): TagIndex {
  const known = tagIndexes.get(byTag);
  if (known) return known;
  const articles = [...new Set([...byTag.values()].flat())].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
  const rankOf = new Map(articles.map((article, rank) => [article, rank]));
  const lists = new Map([...byTag].map(([slug, tagged]) => [slug, Int32Array.from(tagged, (article) => rankOf.get(article)!).sort()]));
  const index = { articles, lists, counts: new Int32Array(articles.length) };
  tagIndexes.set(byTag, index);
  return index;
}
