/** @jsxRuntime automatic @jsxImportSource preact */
import type { Newsletter } from "../../src/content/model.ts";
import { renderedOnce } from "../../src/pages/rendered-once.ts";

export type NewsletterSignupProps = { newsletters: readonly Newsletter[] };

/**
 * One real form per newsletter, posting to the provider: it works without
 * JavaScript. public/js/newsletter.js adds inline validation and a success
 * message announced through the status region. The same on every article
 * page: rendered once per list of newsletters.
 */
export function NewsletterSignup({ newsletters }: NewsletterSignupProps) {
  if (newsletters.length === 0) return null;
  return renderedOnce(newsletters, "newsletters", () => renderNewsletterSignup({ newsletters }));
}

function renderNewsletterSignup({ newsletters }: NewsletterSignupProps) {
  return (
    <section class="newsletters" data-component="newsletters" aria-labelledby="newsletters-heading">
      <h2 class="section-heading" id="newsletters-heading">Newsletters</h2>
      <ul class="newsletters__list">
        {newsletters.map((newsletter) => {
          const id = `newsletter-${newsletter.id}`;
          return (
            <li class="newsletter" data-component="newsletter">
              <form class="newsletter__form" method="post" action={newsletter.action} data-newsletter={newsletter.id}>
                <h3 class="newsletter__name" id={`${id}-name`}>{newsletter.name}</h3>
                <p class="newsletter__description" id={`${id}-description`}>{newsletter.description}</p>
                <label class="newsletter__label" for={`${id}-email`}>Email address</label>
                <div class="newsletter__row">
                  <input
                    class="newsletter__input"
                    id={`${id}-email`}
                    name="email"
                    type="email"
                    autocomplete="email"
                    required
                    aria-describedby={`${id}-description ${id}-message`}
                  />
                  <button class="newsletter__button" type="submit" aria-describedby={`${id}-name`}>Sign up</button>
                </div>
                <p class="newsletter__message" id={`${id}-message`} role="status" aria-live="polite"></p>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
