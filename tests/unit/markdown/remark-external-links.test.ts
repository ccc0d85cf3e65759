import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remarkExternalLinks } from "../../../src/markdown/remark-external-links.ts";
import { processWith } from "./helpers.ts";

const run = async (markdown: string) => (await processWith(markdown, [[remarkExternalLinks, { siteOrigin: "https://herald.example.org" }]])).html;

describe("remarkExternalLinks", () => {
  it("adds rel=noopener noreferrer to links to other origins", async () => {
    assert.equal(await run("[x](https://other.example.com/a)\n"), '<p><a href="https://other.example.com/a" rel="noopener noreferrer">x</a></p>\n');
    assert.match(await run("[x](http://other.example.com/)\n"), /rel="noopener noreferrer"/);
  });

  it("treats another subdomain, scheme or port of the site as external", async () => {
    assert.match(await run("[x](https://www.herald.example.org/)\n"), /rel="noopener noreferrer"/);
    assert.match(await run("[x](http://herald.example.org/)\n"), /rel="noopener noreferrer"/);
    assert.match(await run("[x](https://herald.example.org:8443/)\n"), /rel="noopener noreferrer"/);
  });

  it("leaves same-origin links without rel", async () => {
    assert.equal(await run("[x](https://herald.example.org/news/a/)\n"), '<p><a href="https://herald.example.org/news/a/">x</a></p>\n');
    assert.doesNotMatch(await run("[x](HTTPS://Herald.Example.org/news/)\n"), /rel=/);
  });

  it("leaves relative, root-relative and fragment links without rel", async () => {
    const html = await run("[a](../b/) [c](/news/) [d](#the-vote)\n");
    assert.doesNotMatch(html, /rel=/);
    assert.equal((html.match(/<a /g) ?? []).length, 3);
  });

  it("does not touch mailto: links", async () => {
    assert.equal(await run("[mail](mailto:news@example.org)\n"), '<p><a href="mailto:news@example.org">mail</a></p>\n');
  });

  it("applies to GFM autolinks", async () => {
    assert.equal(
      await run("See https://other.example.com/x today.\n"),
      '<p>See <a href="https://other.example.com/x" rel="noopener noreferrer">https://other.example.com/x</a> today.</p>\n',
    );
  });

  it(
    "applies to reference-style links to other origins",
    
    async () => {
      const html = await run("Read [the report][r].\n\n[r]: https://other.example.com/y\n");
      assert.equal(html, '<p>Read <a href="https://other.example.com/y" rel="noopener noreferrer">the report</a>.</p>\n');
    },
  );
});
