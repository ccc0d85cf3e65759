import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remarkRelatedCard } from "../../../src/markdown/remark-related-card.ts";
import { remarkUnknownDirectives } from "../../../src/markdown/remark-unknown-directives.ts";
import { processWith } from "./helpers.ts";

const run = (markdown: string) =>
  processWith(markdown, [
    [remarkRelatedCard, { articles: new Map([["ok", { title: "T", dek: "D", url: "/news/ok/" }]]) }],
    [remarkUnknownDirectives, { known: ["related"] }],
  ]);

describe("remarkUnknownDirectives", () => {
  it("keeps a colon inside a word as literal text (Note:this)", async () => {
    const { html, messages } = await run("Note:this is fine.\n");
    assert.equal(messages.length, 0);
    assert.equal(html, "<p>Note:this is fine.</p>\n");
  });

  it("keeps ratios like 3:1 as literal text", async () => {
    const { html, messages } = await run("The vote passed by a ratio 3:1 at 10:30.\n");
    assert.equal(messages.length, 0);
    assert.equal(html, "<p>The vote passed by a ratio 3:1 at 10:30.</p>\n");
  });

  it("puts a text directive's label back as written", async () => {
    const { html } = await run("See :word[the label] here.\n");
    assert.equal(html, "<p>See :word[the label] here.</p>\n");
  });

  it("reports a misspelt leaf directive as fatal with a did-you-mean hint and drops it", async () => {
    const { html, messages } = await run("Intro.\n\n::relatd{id=x}\n");
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message?.reason, "unknown directive ::relatd");
    assert.equal(message?.note, 'did you mean "related"?');
    assert.equal(message?.fatal, true);
    assert.equal(message?.line, 3);
    assert.equal(message?.column, 1);
    assert.equal(message?.ruleId, "unknown-directive");
    assert.equal(html, "<p>Intro.</p>\n");
  });

  it("lists the known directives when the name resembles none", async () => {
    const { messages } = await run(":::sidebar\nText\n:::\n");
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.reason, "unknown directive :::sidebar");
    assert.equal(messages[0]?.note, "the directives are ::related");
  });

  it("does not report a ::related that an earlier plugin handled", async () => {
    const { html, messages } = await run("::related{id=ok}\n");
    assert.equal(messages.length, 0);
    assert.match(html, /<aside/);
  });

  it("reports every unknown directive, including consecutive ones", async () => {
    const { messages } = await run("::one\n::two\n::three\n");
    assert.deepEqual(messages.map((m) => m.reason), ["unknown directive ::one", "unknown directive ::two", "unknown directive ::three"]);
    assert.deepEqual(messages.map((m) => m.line), [1, 2, 3]);
  });
});
