import { DIRECTIVE_START } from "./syntax-extensions.ts";

/**
 * Where a body could report a problem or link to a page of the site: images
 * (`![`), links with an address (`](`, `]:`, autolinks and literal URLs),
 * raw HTML (`<`) and directives (see DIRECTIVE_START). A body with none of
 * them cannot fail and links nowhere, so a check that renders nothing skips
 * it; a property test holds this against random Markdown.
 */
const MAY_REPORT = /!\[|\]\(|\]:|<|https?:|www\.|@/i;

export function mayReportProblems(body: string): boolean {
  return MAY_REPORT.test(body) || DIRECTIVE_START.test(body);
}
