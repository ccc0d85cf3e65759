/** @jsxRuntime automatic @jsxImportSource preact */
import type { SiteSettings } from "../../src/content/model.ts";
import { routes, siteLinkUrl } from "../../src/content/routes.ts";
import { renderedOnce } from "../../src/pages/rendered-once.ts";

export type SiteFooterProps = { site: SiteSettings; year: number };

/** The same on every page: rendered once per site and year. */
export function SiteFooter({ site, year }: SiteFooterProps) {
  return renderedOnce(site, `footer|${year}`, () => renderSiteFooter({ site, year }));
}

function renderSiteFooter({ site, year }: SiteFooterProps) {
  return (
    <footer class="site-footer" data-component="footer">
      <div class="site-footer__inner">
        <p class="site-footer__name">{site.name}</p>
        {site.tagline ? <p>{site.tagline}</p> : null}
        <ul class="site-footer__links">
          <li><a href={routes.newsFeed()}>News feed</a></li>
          <li><a href={routes.tagIndex()}>All topics</a></li>
          <li><a href={routes.authorIndex()}>Our journalists</a></li>
          {site.footerLinks.map((link) => (
            <li><a href={siteLinkUrl(link)}>{link.label}</a></li>
          ))}
        </ul>
        <p class="site-footer__copy">© {year} {site.name}</p>
      </div>
    </footer>
  );
}
