import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { parse } from "yaml";
import type { z } from "zod";
import { cmsFields, type DecapField } from "../../../src/cms/cms-fields.ts";
import { adminSettings, formatName, type AdminSettings, type DecapCollection } from "../../../src/cms/cms-config.ts";
import { articleGuides } from "../../../src/cms/field-guides.ts";
import type { KeyLayout } from "../../../src/cms/file-layout.ts";
import { fieldPaths, schemaFields } from "../../../src/cms/schema-fields.ts";
import { schemaMessage } from "../../../src/cms/schema-messages.ts";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { authorSchema } from "../../../src/content/author-schema.ts";
import { timestampProblem } from "../../../src/content/fields.ts";
import { pageSchema } from "../../../src/content/page-schema.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";
import { parseFrontmatter } from "../../../src/content/frontmatter.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const sampleSite = siteSchema.parse(parse(readFileSync(path.join(ROOT, "content/site.yaml"), "utf8")));
const settings = adminSettings({ site: sampleSite, backend: { name: "github", repo: "harbour-herald/newsroom", branch: "main" }, localBackendUrl: "http://127.0.0.1:8081/api/v1", previewStyles: ["/css/site.0123456789.css"] });

/** The collections, their schemas, and where the sample newsroom keeps their files. */
const COLLECTIONS: { name: string; format: string; schema: z.ZodObject; files: () => unknown[] }[] = [
  { name: "articles", format: "articles", schema: articleSchema, files: () => frontmatterOf("content/articles") },
  { name: "authors", format: "authors", schema: authorSchema, files: () => frontmatterOf("content/authors") },
  { name: "pages", format: "pages", schema: pageSchema, files: () => frontmatterOf("content/pages") },
  { name: "settings", format: "site", schema: siteSchema, files: () => [parse(readFileSync(path.join(ROOT, "content/site.yaml"), "utf8")), parse(readFileSync(path.join(ROOT, "tests/fixtures/sites/basic/content/site.yaml"), "utf8"))] },
];

function frontmatterOf(dir: string): unknown[] {
  return readdirSync(path.join(ROOT, dir)).filter((name) => name.endsWith(".md")).map((name) => parseFrontmatter(readFileSync(path.join(ROOT, dir, name), "utf8")).data);
}

function collection(config: AdminSettings, name: string): { fields: DecapField[]; layout: KeyLayout[] } {
  const found = config.config.collections.find((candidate: DecapCollection) => candidate.name === name)!;
  const fields = (found.fields ?? found.files![0]!.fields).filter((field) => field.name !== "body");
  const format = COLLECTIONS.find((entry) => entry.name === name)!.format;
  return { fields, layout: config.formats[formatName(format)]!.layout };
}

/**
 * The schema paths a CMS configuration's fields stand for, read from
 * Decap's configuration itself: a list's items are `path[]`, a map's values
 * `path{}`; the file layout says which lists are optional groups, maps or
 * plain values wrapped for a typed list.
 */
function cmsPaths(fields: readonly DecapField[], layout: readonly KeyLayout[], prefix = ""): string[] {
  return fields.flatMap((field) => {
    const key = layout.find((candidate) => candidate.name === field.name);
    const fieldPath = prefix ? `${prefix}.${field.name}` : field.name;
    return [fieldPath, ...innerCmsPaths(field, key, fieldPath)];
  });
}

function innerCmsPaths(field: DecapField, key: KeyLayout | undefined, fieldPath: string): string[] {
  if (field.widget === "object") return cmsPaths(field.fields ?? [], key?.keys ?? [], fieldPath);
  if (field.widget === "relation" && field.multiple) return [`${fieldPath}[]`];
  if (field.widget !== "list") return [];
  if (key?.isOptionalGroup) return cmsPaths(field.fields ?? [], key.keys ?? [], fieldPath);
  if (key?.record) return [`${fieldPath}{}`];
  if (field.types) {
    return [`${fieldPath}[]`, ...field.types.flatMap((type, index) => {
      const variant = key?.variants?.[index];
      return variant?.wrap ? [] : cmsPaths(type.fields ?? [], variant?.keys ?? [], `${fieldPath}[]`);
    })];
  }
  return [`${fieldPath}[]`, ...cmsPaths(field.fields ?? [], key?.keys ?? [], `${fieldPath}[]`)];
}

/** What one side has and the other lacks, in words. */
function mismatches(schemaSide: readonly string[], cmsSide: readonly string[]): string[] {
  const cms = new Set(cmsSide);
  const schema = new Set(schemaSide);
  return [...[...schema].filter((item) => !cms.has(item)).map((item) => `${item} has no CMS field`), ...[...cms].filter((item) => !schema.has(item)).map((item) => `CMS field ${item} is not in the schema`)];
}

/** Every value written at a path in some files (`related[].url` reads each item's url). */
function valuesAt(values: readonly unknown[], fieldPath: string): unknown[] {
  let current = [...values];
  for (const segment of fieldPath.split(".")) {
    const name = segment.replace(/\[\]$/, "");
    current = current.flatMap((value) => (value && typeof value === "object" && name in value ? [(value as Record<string, unknown>)[name]] : []));
    if (segment.endsWith("[]")) current = current.flatMap((value) => (Array.isArray(value) ? value : []));
  }
  return current.filter((value) => typeof value === "string");
}

/** Each field with its schema path. */
function withPaths(fields: readonly DecapField[], layout: readonly KeyLayout[], prefix = ""): { field: DecapField; path: string }[] {
  return fields.flatMap((field) => {
    const key = layout.find((candidate) => candidate.name === field.name);
    const fieldPath = prefix ? `${prefix}.${field.name}` : field.name;
    const items = key?.isOptionalGroup ? fieldPath : `${fieldPath}[]`;
    const nested = [...(field.fields ? withPaths(field.fields, key?.keys ?? [], field.widget === "object" ? fieldPath : items) : []), ...(field.field ? [{ field: field.field, path: `${fieldPath}[]` }] : [])];
    const typed = (field.types ?? []).flatMap((type, index) => withPaths(type.fields ?? [], key?.variants?.[index]?.keys ?? [], items).map((entry) => (key?.variants?.[index]?.wrap ? { ...entry, path: items } : entry)));
    return [{ field, path: fieldPath }, ...nested, ...typed];
  });
}

describe("the CMS configuration made from the content schemas", () => {
  for (const { name, schema } of COLLECTIONS) {
    it(`gives every field of the ${name} schema a CMS field, and the CMS no field the schema lacks`, () => {
      const { fields, layout } = collection(settings, name);
      assert.deepEqual(mismatches(fieldPaths(schemaFields(schema)), cmsPaths(fields, layout)), []);
    });
  }

  it("notices a schema field without a CMS field, and a CMS field without a schema field (the check can fail)", () => {
    const { fields, layout } = collection(settings, "articles");
    const withoutCredit = structuredClone(fields);
    const hero = withoutCredit.find((field) => field.name === "hero")!;
    hero.fields = hero.fields!.filter((field) => field.name !== "credit");
    const withStray = [...fields, { name: "subtitle", label: "Subtitle", widget: "string" }];
    const schemaSide = fieldPaths(schemaFields(articleSchema));
    assert.deepEqual(mismatches(schemaSide, cmsPaths(withoutCredit, layout)), ["hero.credit has no CMS field"]);
    assert.deepEqual(mismatches(schemaSide, cmsPaths(withStray, layout)), ["CMS field subtitle is not in the schema"]);
  });

  it("refuses a field guide for a field the schema does not have", () => {
    const guides = { ...articleGuides({ timeZone: "UTC" }), "hero.photographer": { label: "Photographer" } };
    assert.throws(() => cmsFields(schemaFields(articleSchema), { schema: articleSchema, guides, timeZone: "UTC", contentDir: "content" }), /hero\.photographer/);
  });

  it("asks for what the schema requires, and more only where new work must have it (a dek, a hero's alt text)", () => {
    const stricter: string[] = [];
    for (const { name, schema } of COLLECTIONS) {
      const required = new Map(withPaths(...Object.values(collection(settings, name)) as [DecapField[], KeyLayout[]]).map(({ field, path: fieldPath }) => [fieldPath, field.required]));
      const visit = (fields: ReturnType<typeof schemaFields>) => {
        for (const field of fields) {
          const cms = required.get(field.path);
          if (cms === undefined) continue;
          if (field.isRequired) assert.equal(cms, true, `${name}: ${field.path} is required`);
          else if (cms) stricter.push(`${name}: ${field.path}`);
          if (field.shape.kind === "object") visit(field.shape.fields);
        }
      };
      visit(schemaFields(schema));
    }
    assert.deepEqual(stricter, ["articles: dek", "articles: hero.alt"]);
  });

  it("checks text as the schema does, with the schema's own words: each pattern refuses what the schema refuses and takes every value of the sample newsroom", () => {
    let patterns = 0;
    for (const { name, schema, files } of COLLECTIONS) {
      const { fields, layout } = collection(settings, name);
      for (const { field, path: fieldPath } of withPaths(fields, layout)) {
        if (!field.pattern) continue;
        patterns++;
        const [source, message] = field.pattern;
        const regex = new RegExp(source);
        for (const value of valuesAt(files(), fieldPath)) assert.match(String(value), regex, `${name}: ${fieldPath}`);
        const refused = ["City Hall", "example.org", "middle", "old address", "https://example.org/edit/"].filter((probe) => !regex.test(probe));
        assert.ok(refused.length > 0, `${name}: ${fieldPath} refuses something`);
        for (const probe of refused) assert.ok(schemaMessage(schema, fieldPath, probe), `${name}: the schema refuses "${probe}" at ${fieldPath} too`);
        assert.ok(refused.some((probe) => schemaMessage(schema, fieldPath, probe)?.replace(` "${probe}"`, "").replace(`"${probe}" `, "") === message), `${name}: ${fieldPath}'s message is the schema's: ${message}`);
      }
    }
    assert.ok(patterns >= 15, `${patterns} patterns`);
  });

  it("writes dates with the site's zone and shows the schema's message for a date without an offset", () => {
    const { fields, layout } = collection(settings, "articles");
    const dates = withPaths(fields, layout).filter(({ field }) => field.widget === "newsroom-datetime");
    assert.deepEqual(dates.map(({ path: fieldPath }) => fieldPath), ["date", "updated", "corrections[].date"]);
    for (const { field } of dates) {
      assert.equal(field.time_zone, "Europe/London");
      assert.equal(field.invalid_message, timestampProblem("2026-03-14 09:30")!.replace('"2026-03-14 09:30" ', ""));
    }
  });

  it("names authors, related articles, card articles and linked pages by their file names", () => {
    const { fields } = collection(settings, "articles");
    const authors = fields.find((field) => field.name === "authors")!;
    assert.deepEqual({ widget: authors.widget, collection: authors.collection, value_field: authors.value_field, multiple: authors.multiple, min: authors.min }, { widget: "relation", collection: "authors", value_field: "{{slug}}", multiple: true, min: 1 });
    const related = fields.find((field) => field.name === "related")!;
    assert.deepEqual(related.types!.map((type) => type.name), ["article", "link"]);
    assert.deepEqual(related.types![0]!.fields!.map((field) => [field.name, field.widget, field.collection, field.value_field]), [["id", "relation", "articles", "{{slug}}"]]);
    const site = collection(settings, "settings").fields;
    const navigation = site.find((field) => field.name === "navigation")!;
    assert.equal(navigation.types!.find((type) => type.name === "page")!.fields!.find((field) => field.name === "page")!.collection, "pages");
    for (const folder of settings.config.collections.filter((entry) => entry.folder)) assert.equal(folder.slug, "{{slug}}", `${folder.name}: the file name is the id`);
  });

  it("uploads photos into content/images/ and audio into content/audio/, written from the content file as ../images/ and ../audio/", () => {
    assert.equal(settings.config.media_folder, "content/images");
    for (const folder of settings.config.collections.filter((entry) => entry.folder)) {
      assert.deepEqual([folder.media_folder, folder.public_folder], ["/content/images", "../images"], folder.name);
    }
    const { fields, layout } = collection(settings, "articles");
    const byPath = new Map(withPaths(fields, layout).map(({ field, path: fieldPath }) => [fieldPath, field]));
    assert.equal(byPath.get("hero.src")!.widget, "image");
    assert.deepEqual([byPath.get("audio.src")!.widget, byPath.get("audio.src")!.media_folder, byPath.get("audio.src")!.public_folder], ["file", "/content/audio", "../audio"]);
  });

  it("turns the editorial workflow on and uses the local backend only on 127.0.0.1", () => {
    assert.equal(settings.config.publish_mode, "editorial_workflow");
    assert.deepEqual(settings.config.local_backend, { url: "http://127.0.0.1:8081/api/v1" });
    assert.deepEqual(settings.config.backend, { ...settings.config.backend, name: "github", repo: "harbour-herald/newsroom", branch: "main" });
    assert.equal(settings.isLocalOnly, false);
  });
});
