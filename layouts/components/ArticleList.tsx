/** @jsxRuntime automatic @jsxImportSource preact */
import type { ArticleSummary } from "../../src/content/model.ts";
import { ArticleCard } from "./ArticleCard.tsx";
import { renderedOnce } from "../../src/pages/rendered-once.ts";

export type ArticleListProps = {
  id: string;
  heading: string;
  articles: readonly ArticleSummary[];
  locale: string;
  timeZone: string;
  /** Link under the list, e.g. to the full news feed. */
  more?: { label: string; url: string };
};

/**
 * A titled section of story cards ("More news", "Editors' picks"). Every
 * article page shows nearly the same ones: each card is rendered once.
 */
export function ArticleList({ id, heading, articles, locale, timeZone, more }: ArticleListProps) {
  if (articles.length === 0) return null;
  return (
    <section class="article-list" data-component={id} aria-labelledby={`${id}-heading`}>
      <h2 class="section-heading" id={`${id}-heading`}>{heading}</h2>
      <ul class="article-list__items">
        {articles.map((article) => (
          <li>{renderedOnce(article, `article-card|${locale}|${timeZone}`, () => <ArticleCard article={article} locale={locale} timeZone={timeZone} />)}</li>
        ))}
      </ul>
      {more ? <p class="article-list__more"><a href={more.url}>{more.label}</a></p> : null}
    </section>
  );
}
