// The body's related-article card, `::related{id=other-article-id}` on a line
// of its own (src/markdown/remark-related-card.ts), as a Decap editor
// component: the toolbar's "+" inserts one with the article picked from the
// articles collection, and the preview shows where the card will be. The
// card's headline and dek are filled in by the build from that article.

/** The directive as the body's Markdown writes it; the id is an article's file name. */
const RELATED_CARD = /^::related\{id=([^}\s]*)\}$/;

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export const relatedCardComponent = {
  id: "related",
  label: "Related article card",
  fields: [{ name: "id", label: "Article", widget: "relation", collection: "articles", value_field: "{{slug}}", search_fields: ["title"], display_fields: ["title"] }],
  pattern: RELATED_CARD,
  /** @param {RegExpMatchArray} match */
  fromBlock: (match) => ({ id: match[1] }),
  /** @param {{ id?: string }} data */
  toBlock: ({ id }) => `::related{id=${id ?? ""}}`,
  /** @param {{ id?: string }} data */
  toPreview: ({ id }) =>
    `<aside class="related-card" data-component="related-card"><span class="related-card__link"><span class="related-card__label">Related</span><span class="related-card__title">${escapeHtml(id ?? "")}</span></span></aside>`,
};
