/** @jsxRuntime automatic @jsxImportSource preact */
import type { ArticleSummary } from "../../src/content/model.ts";
import { routes } from "../../src/content/routes.ts";
import { formatShortDate, formatTime } from "../../src/format/dates.ts";
import { renderedOnce } from "../../src/pages/rendered-once.ts";
import { Time } from "./Time.tsx";

export type NewsFeedColumnProps = {
  articles: readonly ArticleSummary[];
  /** How many items the column shows once public/js/fresh-news.js has refreshed it. */
  size: number;
  locale: string;
  timeZone: string;
  /** Stories the page shows elsewhere (its own article, its other lists): a refresh leaves them out too. */
  excludeUrls: readonly string[];
  /**
   * What the built list is, when not the latest news: an article page lists
   * the stories published before its own ("Before this story"), so that a
   * new story leaves the page as it is. public/js/fresh-news.js puts the
   * latest headlines in and the column's name ("News feed") back.
   */
  heading?: string;
};

/**
 * "27 Nov 2026, 16:00": true on whatever day the page is read. A built page
 * cannot know the reader's today (it may be served for days), so the time
 * alone, for today's stories, is set by public/js/fresh-news.js.
 */
function formatShortDateTime(date: Date, locale: string, timeZone: string): string {
  return `${formatShortDate(date, locale, timeZone)}, ${formatTime(date, locale, timeZone)}`;
}

const FRESH_HEADING = "News feed";

/** The side column of headlines, each with when it was published. */
export function NewsFeedColumn({ articles, size, locale, timeZone, excludeUrls, heading = FRESH_HEADING }: NewsFeedColumnProps) {
  return (
    <section
      class="news-feed-column"
      data-component="news-feed-column"
      aria-labelledby="news-feed-column-heading"
      // Read by public/js/fresh-news.js, which refreshes the list from the JSON Feed.
      data-feed={routes.headlinesFeed()}
      data-limit={size}
      data-exclude={excludeUrls.join(" ")}
      data-locale={locale}
      data-time-zone={timeZone}
      data-fresh-heading={heading === FRESH_HEADING ? undefined : FRESH_HEADING}
    >
      <h2 class="section-heading" id="news-feed-column-heading">{heading}</h2>
      <ol class="news-feed-column__list">
        {articles.map((article) =>
          // The same items on every article page: each rendered once.
          renderedOnce(article, `news-feed-column|${locale}|${timeZone}`, () => (
            <li>
              <Time date={article.publishedAt} locale={locale} timeZone={timeZone} format={formatShortDateTime} />
              <a href={article.url}>{article.title}</a>
            </li>
          )),
        )}
      </ol>
      <p class="news-feed-column__more"><a href={routes.newsFeed()}>All the latest news</a></p>
    </section>
  );
}
