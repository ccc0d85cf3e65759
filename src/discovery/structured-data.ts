import type { Article, Author, AuthorRef, SiteSettings } from "../content/model.ts";
import { routes } from "../content/routes.ts";
import { absoluteUrl } from "../feeds/absolute-urls.ts";
import { isoInZone } from "../format/dates.ts";
import { PUBLISHER_LOGO, SITE_CARD } from "./brand-images.ts";

/** schema.org JSON-LD objects: plain data, rendered by layouts/components/JsonLd.tsx. */
export type JsonLd = Record<string, unknown>;

export interface CroppedImage {
  url: string;
  width: number;
  height: number;
}

function publisher(site: SiteSettings): JsonLd {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: absoluteUrl(site.baseUrl, routes.home()),
    logo: { "@type": "ImageObject", url: absoluteUrl(site.baseUrl, PUBLISHER_LOGO.url), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
  };
}

function agent(author: AuthorRef, site: SiteSettings): JsonLd {
  // A desk ("News desk") is an organisation, not a person.
  return { "@type": author.isDesk ? "Organization" : "Person", name: author.name, url: absoluteUrl(site.baseUrl, author.url) };
}

/** The hero's crops as ImageObjects, each credited to the photographer; the site's card for a text-only article. */
function articleImages(article: Article, site: SiteSettings, images: readonly CroppedImage[]): JsonLd[] {
  const { hero } = article;
  if (!hero || images.length === 0) {
    return [{ "@type": "ImageObject", url: absoluteUrl(site.baseUrl, SITE_CARD.url), width: SITE_CARD.width, height: SITE_CARD.height }];
  }
  const caption = hero.caption ?? hero.alt;
  return images.map((image) => ({
    "@type": "ImageObject",
    url: absoluteUrl(site.baseUrl, image.url),
    width: image.width,
    height: image.height,
    ...(caption ? { caption } : {}),
    ...(hero.credit ? { creditText: hero.credit, creator: { "@type": "Person", name: hero.credit } } : {}),
  }));
}

/**
 * NewsArticle for an article page. `images` are the hero's crops (16:9, 4:3,
 * 1:1 where the image pipeline made them).
 */
export function newsArticleJsonLd(article: Article, site: SiteSettings, images: readonly CroppedImage[]): JsonLd {
  const url = absoluteUrl(site.baseUrl, article.url);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.dek,
    image: articleImages(article, site, images),
    datePublished: isoInZone(article.publishedAt, site.timeZone),
    dateModified: isoInZone(article.updatedAt ?? article.publishedAt, site.timeZone),
    author: article.authors.map((author) => agent(author, site)),
    publisher: publisher(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(article.tags[0] ? { articleSection: article.tags[0].label } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.label) } : {}),
    wordCount: article.wordCount,
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            "@type": "CorrectionComment",
            text: correction.text,
            datePublished: isoInZone(correction.date, site.timeZone),
          })),
        }
      : {}),
    ...(article.audio
      ? {
          audio: {
            "@type": "AudioObject",
            contentUrl: absoluteUrl(site.baseUrl, article.audio.url),
            encodingFormat: article.audio.mimeType,
            description: article.audio.disclosure,
          },
        }
      : {}),
  };
}

/** ProfilePage for an author's or a desk's page. */
export function profilePageJsonLd(author: Author, site: SiteSettings): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(site.baseUrl, author.url),
    mainEntity: {
      ...agent(author, site),
      ...(author.role ? (author.isDesk ? { description: author.role } : { jobTitle: author.role }) : {}),
      ...(author.photo ? { image: absoluteUrl(site.baseUrl, author.photo.url) } : {}),
      ...(author.isDesk ? {} : { worksFor: { "@type": "NewsMediaOrganization", name: site.name } }),
    },
  };
}

/** WebSite for the home page, with the site search as a SearchAction. */
export function webSiteJsonLd(site: SiteSettings): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: absoluteUrl(site.baseUrl, routes.home()),
    inLanguage: site.language,
    publisher: publisher(site),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(site.baseUrl, routes.search())}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}
