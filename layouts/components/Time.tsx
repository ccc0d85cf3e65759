/** @jsxRuntime automatic @jsxImportSource preact */
import { formatDateTime, isoInZone } from "../../src/format/dates.ts";

export type TimeProps = { date: Date; locale: string; timeZone: string; format?: (date: Date, locale: string, timeZone: string) => string };

/** `<time>` whose datetime carries the site zone's offset; the text is in the site's zone too. */
export function Time({ date, locale, timeZone, format = formatDateTime }: TimeProps) {
  return <time dateTime={isoInZone(date, timeZone)}>{format(date, locale, timeZone)}</time>;
}
