/** @jsxRuntime automatic @jsxImportSource preact */
import type { StandalonePage } from "../src/content/model.ts";
import { ArticleBody } from "./components/ArticleBody.tsx";
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/** A standalone page (About, Support us, Corrections policy): a headline and the body, searchable like an article. */
export function render(data: EleventyPageData & { standalonePage: StandalonePage }) {
  const page = data.standalonePage;
  const description = page.description ?? `${page.title}: ${data.newsroom.site.name}`;
  return (
    <Document {...documentProps(data, page.title, description, "page-standalone")}>
      <main id="main" tabindex={-1} class="layout-page">
        <article class="standalone" data-component="standalone-page" data-pagefind-body>
          <h1 class="standalone__title">{page.title}</h1>
          {page.description ? <p class="standalone__description">{page.description}</p> : null}
          <ArticleBody html={page.bodyHtml} />
        </article>
      </main>
    </Document>
  );
}
