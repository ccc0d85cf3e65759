/** @jsxRuntime automatic @jsxImportSource preact */
import type { AuthorGroup } from "../src/collections/by-author.ts";
import type { ArticleSummary } from "../src/content/model.ts";
import { ArticleCard } from "./components/ArticleCard.tsx";
import { Document } from "./components/Document.tsx";
import { routes } from "../src/content/routes.ts";
import { feedLinks } from "../src/discovery/page-meta.ts";
import { profilePageJsonLd } from "../src/discovery/structured-data.ts";
import { documentProps } from "./page-data.ts";
import { authorPageInputs, type AuthorPageInputs, type EleventyPageData } from "../src/pages/page-inputs.ts";

export function render(data: EleventyPageData & { authorGroup: AuthorGroup }) {
  return renderAuthorPage(authorPageInputs(data));
}

/** An author's or desk's page: who they are and everything they wrote. */
function renderAuthorPage(inputs: AuthorPageInputs) {
  const { site } = inputs;
  const { author, articles } = inputs.authorGroup;
  const description = author.role ? `${author.name}, ${author.role} at ${site.name}.` : `${author.name} at ${site.name}.`;
  return (
    <Document
      {...documentProps(inputs, author.name, description, "page-author", {
        type: "profile",
        ...(author.photo ? { image: { url: author.photo.url, width: author.photo.width, height: author.photo.height, alt: author.photo.alt } } : {}),
        feeds: [...feedLinks(author.name, routes.authorFeeds(author.id)), ...feedLinks(site.name, routes.siteFeeds())],
        jsonLd: [profilePageJsonLd(author, site)],
      })}
    >
      <main id="main" tabindex={-1} class="layout-listing" data-component="author-page" data-author={author.id}>
        <header class="author-header">
          {author.photo ? <img class="author-header__photo" src={author.photo.url} alt={author.photo.alt} width={author.photo.width} height={author.photo.height} /> : null}
          <div>
            <p class="kicker"><a href="/authors/">{author.isDesk ? "Desks" : "Journalists"}</a></p>
            <h1 class="listing__title">{author.name}</h1>
            {author.role ? <p class="author-header__role">{author.role}</p> : null}
            <div class="author-header__bio" dangerouslySetInnerHTML={{ __html: author.bioHtml /* sanitised by the pipeline */ }} />
          </div>
        </header>
        <h2 class="section-heading">Latest from {author.name}</h2>
        {articles.length === 0 ? <p class="empty-state">Nothing published yet.</p> : null}
        <ul class="card-grid">
          {articles.map((article) => (
            <li><ArticleCard article={article} locale={site.language} timeZone={site.timeZone} /></li>
          ))}
        </ul>
      </main>
    </Document>
  );
}
