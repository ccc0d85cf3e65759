import { DIRECTIVE_START } from "./syntax-extensions.ts";

/**
 * Where a body could report a problem or link to a page of the site: a
 * body long enough to be too long, images
 * (`![`), links with an address (`](`, `]:`, autolinks and literal URLs),
 * raw HTML (`<`) and directives (see DIRECTIVE_START). A body with none of
 * them cannot fail and links nowhere, so a check that renders nothing skips
 * it; a property test holds this against random Markdown.
 */
const MAY_REPORT = /!\[|\]\(|\]:|<|https?:|www\.|@/i;

/** Fewer characters than words in the longest body a newsroom may publish without a warning (see article/long-body). */
const LONG_BODY_CHARACTERS = 20_000;

export function mayReportProblems(body: string): boolean {
  return body.length > LONG_BODY_CHARACTERS || MAY_REPORT.test(body) || DIRECTIVE_START.test(body);
}
