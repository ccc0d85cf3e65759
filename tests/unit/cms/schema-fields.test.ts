import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { fieldPaths, schemaFields } from "../../../src/cms/schema-fields.ts";
import { describedAs, ruleMessage, schemaMessage } from "../../../src/cms/schema-messages.ts";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";

describe("the content schemas read for the CMS (src/cms/schema-fields.ts)", () => {
  it("lists an article's keys in schema order, with what must be written", () => {
    const fields = schemaFields(articleSchema);
    assert.deepEqual(fields.map((field) => field.name), Object.keys(articleSchema.shape));
    assert.deepEqual(fields.filter((field) => field.isRequired).map((field) => field.name), ["title", "authors", "date"]);
    assert.deepEqual(fields.find((field) => field.name === "draft")?.default, false);
  });

  it("knows the schema's timestamps by their type wherever they are used, lists and unions by their items, and maps", () => {
    const kinds = (schema: z.ZodObject) => Object.fromEntries(schemaFields(schema).map((field) => [field.name, field.shape.kind]));
    assert.deepEqual(kinds(articleSchema), {
      title: "text", dek: "text", authors: "list", date: "timestamp", updated: "timestamp", tags: "list", related: "list", hero: "object",
      audio: "object", corrections: "list", featured: "boolean", draft: "boolean", slug: "text", aliases: "list",
    });
    assert.ok(fieldPaths(schemaFields(articleSchema)).includes("corrections[].date"));
    const corrections = schemaFields(articleSchema).find((field) => field.name === "corrections")!.shape;
    assert.equal(corrections.kind === "list" && corrections.item.kind === "object" && corrections.item.fields[0]!.shape.kind, "timestamp");
    const site = Object.fromEntries(schemaFields(siteSchema).map((field) => [field.name, field.shape]));
    assert.equal(site.navigation!.kind === "list" && site.navigation!.item.kind, "union");
    assert.equal(site.tagLabels!.kind, "record");
    assert.deepEqual(fieldPaths(schemaFields(siteSchema)).filter((item) => item.startsWith("tagLabels")), ["tagLabels", "tagLabels{}"]);
  });

  it("refuses a shape it could not show in a form", () => {
    assert.throws(() => schemaFields(z.object({ when: z.date() })), /the CMS has no field for when/);
  });
});

describe("the schema's words for the CMS (src/cms/schema-messages.ts)", () => {
  it("finds the message the checker prints for a value at a path, inside lists and unions too", () => {
    assert.equal(schemaMessage(articleSchema, "hero.focus", "middle"), 'hero.focus must be two percentages from 0% to 100%, across then down, like "60% 30%"');
    assert.equal(schemaMessage(articleSchema, "related[].url", "example.org"), "related link url must be a full web address starting with https://");
    assert.equal(schemaMessage(articleSchema, "title", "Fine"), undefined);
  });

  it("words a rule for any value, and reads what a field is from its type message", () => {
    assert.equal(ruleMessage(articleSchema, "authors[]", "City Hall"), 'author id must be lowercase letters, digits and hyphens, like "city-hall"');
    assert.equal(describedAs(articleSchema, "hero.alt"), "The description of the photo for blind readers");
    assert.equal(describedAs(articleSchema, "title"), undefined);
  });
});
