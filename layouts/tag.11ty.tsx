/** @jsxRuntime automatic @jsxImportSource preact */
import type { TagPage } from "../src/collections/site-model.ts";
import type { ArticleSummary } from "../src/content/model.ts";
import { ArticleCard } from "./components/ArticleCard.tsx";
import { Document } from "./components/Document.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { routes } from "../src/content/routes.ts";
import { feedLinks } from "../src/discovery/page-meta.ts";
import { documentProps } from "./page-data.ts";
import { tagPageInputs, type TagPageInputs, type EleventyPageData } from "../src/pages/page-inputs.ts";

export function render(data: EleventyPageData & { tagPage: TagPage }) {
  return renderTagPage(tagPageInputs(data));
}

/**
 * One page of a tag's articles, newest first. Only the front page counts the
 * tag's stories: a numbered page keeps its stories, and its bytes, when one
 * is published.
 */
function renderTagPage(inputs: TagPageInputs) {
  const { site } = inputs;
  const page = inputs.tagPage;
  const title = page.pageNumber === undefined ? page.tag.label : `${page.tag.label}, page ${page.pageNumber}`;
  const count = page.articleCount === undefined ? undefined : `${page.articleCount} ${page.articleCount === 1 ? "story" : "stories"}`;
  const description = count === undefined ? `${page.tag.label} stories from ${site.name}, page ${page.pageNumber}.` : `${page.tag.label}: ${count} from ${site.name}.`;
  return (
    <Document
      {...documentProps(inputs, title, description, "page-tag", {
        feeds: [...feedLinks(page.tag.label, routes.tagFeeds(page.tag.slug)), ...feedLinks(site.name, routes.siteFeeds())],
      })}
    >
      <main id="main" tabindex={-1} class="layout-listing" data-component="tag-page" data-tag={page.tag.slug}>
        <p class="kicker"><a href="/tags/">Topics</a></p>
        <h1 class="listing__title">{title}</h1>
        {count === undefined ? null : <p class="listing__count">{count}</p>}
        <ul class="card-grid">
          {page.items.map((article) => (
            <li><ArticleCard article={article} locale={site.language} timeZone={site.timeZone} headingLevel={2} /></li>
          ))}
        </ul>
        <Pagination label={`${page.tag.label} pages`} {...page} />
      </main>
    </Document>
  );
}
