/** @jsxRuntime automatic @jsxImportSource preact */
import type { ArticleSummary } from "../../src/content/model.ts";
import { formatShortDate } from "../../src/format/dates.ts";
import { Picture } from "./Picture.tsx";
import { Time } from "./Time.tsx";

export type ArticleCardProps = {
  article: ArticleSummary;
  locale: string;
  timeZone: string;
  /** Heading level inside the list's section. */
  headingLevel?: 2 | 3;
};

/**
 * The card's thumbnail slot: a grid cell (15-20rem) from 36em; on phones a
 * 6.5rem row thumbnail or, for a list's first card, the full width, so half
 * the viewport is the compromise. (`sizes="auto"` would let Chromium use the
 * laid-out width, but the W3C checker refuses it on <source>.)
 */
export const CARD_IMAGE_SIZES = "(max-width: 35.99em) 50vw, 20rem";

/** A story in a list: square thumbnail (cropped around the hero's focus), headline, dek and date. */
export function ArticleCard({ article, locale, timeZone, headingLevel = 3 }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class={article.hero ? "card" : "card card--text-only"} data-component="article-card">
      {article.hero ? <Picture image={article.hero.thumbnail} alt="" sizes={CARD_IMAGE_SIZES} pictureClass="card__picture" imgClass="card__image" priority="lazy" isCropped /> : null}
      <div class="card__text">
        <Heading class="card__title"><a href={article.url}>{article.title}</a></Heading>
        <p class="card__dek">{article.dek}</p>
        <p class="card__meta"><Time date={article.publishedAt} locale={locale} timeZone={timeZone} format={formatShortDate} /></p>
      </div>
    </article>
  );
}
