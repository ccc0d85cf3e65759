/** @jsxRuntime automatic @jsxImportSource preact */
import { ArticleList } from "./components/ArticleList.tsx";
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/** Served by hosts for unknown URLs: say so plainly and offer ways on. */
export function render(data: EleventyPageData) {
  const { site, latest } = data.newsroom;
  return (
    <Document {...documentProps(data, "Page not found", "This page does not exist.", "page-not-found")}>
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Page not found</h1>
        <p class="not-found__text">
          We could not find that page. It may have moved, or the address may be mistyped. Try the <a href="/">front page</a>, the{" "}
          <a href="/news-feed/">news feed</a> or the list of <a href="/tags/">topics</a>.
        </p>
        <ArticleList id="latest-news" heading="Latest news" articles={latest.slice(0, 4)} locale={site.language} timeZone={site.timeZone} />
      </main>
    </Document>
  );
}
