import { featuredBeforeIn, publishedBeforeIn, type Published } from "./before-publication.ts";

/** One list of a page: its candidates in order of preference, and how many it shows. */
export interface ListSource<T> {
  candidates: Iterable<T>;
  size: number;
}

/**
 * Fills lists in priority order (the first source first) so that no article
 * appears in two of them, nor any id in `shown` (the page's own article,
 * stories the page already shows): each list takes its first `size`
 * candidates not taken before, so a list that loses an article to a list
 * before it is filled from its next candidates. Candidates are read lazily,
 * as far as needed: an archive's whole newest-first list costs only the few
 * articles read.
 */
export function distinctLists<T extends { id: string }>(sources: readonly ListSource<T>[], shown: Iterable<string> = []): T[][] {
  const taken = new Set(shown);
  return sources.map(({ candidates, size }) => {
    const list: T[] = [];
    if (size <= 0) return list;
    for (const candidate of candidates) {
      if (taken.has(candidate.id)) continue;
      taken.add(candidate.id);
      list.push(candidate);
      if (list.length >= size) break;
    }
    return list;
  });
}

/** Featured articles (editors' picks) of a newest-first list, read lazily. */
export function* featuredArticles<T extends { isFeatured: boolean }>(articles: Iterable<T>): Generator<T> {
  for (const article of articles) if (article.isFeatured) yield article;
}

export interface ArticlePageListSizes {
  moreNews: number;
  picks: number;
  sideFeed: number;
}

/** A "Related" entry as the lists see it: another article, or a link elsewhere (which takes no article's place). */
type RelatedEntry = { kind: "article"; article: { id: string } } | { kind: "link" };

/**
 * The story lists around an article, each article shown at most once on the
 * page: on a phone they all stack under the body, and one story repeated in
 * four lists cost readers screens of scrolling. Priority: Related (the
 * editor's choice, kept as it is) > More news > Editors' picks > the News
 * feed column. All three are drawn from the stories published before this
 * one (`articles` is the archive, newest first), so that publishing a story
 * changes no older story's page; public/js/fresh-news.js brings the latest
 * headlines into the column in the reader's browser.
 */
export function articlePageLists<T extends Published & { isFeatured: boolean }>(
  article: Published,
  related: readonly RelatedEntry[],
  articles: readonly T[],
  sizes: ArticlePageListSizes,
): { moreNews: T[]; picks: T[]; sideFeed: T[] } {
  const shown = [article.id, ...related.flatMap((item) => (item.kind === "article" ? [item.article.id] : []))];
  const [moreNews = [], picks = [], sideFeed = []] = distinctLists<T>(
    [
      { candidates: publishedBeforeIn(article, articles), size: sizes.moreNews },
      { candidates: featuredBeforeIn(article, articles), size: sizes.picks },
      { candidates: publishedBeforeIn(article, articles), size: sizes.sideFeed },
    ],
    shown,
  );
  return { moreNews, picks, sideFeed };
}
