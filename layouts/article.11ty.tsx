/** @jsxRuntime automatic @jsxImportSource preact */
import type { Article } from "../src/content/model.ts";
import { ArticleBody } from "./components/ArticleBody.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { AudioPlayer } from "./components/AudioPlayer.tsx";
import { Byline } from "./components/Byline.tsx";
import { Corrections } from "./components/Corrections.tsx";
import { Document } from "./components/Document.tsx";
import { HeroFigure } from "./components/HeroFigure.tsx";
import { NewsFeedColumn } from "./components/NewsFeedColumn.tsx";
import { NewsletterSignup } from "./components/NewsletterSignup.tsx";
import { PreviewNotice } from "./components/PreviewNotice.tsx";
import { RelatedList } from "./components/RelatedList.tsx";
import { TagList } from "./components/TagList.tsx";
import { documentProps } from "./page-data.ts";
import { articlePageInputs, type ArticlePageInputs, type EleventyPageData } from "../src/pages/page-inputs.ts";
import { SIDE_FEED_SIZE } from "../src/collections/site-model.ts";
import { heroCrops, socialImage } from "../src/discovery/article-images.ts";
import { newsArticleJsonLd } from "../src/discovery/structured-data.ts";

/** The article page: the whole anatomy of a newspaper article. */
export function render(data: EleventyPageData & { article: Article }) {
  return renderArticlePage(articlePageInputs(data));
}

/** Every story the page shows besides its news column: a refreshed column leaves them out too. */
function shownUrls(inputs: ArticlePageInputs): string[] {
  const related = inputs.related.flatMap((item) => (item.kind === "article" ? [item.article.url] : []));
  return [inputs.article.url, ...related, ...inputs.moreNews.map((story) => story.url), ...inputs.picks.map((story) => story.url)];
}

function renderArticlePage(inputs: ArticlePageInputs) {
  const { article, site } = inputs;
  const locale = site.language;
  const timeZone = site.timeZone;
  const editUrl = inputs.isPreview && site.editUrl ? site.editUrl.replace(/\{path\}|%7Bpath%7D/, article.sourcePath) : undefined;
  const primaryTag = article.tags[0];
  return (
    <Document
      {...documentProps(inputs, article.title, article.dek, "page-article", {
        type: "article",
        image: { alt: site.name, ...socialImage(article) },
        article: {
          publishedAt: article.publishedAt,
          updatedAt: article.updatedAt,
          authorUrls: article.authors.map((author) => author.url),
          tags: article.tags.map((tag) => tag.label),
          section: primaryTag?.label,
        },
        jsonLd: [newsArticleJsonLd(article, site, heroCrops(article))],
      })}
    >
      <div class="layout-article">
        <main id="main" tabindex={-1} class="layout-article__main">
          {/* Search sorts by the date (data-pagefind-sort) and shows it beside the headline (data-pagefind-meta). */}
          <article class={article.hero ? "article" : "article article--text-only"} data-component="article" data-pagefind-body data-pagefind-sort={`date:${article.publishedAt.toISOString()}`} data-pagefind-meta={`date:${article.publishedAt.toISOString()}`}>
            <header class="article__header">
              {inputs.isPreview ? (
                <PreviewNotice
                  editUrl={editUrl}
                  isDraft={article.isDraft}
                  scheduledFor={article.isScheduled ? article.publishedAt : undefined}
                  locale={locale}
                  timeZone={timeZone}
                />
              ) : null}
              {primaryTag ? <p class="kicker"><a href={primaryTag.url}>{primaryTag.label}</a></p> : null}
              <h1 class="article__headline">{article.title}</h1>
              <p class="article__dek" data-component="dek">{article.dek}</p>
              <Byline
                authors={article.authors}
                publishedAt={article.publishedAt}
                updatedAt={article.updatedAt}
                readingMinutes={article.readingMinutes}
                locale={locale}
                timeZone={timeZone}
              />
            </header>
            {article.hero ? <HeroFigure hero={article.hero} /> : null}
            {article.audio ? <AudioPlayer audio={article.audio} title={article.title} /> : null}
            <ArticleBody html={article.bodyHtml} />
            <Corrections corrections={article.corrections} locale={locale} timeZone={timeZone} />
            <footer class="article__footer">
              <TagList tags={article.tags} />
              <RelatedList items={inputs.related} />
            </footer>
          </article>
        </main>
        {/* Before the news column in reading order: on a phone the lists follow
            the article by priority; on a wide screen CSS puts the column beside it. */}
        <div class="layout-article__more">
          <ArticleList id="more-news" heading="More news" articles={inputs.moreNews} locale={locale} timeZone={timeZone} more={{ label: "All the latest news", url: "/news-feed/" }} />
          <ArticleList id="editors-picks" heading="Editors’ picks" articles={inputs.picks} locale={locale} timeZone={timeZone} />
        </div>
        {/* Named by the column's heading, which the refresh changes from what the built list is to "News feed". */}
        <aside class="layout-article__side" aria-labelledby="news-feed-column-heading">
          <NewsFeedColumn articles={inputs.sideFeed} size={SIDE_FEED_SIZE} locale={locale} timeZone={timeZone} excludeUrls={shownUrls(inputs)} heading="Before this story" />
        </aside>
      </div>
      <div class="below-article">
        <NewsletterSignup newsletters={site.newsletters} />
      </div>
    </Document>
  );
}
