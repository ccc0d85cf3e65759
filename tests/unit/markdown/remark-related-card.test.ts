import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remarkRelatedCard, type RelatedCardTarget } from "../../../src/markdown/remark-related-card.ts";
import { processWith } from "./helpers.ts";

const articles = new Map<string, RelatedCardTarget>([
  ["harbour-ferry-strike", { title: "Ferry crews strike", dek: "No crossings on Monday.", url: "/news/harbour-ferry-strike/" }],
  ["market-rents", { title: "Rents <b>up</b> & away", dek: "Traders \"furious\"", url: "/news/market-rents/" }],
]);

const run = (markdown: string) => processWith(markdown, [[remarkRelatedCard, { articles }]]);

describe("remarkRelatedCard", () => {
  it("renders the target's title, dek and link inside an aside card", async () => {
    const { html, messages } = await run("Intro.\n\n::related{id=harbour-ferry-strike}\n");
    assert.equal(messages.length, 0);
    assert.match(html, /<aside class="related-card" data-component="related-card" data-pagefind-ignore="">/);
    assert.match(html, /<a href="\/news\/harbour-ferry-strike\/" class="related-card__link">/);
    assert.match(html, /<span class="related-card__label">Related<\/span>/);
    assert.match(html, /<span class="related-card__title">Ferry crews strike<\/span>/);
    assert.match(html, /<span class="related-card__dek">No crossings on Monday\.<\/span>/);
  });

  it("escapes HTML in the target's title instead of rendering it", async () => {
    const { html } = await run("::related{id=market-rents}\n");
    assert.ok(!html.includes("<b>"), html);
    assert.match(html, /<span class="related-card__title">Rents &#x3C;b>up&#x3C;\/b> &#x26; away<\/span>/);
  });

  it("reports an unknown id as fatal, at its line and column, with a did-you-mean hint", async () => {
    const { messages } = await run("First paragraph.\n\n  ::related{id=harbour-fery-strike}\n");
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message?.fatal, true);
    assert.equal(message?.reason, 'unknown article "harbour-fery-strike" in ::related');
    assert.equal(message?.line, 3);
    assert.equal(message?.column, 3);
    assert.equal(message?.note, 'did you mean "harbour-ferry-strike"?');
    assert.equal(message?.ruleId, "unknown-id");
    assert.equal(message?.source, "related-card");
  });

  it("gives no suggestion for an unknown id that resembles nothing, only how articles are named", async () => {
    const { messages } = await run("::related{id=zzzzzzzzzzzz}\n");
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.note, "name the article by its file name, without .md");
  });

  it("reports a ::related without an id and explains the syntax", async () => {
    const { messages } = await run("::related\n");
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.fatal, true);
    assert.equal(messages[0]?.ruleId, "missing-id");
    assert.match(messages[0]?.reason ?? "", /needs an article id, like ::related\{id=/);
    assert.equal(messages[0]?.line, 1);
  });

  it("drops a directive it cannot resolve and keeps the text around it", async () => {
    const { html } = await run("Before.\n\n::related{id=nope}\n\n::related\n\nAfter.\n");
    assert.ok(!html.includes("aside"), html);
    assert.ok(!html.includes("related"), html);
    assert.equal(html, "<p>Before.</p>\n<p>After.</p>\n");
  });

  it("resolves two consecutive cards after a dropped one (no node skipped)", async () => {
    const { html, messages } = await run("::related{id=nope}\n::related{id=harbour-ferry-strike}\n::related{id=market-rents}\n");
    assert.equal(messages.length, 1);
    assert.equal(html.match(/<aside/g)?.length, 2);
  });

  it("leaves directives with other names alone", async () => {
    const { messages } = await run("::gallery{id=x}\n");
    assert.equal(messages.length, 0);
  });
});
