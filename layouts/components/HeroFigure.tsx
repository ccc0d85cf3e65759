/** @jsxRuntime automatic @jsxImportSource preact */
import type { Hero } from "../../src/content/model.ts";
import { Picture } from "./Picture.tsx";

export type HeroFigureProps = { hero: Hero };

/**
 * The hero's slot, from public/css/site.css: full bleed on phones; the page
 * less its gutters (4vw, at most 2rem each) up to 62.5em; beside the 19rem side
 * column and its gap after that; 50rem once the page stops growing (76em).
 */
export const HERO_SIZES =
  "(max-width: 35.99em) 100vw, (max-width: 49.99em) 92vw, (max-width: 62.49em) calc(100vw - 4rem), (max-width: 75.99em) calc(96vw - 23rem), 50rem";

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
