/** @jsxRuntime automatic @jsxImportSource preact */
import { groupByDay } from "../src/collections/group-by-day.ts";
import type { Page } from "../src/collections/paginate.ts";
import type { Article, ArticleSummary } from "../src/content/model.ts";
import { formatDay, formatTime } from "../src/format/dates.ts";
import { Document } from "./components/Document.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { Time } from "./components/Time.tsx";
import { documentProps } from "./page-data.ts";
import { newsFeedPageInputs, type NewsFeedPageInputs, type EleventyPageData } from "../src/pages/page-inputs.ts";

export function render(data: EleventyPageData & { feedPage: Page<Article> }) {
  return renderNewsFeedPage(newsFeedPageInputs(data));
}

/**
 * Every published article, newest first, grouped by day in the site's time
 * zone: the newest on the front page, the rest on numbered pages that keep
 * their stories when news is published (page 1 holds the oldest).
 */
function renderNewsFeedPage(inputs: NewsFeedPageInputs) {
  const { site } = inputs;
  const page = inputs.feedPage;
  const title = page.pageNumber === undefined ? "News feed" : `News feed, page ${page.pageNumber}`;
  const description = page.pageNumber === undefined ? `All the latest news from ${site.name}, newest first.` : `News from ${site.name}, page ${page.pageNumber} from the first story on.`;
  return (
    <Document {...documentProps(inputs, title, description, "page-news-feed")}>
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">{title}</h1>
        {page.items.length === 0 ? <p class="empty-state">No stories have been published yet.</p> : null}
        {groupByDay(page.items, site.timeZone).map((group) => (
          <section class="day" data-component="day" data-day={group.day} aria-labelledby={`day-${group.day}`}>
            <h2 class="day__heading" id={`day-${group.day}`}>{formatDay(group.articles[0]!.publishedAt, site.language, site.timeZone)}</h2>
            <ol class="day__list">
              {group.articles.map((article) => (
                <li class="feed-item" data-component="feed-item">
                  <Time date={article.publishedAt} locale={site.language} timeZone={site.timeZone} format={formatTime} />
                  <div class="feed-item__text">
                    <h3 class="feed-item__title"><a href={article.url}>{article.title}</a></h3>
                    <p class="feed-item__dek">{article.dek}</p>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
        <Pagination label="News feed pages" {...page} />
      </main>
    </Document>
  );
}
