/** @jsxRuntime automatic @jsxImportSource preact */
import { Document } from "./components/Document.tsx";
import { documentProps, type EleventyPageData } from "./page-data.ts";

/** The newsroom's people and desks. */
export function render(data: EleventyPageData) {
  const { site, authorGroups } = data.newsroom;
  const people = authorGroups.filter((group) => !group.author.isDesk);
  const desks = authorGroups.filter((group) => group.author.isDesk);
  const section = (heading: string, groups: typeof authorGroups) =>
    groups.length === 0 ? null : (
      <section aria-labelledby={`authors-${heading.toLowerCase()}`}>
        <h2 class="section-heading" id={`authors-${heading.toLowerCase()}`}>{heading}</h2>
        <ul class="author-index">
          {groups.map(({ author, articles }) => (
            <li>
              <a href={author.url}>{author.name}</a>
              {author.role ? <span class="author-index__role">{author.role}</span> : null}
              <span class="author-index__count">{articles.length} {articles.length === 1 ? "story" : "stories"}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <Document {...documentProps(data, "Our journalists", `The journalists and desks of ${site.name}.`, "page-author-index")}>
      <main id="main" tabindex={-1} class="layout-listing">
        <h1 class="listing__title">Our journalists</h1>
        {section("Journalists", people)}
        {section("Desks", desks)}
      </main>
    </Document>
  );
}
