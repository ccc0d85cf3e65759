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
import { documentProps, referenceDate, type EleventyPageData } from "./page-data.ts";
import { latestArticles } from "../src/collections/latest.ts";
import { SIDE_FEED_SIZE } from "../src/collections/site-model.ts";
import { heroCrops, socialImage } from "../src/discovery/article-images.ts";
import { newsArticleJsonLd } from "../src/discovery/structured-data.ts";

const MORE_NEWS_SIZE = 4;

/** The article page: the whole anatomy of a newspaper article. */
export function render(data: EleventyPageData & { article: Article }) {
  const model = data.newsroom;
  const { article } = data;
  const { site } = model;
  const locale = site.language;
  const timeZone = site.timeZone;
  const editUrl = model.isPreview && site.editUrl ? site.editUrl.replace(/\{path\}|%7Bpath%7D/, article.sourcePath) : undefined;
  const primaryTag = article.tags[0];
  return (
    <Document
      {...documentProps(data, article.title, article.dek, "page-article", {
        type: "article",
        image: { ...socialImage(article), alt: article.hero.alt },
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
          <article class="article" data-component="article" data-pagefind-body data-pagefind-sort={`date:${article.publishedAt.toISOString()}`}>
            <header class="article__header">
              {model.isPreview ? (
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
            <HeroFigure hero={article.hero} />
            {article.audio ? <AudioPlayer audio={article.audio} title={article.title} /> : null}
            <ArticleBody html={article.bodyHtml} />
            <Corrections corrections={article.corrections} locale={locale} timeZone={timeZone} />
            <footer class="article__footer">
              <TagList tags={article.tags} />
              <RelatedList items={model.relatedTo(article)} />
            </footer>
          </article>
        </main>
        <aside class="layout-article__side" aria-label="News feed">
          <NewsFeedColumn articles={latestArticles(model.articles, { limit: SIDE_FEED_SIZE, excludeIds: [article.id] })} locale={locale} timeZone={timeZone} now={referenceDate(model)} excludeUrl={article.url} />
        </aside>
      </div>
      <div class="below-article">
        <ArticleList id="more-news" heading="More news" articles={latestArticles(model.articles, { limit: MORE_NEWS_SIZE, excludeIds: [article.id] })} locale={locale} timeZone={timeZone} more={{ label: "All the latest news", url: "/news-feed/" }} />
        <ArticleList id="editors-picks" heading="Editors’ picks" articles={model.picks.filter((pick) => pick.id !== article.id).slice(0, 3)} locale={locale} timeZone={timeZone} />
        <NewsletterSignup newsletters={site.newsletters} />
      </div>
    </Document>
  );
}
