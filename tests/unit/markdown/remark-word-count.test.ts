import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remarkWordCount } from "../../../src/markdown/remark-word-count.ts";
import { processWith } from "./helpers.ts";

const count = async (markdown: string) => (await processWith(markdown, [remarkWordCount])).file.data.wordCount;

describe("remarkWordCount", () => {
  it("counts words of one paragraph", async () => {
    assert.equal(await count("The ferry left at dawn.\n"), 5);
  });

  it("does not glue the last word of a paragraph to the first of the next", async () => {
    assert.equal(await count("one two\n\nthree four\n\nfive\n"), 5);
    assert.equal(await count("# Heading\nParagraph\n\n- item\n- item\n"), 4);
  });

  it("does not glue words across inline formatting", async () => {
    assert.equal(await count("a **bold** word and *emphasis* here\n"), 6);
  });

  it("counts link text but not link URLs", async () => {
    assert.equal(await count("Read [the council report](https://example.org/a/very/long/path-to-report.pdf) today.\n"), 5);
  });

  it("counts inline code", async () => {
    assert.equal(await count("Run `npm test` now\n"), 4);
  });

  it("does not count image URLs", async () => {
    assert.equal(await count("Word ![](https://example.org/some/image-name.jpg)\n"), 1);
  });

  it("counts zero for an empty body", async () => {
    assert.equal(await count(""), 0);
  });
});
