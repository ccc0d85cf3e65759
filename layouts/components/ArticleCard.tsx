/** @jsxRuntime automatic @jsxImportSource preact */
import type { ArticleSummary } from "../../src/content/model.ts";
import { formatShortDate } from "../../src/format/dates.ts";
import { Time } from "./Time.tsx";

export type ArticleCardProps = {
  article: ArticleSummary;
  locale: string;
  timeZone: string;
  /** Heading level inside the list's section. */
  headingLevel?: 2 | 3;
};

/** A story in a list: thumbnail, headline, dek and date. */
export function ArticleCard({ article, locale, timeZone, headingLevel = 3 }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class="card" data-component="article-card">
      <img class="card__image" src={article.hero.url} alt="" width={article.hero.width} height={article.hero.height} loading="lazy" decoding="async" />
      <div class="card__text">
        <Heading class="card__title"><a href={article.url}>{article.title}</a></Heading>
        <p class="card__dek">{article.dek}</p>
        <p class="card__meta"><Time date={article.publishedAt} locale={locale} timeZone={timeZone} format={formatShortDate} /></p>
      </div>
    </article>
  );
}
