/** @jsxRuntime automatic @jsxImportSource preact */
import type { SiteSettings } from "../../src/content/model.ts";
import { routes, siteLinkUrl } from "../../src/content/routes.ts";
import { renderedOnce } from "../../src/pages/rendered-once.ts";

export type MastheadProps = { site: SiteSettings; currentUrl: string };

/** The same on every page but those its links lead to: rendered once per site and current section. */
export function Masthead({ site, currentUrl }: MastheadProps) {
  const links = [
    { label: "Home", url: routes.home() },
    { label: "News feed", url: routes.newsFeed() },
    ...site.navigation.map((item) => ({ label: item.label, url: siteLinkUrl(item) })),
    { label: "Topics", url: routes.tagIndex() },
  ];
  const current = links.some((link) => link.url === currentUrl) ? currentUrl : "";
  return renderedOnce(site, `masthead|${current}`, () => renderMasthead(site, links, current));
}

function renderMasthead(site: SiteSettings, links: readonly { label: string; url: string }[], currentUrl: string) {
  return (
    <header class="masthead" data-component="masthead">
      <div class="masthead__inner">
        <a class="masthead__name" href={routes.home()}>{site.name}</a>
        {site.tagline ? <p class="masthead__tagline">{site.tagline}</p> : null}
        <form class="masthead__search" role="search" action={routes.search()} method="get" data-component="site-search">
          <label class="visually-hidden" for="site-search-query">Search the news</label>
          <input id="site-search-query" class="masthead__search-input" type="search" name="q" placeholder="Search" autocomplete="off" />
          <button class="masthead__search-button" type="submit">Search</button>
        </form>
      </div>
      <nav class="sections" aria-label="Sections">
        <ul class="sections__list">
          {links.map((link) => (
            <li>
              <a href={link.url} aria-current={link.url === currentUrl ? "page" : undefined}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
