/** @jsxRuntime automatic @jsxImportSource preact */
import type { ArticleSummary } from "../../src/content/model.ts";
import { routes } from "../../src/content/routes.ts";
import { formatTime, formatShortDate, dayKey } from "../../src/format/dates.ts";
import { renderedOnce } from "./rendered-once.ts";
import { Time } from "./Time.tsx";

export type NewsFeedColumnProps = {
  articles: readonly ArticleSummary[];
  locale: string;
  timeZone: string;
  now: Date;
  /** The page's own article, left out when the column refreshes itself. */
  excludeUrl?: string;
};

/** The side column of latest headlines: time for today's, date for older ones. */
export function NewsFeedColumn({ articles, locale, timeZone, now, excludeUrl }: NewsFeedColumnProps) {
  const today = dayKey(now, timeZone);
  return (
    <section
      class="news-feed-column"
      data-component="news-feed-column"
      aria-labelledby="news-feed-column-heading"
      // Read by public/js/fresh-news.js, which refreshes the list from the JSON Feed.
      data-feed={routes.headlinesFeed()}
      data-limit={articles.length}
      data-exclude={excludeUrl}
      data-locale={locale}
      data-time-zone={timeZone}
    >
      <h2 class="section-heading" id="news-feed-column-heading">News feed</h2>
      <ol class="news-feed-column__list">
        {articles.map((article) => {
          const isToday = dayKey(article.publishedAt, timeZone) === today;
          // The same items on every article page: each rendered once.
          return renderedOnce(article, `news-feed-column|${locale}|${timeZone}|${isToday}`, () => (
            <li>
              <Time date={article.publishedAt} locale={locale} timeZone={timeZone} format={isToday ? formatTime : formatShortDate} />
              <a href={article.url}>{article.title}</a>
            </li>
          ));
        })}
      </ol>
      <p class="news-feed-column__more"><a href={routes.newsFeed()}>All the latest news</a></p>
    </section>
  );
}
