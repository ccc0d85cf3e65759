import type { Article, Hero, ResponsiveImage } from "../content/model.ts";
import { SEARCH_IMAGE_MINIMUM_PIXELS, SOCIAL_CARD_MINIMUM } from "../images/image-options.ts";
import { SITE_CARD } from "./brand-images.ts";
import type { CroppedImage } from "./structured-data.ts";

/**
 * The article's Open Graph / Twitter image: the hero's 1200x630 focal crop,
 * or the site's card for a text-only article and for a hero too small for
 * the networks to show (SOCIAL_CARD_MINIMUM).
 */
export function socialImage(article: Article): CroppedImage & { alt?: string } {
  const { hero } = article;
  if (!hero || !isLargeEnoughForSocialCards(hero.social)) return SITE_CARD;
  return hero.alt ? { ...hero.social, alt: hero.alt } : hero.social;
}

export function isLargeEnoughForSocialCards(image: CroppedImage): boolean {
  return image.width >= SOCIAL_CARD_MINIMUM.width && image.height >= SOCIAL_CARD_MINIMUM.height;
}

/**
 * The largest JPEG of a responsive image: the one every crawler can read. A
 * hero with no JPEG (an SVG, an animation) gives its JPEG social card.
 */
export function largestJpeg(image: ResponsiveImage | Hero): CroppedImage {
  const jpeg = image.sources.find((source) => source.format === "jpeg");
  const largest = jpeg?.candidates[jpeg.candidates.length - 1];
  if (largest) return largest;
  return "social" in image ? image.social : { url: image.url, width: image.width, height: image.height };
}

/**
 * The hero images offered to search engines in NewsArticle.image: 16:9, 4:3
 * and 1:1 crops framed around the editor's focal point, those large enough
 * for Google (none: the structured data falls back to the site's card).
 */
export function heroCrops(article: Article): CroppedImage[] {
  return (article.hero?.searchCrops ?? []).filter((crop) => crop.width * crop.height >= SEARCH_IMAGE_MINIMUM_PIXELS);
}
