/** @jsxRuntime automatic @jsxImportSource preact */
import type { Hero } from "../../src/content/model.ts";
import { Picture } from "./Picture.tsx";

export type HeroFigureProps = { hero: Hero };

/**
 * The hero's slot, from public/css/site.css: full bleed on phones; then the
 * article's column (--measure, 42rem), or less where the page is narrower: the
 * page less its 4vw gutters up to 45.65em; beside the 19rem side column and its
 * 4vw gap from 62.5em until the column reaches 42rem (67.7em).
 */
export const HERO_SIZES =
  "(max-width: 35.99em) 100vw, (max-width: 45.64em) 92vw, (max-width: 62.49em) 42rem, (max-width: 67.7em) calc(96vw - 23rem), 42rem";

/** The likely LCP element: loaded eagerly with high priority over a blurred preview; width/height reserve its space. */
export function HeroFigure({ hero }: HeroFigureProps) {
  return (
    <figure class="hero" data-component="hero">
      <Picture image={hero} sizes={HERO_SIZES} pictureClass="hero__picture" imgClass="hero__image" priority="eager" hasPlaceholder />
      {hero.caption || hero.credit ? (
        <figcaption class="hero__caption">
          {hero.caption ? <span>{hero.caption} </span> : null}
          {hero.credit ? <span class="hero__credit">{hero.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
