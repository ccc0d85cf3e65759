/** @jsxRuntime automatic @jsxImportSource preact */
import type { SiteSettings } from "../../src/content/model.ts";
import type { PageMeta } from "../../src/discovery/page-meta.ts";
import { absoluteUrl } from "../../src/feeds/absolute-urls.ts";
import { isoInZone } from "../../src/format/dates.ts";
import { JsonLd } from "./JsonLd.tsx";

export type SeoHeadProps = { site: SiteSettings; meta: PageMeta; fullTitle: string };

/** Canonical URL, description, Open Graph, Twitter card, feed links and JSON-LD. */
export function SeoHead({ site, meta, fullTitle }: SeoHeadProps) {
  const url = absoluteUrl(site.baseUrl, meta.path);
  const image = absoluteUrl(site.baseUrl, meta.image.url);
  const iso = (date: Date) => isoInZone(date, site.timeZone);
  return (
    <>
      <meta name="description" content={meta.description} />
      <meta name="robots" content="max-image-preview:large" />
      <link rel="canonical" href={url} />
      {meta.feeds.map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.url} />
      ))}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content={site.language.replace("-", "_")} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={image} />
      <meta property="og:image:width" content={String(meta.image.width)} />
      <meta property="og:image:height" content={String(meta.image.height)} />
      <meta property="og:image:alt" content={meta.image.alt} />
      {meta.article ? (
        <>
          <meta property="article:published_time" content={iso(meta.article.publishedAt)} />
          <meta property="article:modified_time" content={iso(meta.article.updatedAt ?? meta.article.publishedAt)} />
          {meta.article.authorUrls.map((authorUrl) => (
            <meta property="article:author" content={absoluteUrl(site.baseUrl, authorUrl)} />
          ))}
          {meta.article.section ? <meta property="article:section" content={meta.article.section} /> : null}
          {meta.article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
        </>
      ) : null}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={meta.title === site.name ? fullTitle : meta.title} />
      <meta name="twitter:description" content={meta.description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={meta.image.alt} />
      {meta.jsonLd.map((data) => (
        <JsonLd data={data} />
      ))}
    </>
  );
}
