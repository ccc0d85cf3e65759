/** @jsxRuntime automatic @jsxImportSource preact */
import { routes } from "../src/content/routes.ts";
import { assetUrl } from "../src/eleventy/static-assets.ts";
import { LIVE_PATH } from "../src/search/bundle-manifest.ts";
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/**
 * Search over the site's Pagefind bundles, with our own UI
 * (public/js/search.js): this page holds its markup, hidden until the
 * script shows it; the script fills in results and filters, as text only.
 * data-bundle is the live bundle, whose bundles.json lists the archives to
 * merge (src/search/bundle-manifest.ts): the page does not change when they
 * do. Without JavaScript the page says so and offers the topic index instead.
 */
export function render(data: EleventyPageData) {
  const { site } = data.newsroom;
  return (
    <Document
      {...documentProps(data, "Search", `Search every story published by ${site.name}.`, "page-search")}
      head={<script type="module" src={assetUrl(data.assets, "/js/search.js")}></script>}
    >
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Search</h1>
        <div
          id="search"
          class="search"
          data-component="search"
          data-bundle={LIVE_PATH}
          data-time-zone={site.timeZone}
        >
          <noscript>
            <p class="search__no-js">
              Search needs JavaScript, which is switched off in your browser. You can browse{" "}
              <a href={routes.tagIndex()}>every topic</a> or the <a href={routes.newsFeed()}>news feed</a> instead.
            </p>
          </noscript>
          <div class="search__ui" hidden>
            <form class="search__form" role="search" aria-label="Stories" action={routes.search()} method="get">
              <label class="search__label" for="search-query">Search every story</label>
              <div class="search__row">
                <input id="search-query" class="search__input" type="search" name="q" autocomplete="off" spellcheck={false} />
                <button class="search__button" type="submit">Search</button>
              </div>
            </form>
            <p id="search-status" class="search__status" role="status"></p>
            <div id="search-tools" class="search__tools" hidden>
              <details id="search-filters" class="search__filters">
                <summary class="search__filters-summary">
                  Filter results <span id="search-filter-count" class="search__filter-count"></span>
                </summary>
                <div class="search__filter-groups">
                  <fieldset class="search__filter-group" data-filter="author">
                    <legend class="search__legend">Author</legend>
                    <ul class="search__options"></ul>
                  </fieldset>
                  <fieldset class="search__filter-group" data-filter="tag">
                    <legend class="search__legend">Topic</legend>
                    <ul class="search__options"></ul>
                  </fieldset>
                </div>
                <button id="search-clear" class="search__clear" type="button" hidden>
                  Clear filters
                </button>
              </details>
              <p class="search__sort">
                <label for="search-sort">Sort by</label>{" "}
                <select id="search-sort" class="search__select" name="sort">
                  <option value="">Best match</option>
                  <option value="newest">Newest first</option>
                </select>
              </p>
            </div>
            <ol id="search-results" class="search__results"></ol>
            <button id="search-more" class="search__more" type="button" hidden>
              Show more results
            </button>
          </div>
        </div>
      </main>
    </Document>
  );
}
