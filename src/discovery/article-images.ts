import type { Article } from "../content/model.ts";
import type { CroppedImage } from "./structured-data.ts";

/** The article's Open Graph / Twitter image: the hero itself. */
export function socialImage(article: Article): CroppedImage {
  return { url: article.hero.url, width: article.hero.width, height: article.hero.height };
}

/** The hero images offered to search engines in NewsArticle.image. */
export function heroCrops(article: Article): CroppedImage[] {
  return [socialImage(article)];
}
