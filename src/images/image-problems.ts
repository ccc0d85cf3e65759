import type { SourceImage } from "./image-pipeline.ts";

/**
 * Problems of an image that decodes fine but should not be published as it
 * is, as plain data: the loader places them (file, line, column) where the
 * image is used. Pure functions of the inspected source.
 */
export interface ImageProblem {
  severity: "error" | "warning";
  message: string;
  hint: string;
  ruleId: "images/hero-too-small" | "images/hero-low-resolution" | "images/svg-sanitized";
}

/**
 * The widest a hero is shown, in CSS pixels: HERO_SIZES in
 * layouts/components/HeroFigure.tsx (public/css/site.css) gives the slot as
 * the article's column, 42rem (672 px), and never wider on any screen (phones
 * show it full bleed, narrower than that). A test holds the two together.
 */
export const HERO_DISPLAY_WIDTH = 672;
/** Below this width an image is no hero: a tracking pixel, an icon or a placeholder. */
export const HERO_MINIMUM_SIZE = 200;
/** Nor below this height: a strip, a rule, a spacer (a 2:1 picture 200 px wide is 100 px tall). */
export const HERO_MINIMUM_HEIGHT = 100;

/** What a hero's size means for readers: an error under HERO_MINIMUM_SIZE, a warning under HERO_DISPLAY_WIDTH. An SVG has no pixels to lack. */
export function heroSizeProblems(source: Pick<SourceImage, "width" | "height" | "kind">): ImageProblem[] {
  if (source.kind === "vector") return [];
  const { width, height } = source;
  if (width <= 1 && height <= 1) {
    return [{
      severity: "error",
      message: `hero is ${width}x${height} px: a tracking pixel or a placeholder, not a picture`,
      hint: "use the real photo, or leave hero: out for a text-only brief",
      ruleId: "images/hero-too-small",
    }];
  }
  if (width < HERO_MINIMUM_SIZE || height < HERO_MINIMUM_HEIGHT) {
    return [{
      severity: "error",
      message: `hero is ${width}x${height} px; a hero must be at least ${HERO_MINIMUM_SIZE} px wide and ${HERO_MINIMUM_HEIGHT} px tall`,
      hint: "use a larger photo, put a small picture in the body instead, or leave hero: out for a text-only brief",
      ruleId: "images/hero-too-small",
    }];
  }
  if (width < HERO_DISPLAY_WIDTH) {
    return [{
      severity: "warning",
      message: `hero is ${width} px wide; the page shows heroes up to ${HERO_DISPLAY_WIDTH} px wide, so on large screens it is shown narrower than the column`,
      hint: `use a photo at least ${HERO_DISPLAY_WIDTH} px wide; ${HERO_DISPLAY_WIDTH * 2} px stays sharp on high-density screens too`,
      ruleId: "images/hero-low-resolution",
    }];
  }
  return [];
}

/** What sanitising an SVG took out, as one warning: the file is published without it. */
export function svgSanitizedProblems(source: Pick<SourceImage, "svgRemoved">, written: string): ImageProblem[] {
  if (source.svgRemoved.length === 0) return [];
  return [{
    severity: "warning",
    message: `"${written}": removed what a published picture may not contain: ${source.svgRemoved.join(", ")}`,
    hint: "it is published without them; if it looks wrong, export it again as plain SVG, without scripts, embedded HTML or linked files",
    ruleId: "images/svg-sanitized",
  }];
}

/** Everything to say about an image used as a hero. */
export function heroImageProblems(source: SourceImage, written: string): ImageProblem[] {
  return [...heroSizeProblems(source), ...svgSanitizedProblems(source, written)];
}

/** Everything to say about an image in a body (or an author's photo): shown at its own size, so its size is no problem. */
export function bodyImageProblems(source: SourceImage, written: string): ImageProblem[] {
  return svgSanitizedProblems(source, written);
}
