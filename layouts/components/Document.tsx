/** @jsxRuntime automatic @jsxImportSource preact */
import type { ComponentChildren } from "preact";
import type { SiteSettings } from "../../src/content/model.ts";
import { Masthead } from "./Masthead.tsx";
import { PromoBanner } from "./PromoBanner.tsx";
import { SiteFooter } from "./SiteFooter.tsx";

export type DocumentProps = {
  site: SiteSettings;
  /** The page's own title; the site name is appended. */
  title: string;
  description: string;
  url: string;
  year: number;
  bodyClass: string;
  /** Extra elements for <head>: page-specific styles, scripts, metadata. */
  head?: ComponentChildren;
  children: ComponentChildren;
};

/** The HTML document around every page: head, skip link, promo, masthead, footer. */
export function Document({ site, title, description, url, year, bodyClass, head, children }: DocumentProps) {
  const fullTitle = url === "/" ? site.name : `${title} | ${site.name}`;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <link rel="stylesheet" href="/css/site.css" />
        <script type="module" src="/js/newsletter.js"></script>
        {head}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">Skip to content</a>
        {site.promo ? <PromoBanner promo={site.promo} /> : null}
        <Masthead site={site} currentUrl={url} />
        {children}
        <SiteFooter site={site} year={year} />
      </body>
    </html>
  );
}
