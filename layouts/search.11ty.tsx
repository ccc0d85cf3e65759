/** @jsxRuntime automatic @jsxImportSource preact */
import { routes } from "../src/content/routes.ts";
import { assetUrl } from "../src/eleventy/static-assets.ts";
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/**
 * Search with Pagefind's UI (indexes written at the end of the build; a large
 * archive has several, listed in data-merge-index). Without JavaScript the
 * page says so and offers the topic index instead.
 */
export function render(data: EleventyPageData) {
  const { site, searchShards } = data.newsroom;
  // The primary bundle is /pagefind/; older articles' indexes are merged into its results.
  const archives = searchShards.slice(1).map((shard) => shard.bundlePath);
  return (
    <Document
      {...documentProps(data, "Search", `Search every story published by ${site.name}.`, "page-search")}
      head={
        <>
          <link rel="stylesheet" href="/pagefind/pagefind-ui.css" />
          <script src="/pagefind/pagefind-ui.js" defer></script>
          <script src={assetUrl(data.assets, "/js/search.js")} defer></script>
        </>
      }
    >
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Search</h1>
        <div id="search" class="search" data-component="search" data-merge-index={archives.length > 0 ? archives.join(" ") : undefined}>
          <noscript>
            <p class="search__no-js">
              Search needs JavaScript, which is switched off in your browser. You can browse{" "}
              <a href={routes.tagIndex()}>every topic</a> or the <a href={routes.newsFeed()}>news feed</a> instead.
            </p>
          </noscript>
        </div>
      </main>
    </Document>
  );
}
