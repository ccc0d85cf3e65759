/**
 * Element ids the layouts use around an article body. Heading ids made from
 * the editor's text must never equal one of them (a heading "Related heading"
 * would otherwise take the related list's id). Layouts keep to these shapes:
 * "main", "footnote-label" (remark's footnotes), "<name>-heading" and
 * "newsletter-<id>-<part>".
 */
export function isPageId(id: string): boolean {
  return id === "main" || id === "footnote-label" || id.endsWith("-heading") || id.startsWith("newsletter-");
}
