import type { Article, ResponsiveImage } from "../content/model.ts";
import { SITE_CARD } from "./brand-images.ts";
import type { CroppedImage } from "./structured-data.ts";

/** The article's Open Graph / Twitter image: the hero's 1200x630 focal crop, or the site's card for a text-only article. */
export function socialImage(article: Article): CroppedImage & { alt?: string } {
  const { hero } = article;
  if (!hero) return SITE_CARD;
  return hero.alt ? { ...hero.social, alt: hero.alt } : hero.social;
}

/** The largest JPEG of a responsive image: the one every crawler can read. */
export function largestJpeg(image: ResponsiveImage): CroppedImage {
  const jpeg = image.sources.find((source) => source.format === "jpeg");
  const largest = jpeg?.candidates[jpeg.candidates.length - 1];
  return largest ?? { url: image.url, width: image.width, height: image.height };
}

/**
 * The hero images offered to search engines in NewsArticle.image: 16:9, 4:3
 * and 1:1 crops framed around the editor's focal point.
 */
export function heroCrops(article: Article): CroppedImage[] {
  return article.hero?.searchCrops ?? [];
}
