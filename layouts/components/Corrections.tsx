/** @jsxRuntime automatic @jsxImportSource preact */
import type { Correction } from "../../src/content/model.ts";
import { Time } from "./Time.tsx";

export type CorrectionsProps = { corrections: readonly Correction[]; locale: string; timeZone: string };

/** Corrections and updates at the end of the article, oldest first, each with its time. */
export function Corrections({ corrections, locale, timeZone }: CorrectionsProps) {
  if (corrections.length === 0) return null;
  return (
    <section class="corrections" data-component="corrections" aria-labelledby="corrections-heading">
      <h2 class="section-heading" id="corrections-heading">Corrections and updates</h2>
      <ol class="corrections__list">
        {corrections.map((correction) => (
          <li class="corrections__item">
            <Time date={correction.date} locale={locale} timeZone={timeZone} />
            <p>{correction.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
