import { DIRECTIVE_START } from "./syntax-extensions.ts";

/**
 * Whether rendering this body could report a problem. Only three plugins
 * report: local images (`![`), related cards and unknown directives (see
 * DIRECTIVE_START). A body with neither cannot fail, so a check that renders
 * nothing skips it; a property test holds this against random Markdown.
 */
export function mayReportProblems(body: string): boolean {
  return body.includes("![") || DIRECTIVE_START.test(body);
}
