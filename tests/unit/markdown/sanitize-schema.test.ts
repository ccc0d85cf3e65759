import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { defaultSchema } from "hast-util-sanitize";
import { sanitizeSchema } from "../../../src/markdown/sanitize-schema.ts";
import { processWith } from "./helpers.ts";

describe("sanitizeSchema", () => {
  it("allows only http, https, mailto and tel in href", () => {
    assert.deepEqual(sanitizeSchema.protocols?.href, ["http", "https", "mailto", "tel"]);
  });

  it("clobbers only name, so footnote and heading ids are not prefixed twice", () => {
    assert.deepEqual(sanitizeSchema.clobber, ["name"]);
  });

  it("adds aside to the allowed tags and keeps the default ones", () => {
    assert.ok(sanitizeSchema.tagNames?.includes("aside"));
    for (const tag of defaultSchema.tagNames ?? []) assert.ok(sanitizeSchema.tagNames?.includes(tag), tag);
    assert.ok(!sanitizeSchema.tagNames?.includes("script"));
    assert.ok(!sanitizeSchema.tagNames?.includes("iframe"));
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
