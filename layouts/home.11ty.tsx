/** @jsxRuntime automatic @jsxImportSource preact */
import { editorsPicks, latestArticles } from "../src/collections/latest.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { Byline } from "./components/Byline.tsx";
import { Document } from "./components/Document.tsx";
import { NewsFeedColumn } from "./components/NewsFeedColumn.tsx";
import { NewsletterSignup } from "./components/NewsletterSignup.tsx";
import { LEAD_IMAGE_SIZES, Picture } from "./components/Picture.tsx";
import { webSiteJsonLd } from "../src/discovery/structured-data.ts";
import { documentProps, referenceDate, type EleventyPageData } from "./page-data.ts";

/** The home page: the lead story, editors' picks and the latest news. */
export function render(data: EleventyPageData) {
  const model = data.newsroom;
  const { site } = model;
  const locale = site.language;
  const timeZone = site.timeZone;
  // The lead is the newest editors' pick, or else the newest story.
  const lead = model.picks[0] ?? model.articles[0];
  const excludeIds = lead ? [lead.id] : [];
  const picks = editorsPicks(model.articles, { limit: 3, excludeIds });
  const latest = latestArticles(model.articles, { limit: 6, excludeIds: [...excludeIds, ...picks.map((pick) => pick.id)] });
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
            <NewsFeedColumn articles={model.latest} locale={locale} timeZone={timeZone} now={referenceDate(model)} />
          </aside>
        </div>
        <NewsletterSignup newsletters={site.newsletters} />
      </main>
    </Document>
  );
}

