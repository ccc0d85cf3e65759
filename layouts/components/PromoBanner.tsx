/** @jsxRuntime automatic @jsxImportSource preact */
import type { SiteSettings } from "../../src/content/model.ts";

export type PromoBannerProps = { promo: NonNullable<SiteSettings["promo"]> };

export function PromoBanner({ promo }: PromoBannerProps) {
  return (
    <aside class="promo" data-component="promo-banner" aria-label="Announcement">
      <p class="promo__inner">
        <span class="promo__text">{promo.text}</span> <a class="promo__link" href={promo.url}>{promo.linkText}</a>
      </p>
    </aside>
  );
}
