/** @jsxRuntime automatic @jsxImportSource preact */
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/** Every tag with its number of stories, most used first. */
export function render(data: EleventyPageData) {
  const { site, tagGroups } = data.newsroom;
  return (
    <Document {...documentProps(data, "Topics", `Every topic covered by ${site.name}.`, "page-tag-index")}>
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Topics</h1>
        <ul class="tag-index" data-component="tag-index">
          {tagGroups.map(({ tag, articles }) => (
            <li>
              <a class="chip" href={tag.url}>{tag.label} <span class="chip__count" data-component="tag-count">{articles.length}</span></a>
            </li>
          ))}
        </ul>
      </main>
    </Document>
  );
}
