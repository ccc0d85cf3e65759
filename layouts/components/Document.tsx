/** @jsxRuntime automatic @jsxImportSource preact */
import type { ComponentChildren } from "preact";
import type { SiteSettings } from "../../src/content/model.ts";
import type { PageMeta } from "../../src/discovery/page-meta.ts";
import { SITE_ICONS } from "../../src/discovery/brand-images.ts";
import { assetUrl, type AssetManifest } from "../../src/eleventy/static-assets.ts";
import { Masthead } from "./Masthead.tsx";
import { PromoBanner } from "./PromoBanner.tsx";
import { SeoHead } from "./SeoHead.tsx";
import { SiteFooter } from "./SiteFooter.tsx";

export type DocumentProps = {
  site: SiteSettings;
  meta: PageMeta;
  year: number;
  bodyClass: string;
  assets: AssetManifest;
  /** Extra elements for <head>: page-specific styles and scripts. */
  head?: ComponentChildren;
  children: ComponentChildren;
};

/** The HTML document around every page: head, skip link, promo, masthead, footer. */
export function Document({ site, meta, year, bodyClass, assets, head, children }: DocumentProps) {
  const fullTitle = meta.path === "/" ? site.name : `${meta.title} | ${site.name}`;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <SeoHead site={site} meta={meta} fullTitle={fullTitle} />
        <link rel="icon" href={SITE_ICONS.ico} sizes="32x32" />
        <link rel="icon" href={SITE_ICONS.svg} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={SITE_ICONS.appleTouch} />
        <link rel="stylesheet" href={assetUrl(assets, "/css/site.css")} />
        <script type="module" src={assetUrl(assets, "/js/newsletter.js")}></script>
        <script type="module" src={assetUrl(assets, "/js/fresh-news.js")}></script>
        <script type="module" src={assetUrl(assets, "/js/sections-nav.js")}></script>
        {head}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">Skip to content</a>
        {site.promo ? <PromoBanner promo={site.promo} /> : null}
        <Masthead site={site} currentUrl={meta.path} />
        {children}
        <SiteFooter site={site} year={year} />
      </body>
    </html>
  );
}
