/** @jsxRuntime automatic @jsxImportSource preact */
import type { SiteSettings } from "../../src/content/model.ts";
import { renderedOnce } from "../../src/pages/rendered-once.ts";

export type PromoBannerProps = { promo: NonNullable<SiteSettings["promo"]> };

/** The same on every page: rendered once per promo. */
export function PromoBanner({ promo }: PromoBannerProps) {
  return renderedOnce(promo, "promo", () => renderPromoBanner({ promo }));
}

function renderPromoBanner({ promo }: PromoBannerProps) {
  return (
    <aside class="promo" data-component="promo-banner" aria-label="Announcement">
      <p class="promo__inner">
        <span class="promo__text">{promo.text}</span> <a class="promo__link" href={promo.url}>{promo.linkText}</a>
      </p>
    </aside>
  );
}
