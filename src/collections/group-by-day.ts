import type { Article } from "../content/model.ts";
import { dayKey } from "../format/dates.ts";

export interface DayGroup {
  /** "2026-11-26", in the site's time zone. */
  day: string;
  articles: Article[];
}

/** Consecutive articles of the same calendar day (in the site's zone) grouped; keeps order. */
export function groupByDay(articles: readonly Article[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const article of articles) {
    const day = dayKey(article.publishedAt, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.articles.push(article);
    else groups.push({ day, articles: [article] });
  }
  return groups;
}
