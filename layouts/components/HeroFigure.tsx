/** @jsxRuntime automatic @jsxImportSource preact */
import type { Hero } from "../../src/content/model.ts";

export type HeroFigureProps = { hero: Hero };

/** The likely LCP element: loaded eagerly with high priority; width/height reserve its space. */
export function HeroFigure({ hero }: HeroFigureProps) {
  return (
    <figure class="hero" data-component="hero">
      <img src={hero.url} alt={hero.alt} width={hero.width} height={hero.height} fetchpriority="high" decoding="async" />
      <figcaption class="hero__caption">
        {hero.caption ? <span>{hero.caption} </span> : null}
        <span class="hero__credit">{hero.credit}</span>
      </figcaption>
    </figure>
  );
}
