/** @jsxRuntime automatic @jsxImportSource preact */
import { distinctLists, featuredArticles } from "../src/collections/page-lists.ts";
import { SIDE_FEED_SIZE } from "../src/collections/site-model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { Byline } from "./components/Byline.tsx";
import { Document } from "./components/Document.tsx";
import { NewsFeedColumn } from "./components/NewsFeedColumn.tsx";
import { NewsletterSignup } from "./components/NewsletterSignup.tsx";
import { LEAD_IMAGE_SIZES, Picture } from "./components/Picture.tsx";
import { webSiteJsonLd } from "../src/discovery/structured-data.ts";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/** The home page: the lead story, editors' picks and the latest news. */
export function render(data: EleventyPageData) {
  const model = data.newsroom;
  const { site } = model;
  const locale = site.language;
  const timeZone = site.timeZone;
  // The lead is the newest editors' pick, or else the newest story.
  const lead = model.picks[0] ?? model.articles[0];
  // Each story once on the page: the lead, then picks, latest news, and the news column.
  const [picks = [], latest = [], sideFeed = []] = distinctLists(
    [
      { candidates: featuredArticles(model.articles), size: 3 },
      { candidates: model.articles, size: 6 },
      { candidates: model.articles, size: SIDE_FEED_SIZE },
    ],
    lead ? [lead.id] : [],
  );
  const shownUrls = [lead, ...picks, ...latest].flatMap((story) => (story ? [story.url] : []));
  return (
    <Document {...documentProps(data, site.name, site.tagline ?? site.name, "page-home", { jsonLd: [webSiteJsonLd(site)] })}>
      <main id="main" tabindex={-1} class="layout-home">
        <h1 class="visually-hidden">{site.name}</h1>
        {lead ? (
          <section class={lead.hero ? "lead-story" : "lead-story lead-story--text-only"} data-component="lead-story" aria-labelledby="lead-story-heading">
            {lead.hero ? (
              <a class="lead-story__image-link" href={lead.url} tabindex={-1} aria-hidden="true">
                <Picture image={lead.hero} alt="" sizes={LEAD_IMAGE_SIZES} pictureClass="lead-story__picture" imgClass="lead-story__image" priority="eager" hasPlaceholder isCropped />
              </a>
            ) : null}
            <div class="lead-story__text">
              <h2 class="lead-story__headline" id="lead-story-heading"><a href={lead.url}>{lead.title}</a></h2>
              <p class="lead-story__dek">{lead.dek}</p>
              <Byline authors={lead.authors} publishedAt={lead.publishedAt} updatedAt={lead.updatedAt} readingMinutes={lead.readingMinutes} locale={locale} timeZone={timeZone} />
            </div>
          </section>
        ) : (
          <p class="empty-state">No stories have been published yet.</p>
        )}
        <div class="layout-home__columns">
          <div class="layout-home__main">
            <ArticleList id="editors-picks" heading="Editors’ picks" articles={picks} locale={locale} timeZone={timeZone} />
            <ArticleList id="latest-news" heading="Latest news" articles={latest} locale={locale} timeZone={timeZone} more={{ label: "All the latest news", url: "/news-feed/" }} />
          </div>
          <aside class="layout-home__side" aria-label="News feed">
            <NewsFeedColumn articles={sideFeed} size={SIDE_FEED_SIZE} locale={locale} timeZone={timeZone} excludeUrls={shownUrls} />
          </aside>
        </div>
        <NewsletterSignup newsletters={site.newsletters} />
      </main>
    </Document>
  );
}

