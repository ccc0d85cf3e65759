/** @jsxRuntime automatic @jsxImportSource preact */
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/**
 * Served by hosts for unknown URLs: say so plainly and offer ways on. It
 * lists no stories, so that publishing one leaves it as it is.
 */
export function render(data: EleventyPageData) {
  return (
    <Document {...documentProps(data, "Page not found", "This page does not exist.", "page-not-found")}>
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Page not found</h1>
        <p class="not-found__text">
          We could not find that page. It may have moved, or the address may be mistyped. Try the <a href="/">front page</a>, the{" "}
          <a href="/news-feed/">news feed</a>, the list of <a href="/tags/">topics</a> or a <a href="/search/">search</a>.
        </p>
      </main>
    </Document>
  );
}
