import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { h } from "preact";
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
});
