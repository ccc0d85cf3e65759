import type { ArticleSummary } from "../content/model.ts";
import { dayKey } from "../format/dates.ts";

export interface DayGroup<T> {
  /** "2026-11-26", in the site's time zone. */
  day: string;
  articles: T[];
}

/** Consecutive articles of the same calendar day (in the site's zone) grouped; keeps order. */
export function groupByDay<T extends Pick<ArticleSummary, "publishedAt">>(articles: readonly T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const article of articles) {
    const day = dayKey(article.publishedAt, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.articles.push(article);
    else groups.push({ day, articles: [article] });
  }
  return groups;
}
