import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remarkHeadingIds } from "../../../src/markdown/remark-heading-ids.ts";
import { processWith } from "./helpers.ts";

const ids = async (markdown: string) => {
  const { html } = await processWith(markdown, [remarkHeadingIds]);
  return [...html.matchAll(/<h\d id="([^"]*)"/g)].map((match) => match[1]);
};

describe("remarkHeadingIds", () => {
  it("derives the id from the heading text", async () => {
    assert.deepEqual(await ids("## The vote\n\n### What happens *next*?\n"), ["the-vote", "what-happens-next"]);
  });

  it("suffixes repeated headings to keep ids unique", async () => {
    assert.deepEqual(await ids("## Reaction\n\n## Reaction\n\n## Reaction\n"), ["reaction", "reaction-1", "reaction-2"]);
  });

  it("keeps non-ASCII letters, lowercased", async () => {
    assert.deepEqual(await ids("## Café Société\n\n## Ærø über alles\n"), ["café-société", "ærø-über-alles"]);
  });

  it("is not prefixed by the sanitiser, so #fragment links work", async () => {
    const { html } = await processWith("## The vote\n", [remarkHeadingIds]);
    assert.equal(html, '<h2 id="the-vote">The vote</h2>\n');
  });

  it("restarts numbering for every document", async () => {
    assert.deepEqual(await ids("## Reaction\n"), ["reaction"]);
    assert.deepEqual(await ids("## Reaction\n"), ["reaction"]);
  });

  it("falls back to 'section' for a heading without letters", async () => {
    assert.deepEqual(await ids("## !!!\n"), ["section"]);
  });

  it(
    "gives unique, meaningful ids to several headings without letters and to a 'Section' heading",
    
    async () => {
      const result = await ids("## !!!\n\n## Section\n\n## ???\n");
      assert.equal(new Set(result).size, result.length, `duplicate ids: ${result.join(", ")}`);
      for (const id of result) assert.match(id ?? "", /^[a-z]/);
    },
  );
});
