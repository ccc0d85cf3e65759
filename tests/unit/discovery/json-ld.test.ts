import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h } from "preact";
import { parseHTML } from "linkedom";
import { renderToStaticMarkup } from "preact-render-to-string";
import { JsonLd } from "../../../layouts/components/JsonLd.tsx";

describe("JsonLd", () => {
  it("cannot be closed early by text in the data, and the data reads back unchanged", () => {
    const data = { headline: 'Evil </script><script>alert(1)</script> & "quotes"' };
    const html = renderToStaticMarkup(h(JsonLd, { data }));
    assert.equal((html.match(/<\/script>/g) ?? []).length, 1, "only the element's own closing tag");
    const json = html.replace(/^<script type="application\/ld\+json">/, "").replace(/<\/script>$/, "");
    assert.deepEqual(JSON.parse(json), data);
  });

  it("keeps every string inert, in keys and values: no closing tag, comment opening or raw line separator gets out", () => {
    const hostile = "</script><script>alert(1)</script> </SCRIPT > <!-- <script> --> \u2028 \u2029 end";
    const data = { headline: hostile, author: [{ name: hostile }], [hostile]: hostile };
    const html = renderToStaticMarkup(h(JsonLd, { data }));
    assert.equal((html.match(/<\/script/gi) ?? []).length, 1, "only the element's own closing tag");
    assert.doesNotMatch(html, /<!--|\u2028|\u2029/);
    const { document } = parseHTML(`<!doctype html><html><head>${html}</head><body><p>after</p></body></html>`);
    const scripts = document.querySelectorAll("script");
    assert.equal(scripts.length, 1);
    assert.deepEqual(JSON.parse(scripts[0]!.textContent!), data);
    assert.equal(document.querySelector("p")!.textContent, "after", "the page goes on after the block");
  });
});
