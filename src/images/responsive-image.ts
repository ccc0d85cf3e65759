import type { HeroFrontmatter } from "../content/article-schema.ts";
import type { Hero, ImageSource, ResponsiveImage } from "../content/model.ts";
import type { ImagePipeline, SourceImage } from "./image-pipeline.ts";
import { FORMATS, SEARCH_CROP_SIZES, SOCIAL_SIZE, type ImageSettings } from "./image-options.ts";
import { parseFocus } from "../content/focus.ts";
import { CENTER, cssPosition, fallbackWidth, focalCrop, focusInCrop, type PlannedRendition, type PlannedSource } from "./planner.ts";

/**
 * Plans into model data: what the layouts receive. Encoding is queued by the
 * pipeline as a side effect of planning; the data is valid once
 * `pipeline.finish()` reports no failure.
 */

/**
 * The fallback `<img src>`: the JPEG (an animation's GIF) nearest 800 px wide
 * without going over, else the smallest; an SVG's one file.
 */
function fallbackUrl(plan: PlannedRendition): string {
  const fallback = plan.sources.find((source) => source.format === "jpeg" || source.format === "gif" || source.format === "svg") ?? plan.sources[plan.sources.length - 1]!;
  const width = fallbackWidth(fallback.candidates.map((candidate) => candidate.width));
  return fallback.candidates.find((candidate) => candidate.width === width)!.url;
}

/** What `<source>` and srcset offer: every raster format; an SVG is the `<img src>` alone. */
function isOffered(source: PlannedSource): source is PlannedSource & { format: ImageSource["format"] } {
  return source.format !== "svg";
}

export function responsiveImage(plan: PlannedRendition, alt: string, position: string): ResponsiveImage {
  plan.offered ??= {
    sources: plan.sources.filter(isOffered).map((source) => ({
      format: source.format,
      mimeType: source.mimeType,
      candidates: source.candidates.map(({ url, width, height }) => ({ url, width, height })),
    })),
    fallbackUrl: fallbackUrl(plan),
  };
  return { url: plan.offered.fallbackUrl, width: plan.width, height: plan.height, alt, sources: plan.offered.sources, position };
}

/** The hero, its square thumbnail and its social card; the last two cropped around `hero.focus`. */
export function planHero(images: ImagePipeline, source: SourceImage, frontmatter: HeroFrontmatter, settings: ImageSettings): Hero {
  const focus = (frontmatter.focus ? parseFocus(frontmatter.focus) : undefined) ?? CENTER;
  // What depends on the photo and its focus alone is one object for every article showing it (see
  // ImagePipeline.shared): planned again for each article, it took a second at 100,000 articles.
  const shown = images.shared(`hero|${source.hash}|${focus.x},${focus.y}|${settings.widths.join(",")}|${settings.thumbnailWidths.join(",")}`, () => {
    const square = focalCrop(source.width, source.height, 1, focus);
    const thumbnail = responsiveImage(
      images.rendition(source, { widths: settings.thumbnailWidths, formats: FORMATS, crop: square }),
      "",
      cssPosition(focusInCrop(focus, square, source.width, source.height)),
    );
    return {
      image: responsiveImage(images.rendition(source, { widths: settings.widths, formats: FORMATS }), "", cssPosition(focus)),
      thumbnail,
      social: images.fixedSize(source, SOCIAL_SIZE, "jpeg", focus),
      searchCrops: SEARCH_CROP_SIZES.map((size) => images.fixedSize(source, size, "jpeg", focus)),
    };
  });
  void images.placeholder(source); // starts it now; filled in once loading is done
  const { image } = shown;
  // Each article's own object: its alt text and caption are its own, and its placeholder is set on it later.
  return {
    url: image.url,
    width: image.width,
    height: image.height,
    alt: frontmatter.alt ?? "",
    sources: image.sources,
    position: image.position,
    ...(frontmatter.caption ? { caption: frontmatter.caption } : {}),
    ...(frontmatter.credit ? { credit: frontmatter.credit } : {}),
    thumbnail: shown.thumbnail,
    social: shown.social,
    searchCrops: shown.searchCrops,
  };
}
