/** @jsxRuntime automatic @jsxImportSource preact */
import type { RelatedItem } from "../../src/collections/related.ts";
import type { ArticleSummary } from "../../src/content/model.ts";

/** A related item as the list shows it: an article's summary, or an external link. */
export type { RelatedListItem } from "../../src/pages/page-inputs.ts";
import type { RelatedListItem } from "../../src/pages/page-inputs.ts";

export type RelatedListProps = { items: readonly RelatedListItem[] };

export function RelatedList({ items }: RelatedListProps) {
  if (items.length === 0) return null;
  return (
    <section class="related" data-component="related" aria-labelledby="related-heading" data-pagefind-ignore>
      <h2 id="related-heading" class="section-heading">Related</h2>
      <ul class="related__list">
        {items.map((item) =>
          item.kind === "article" ? (
            <li class="related__item">
              <a href={item.article.url}>{item.article.title}</a>
              <p class="related__dek">{item.article.dek}</p>
            </li>
          ) : (
            <li class="related__item related__item--external">
              <a href={item.url} rel="noopener noreferrer">{item.title}</a>
              <p class="related__dek">{new URL(item.url).hostname}</p>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
