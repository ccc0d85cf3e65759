import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { defaultSchema } from "hast-util-sanitize";
import { sanitizeSchema } from "../../../src/markdown/sanitize-schema.ts";
import { processWith } from "./helpers.ts";

describe("sanitizeSchema", () => {
  it("allows only http, https, mailto and tel in href", () => {
    assert.deepEqual(sanitizeSchema.protocols?.href, ["http", "https", "mailto", "tel"]);
  });

  it("prefixes no id itself, so that a body sanitised twice keeps its ids (raw HTML ids are prefixed where they are parsed)", () => {
    assert.deepEqual(sanitizeSchema.clobber, []);
  });

  it("keeps the default tags a newsroom uses, and never script, styles, forms, plugins or inline SVG", () => {
    const obsolete = new Set(["strike", "tt"]);
    for (const tag of defaultSchema.tagNames ?? []) if (!obsolete.has(tag)) assert.ok(sanitizeSchema.tagNames?.includes(tag), tag);
    for (const tag of ["figure", "figcaption", "caption", "colgroup", "col", "details", "summary", "mark", "abbr", "video", "audio", "aside"]) {
      assert.ok(sanitizeSchema.tagNames?.includes(tag), tag);
    }
    for (const tag of ["script", "style", "form", "object", "embed", "svg", "math", "template", "base", "meta", "link", ...obsolete]) {
      assert.ok(!sanitizeSchema.tagNames?.includes(tag), tag);
    }
  });

  it("allows no style or event handler attribute on any element", () => {
    for (const [tag, rules] of Object.entries(sanitizeSchema.attributes ?? {})) {
      for (const rule of rules) {
        const name = typeof rule === "string" ? rule : rule[0];
        assert.ok(name !== "style" && !/^on/i.test(name), `${tag}: ${name}`);
      }
    }
  });

  it("drops raw HTML written in Markdown (remark-html with the schema)", async () => {
    const { html } = await processWith('<aside class="related-card">fake</aside>\n\n<div onclick="x()">d</div>\n', []);
    assert.doesNotMatch(html, /<aside|<div|onclick/);
  });

  it("drops class names on links other than the allowed ones", () => {
    const aRules = sanitizeSchema.attributes?.a ?? [];
    const classRules = aRules.filter((rule) => Array.isArray(rule) && rule[0] === "className");
    assert.deepEqual(classRules, [["className", "data-footnote-backref", "related-card__link"]]);
  });
});
