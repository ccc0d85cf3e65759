/**
 * Whether rendering this body could report a problem. Only three plugins
 * report: local images (`![`), related cards and unknown directives (a
 * directive's name follows a colon: `:name`, `::name`, `:::name`). A body
 * with neither cannot fail, so a check that renders nothing skips it; a
 * property test holds this against random Markdown.
 */
export function mayReportProblems(body: string): boolean {
  return body.includes("![") || /:[A-Za-z]/.test(body);
}
