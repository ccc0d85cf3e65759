import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { readContentFile, writeContentFile } from "../../../src/cms/admin/content-format.js";
import { adminSettings, formatName } from "../../../src/cms/cms-config.ts";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { authorSchema } from "../../../src/content/author-schema.ts";
import { pageSchema } from "../../../src/content/page-schema.ts";
import { parseFrontmatter } from "../../../src/content/frontmatter.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";
import { newArticleMarkdown } from "../../../src/new-article/new-article.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const site = siteSchema.parse(parse(readFileSync(path.join(ROOT, "tests/fixtures/cms/content/site.yaml"), "utf8")));
const settings = adminSettings({ site, backend: { name: "github", branch: "main" }, localBackendUrl: "http://127.0.0.1:8081/api/v1", previewStyles: [] });
const format = (collection: string) => settings.formats[formatName(collection)]!;

const markdownFiles = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((name) => name.endsWith(".md")).map((name) => path.join(ROOT, dir, name));

describe("the CMS's file format (src/cms/admin/content-format.js)", () => {
  it("reads and writes back every article, author and page of the sample newsroom and the CMS fixture: the same data; articles byte for byte when their keys were in schema order", () => {
    let articles = 0;
    const schemas = { articles: articleSchema, authors: authorSchema, pages: pageSchema };
    for (const [collection, schema] of Object.entries(schemas)) {
      const order = format(collection).layout.map((key) => key.name);
      for (const file of [...markdownFiles(`content/${collection}`), ...markdownFiles(`tests/fixtures/cms/content/${collection}`)]) {
        const text = readFileSync(file, "utf8");
        const written = writeContentFile(readContentFile(text, format(collection)), format(collection));
        const original = parseFrontmatter(text);
        // The same as the build reads it: a value left out because it restated the default reads as that default.
        assert.deepEqual(schema.parse(parseFrontmatter(written).data), schema.parse(original.data), file);
        assert.equal(parseFrontmatter(written).body, original.body, file);
        const keys = Object.keys(original.data as object);
        const inSchemaOrder = keys.every((key, index) => index === 0 || order.indexOf(keys[index - 1]!) < order.indexOf(key));
        // Articles are written as `npm run new` writes them, as the sample's are; authors and pages have no house style to keep.
        if (collection !== "articles") continue;
        if (inSchemaOrder) assert.equal(written, text, file);
        else assert.deepEqual(Object.keys(parseFrontmatter(written).data as object), keys.filter((key) => order.includes(key)).sort((a, b) => order.indexOf(a) - order.indexOf(b)), `${file} in schema order`);
        articles++;
      }
    }
    assert.ok(articles > 15, `${articles} articles`);
  });

  it("writes a new article's frontmatter as `npm run new` does: key order, quoted prose, ids on one line, the date with its offset", () => {
    const date = "2026-07-01T12:15:30+02:00";
    const written = writeContentFile(
      { title: 'Mayor says "no" to tolls', authors: ["news-desk", "ana-lima"], date, tags: ["transport", "City Hall"], draft: true, featured: false, body: "The mayor said no." },
      format("articles"),
    );
    const byNpmRunNew = newArticleMarkdown({ headline: 'Mayor says "no" to tolls', now: new Date(date), timeZone: "Europe/Berlin", authorIds: ["news-desk", "ana-lima"] })
      .replace(/^#.*\n/gm, "")
      .replace("tags: []", "tags: [transport, City Hall]")
      .replace(/\n---\n[^]*$/, "\n---\nThe mayor said no.\n");
    assert.equal(written, byNpmRunNew);
  });

  it("holds an optional group as a list of one in the form and writes it as an object", () => {
    const text = readFileSync(path.join(ROOT, "tests/fixtures/cms/content/articles/tram-extension.md"), "utf8");
    const form = readContentFile(text, format("articles"));
    assert.deepEqual(form.hero, [{ src: "../images/tram.jpg", alt: "A tram at the harbour stop", credit: "Fixture Photographer" }]);
    const withoutHero = writeContentFile({ ...form, hero: [] }, format("articles"));
    assert.doesNotMatch(withoutHero, /hero/);
  });

  it("turns related articles, links and topic names into the form's typed lists and pairs, and back into the schema's shapes", () => {
    const article = "---\ntitle: \"T\"\ndek: \"D\"\nauthors: [ana-lima]\ndate: 2026-01-01T10:00:00+01:00\nrelated:\n  - tram-extension\n  - title: \"Budget papers\"\n    url: https://example.org/budget.pdf\n---\nBody\n";
    const form = readContentFile(article, format("articles"));
    assert.deepEqual(form.related, [{ type: "article", id: "tram-extension" }, { type: "link", title: "Budget papers", url: "https://example.org/budget.pdf" }]);
    assert.equal(writeContentFile(form, format("articles")), article);
    assert.ok(articleSchema.safeParse(parseFrontmatter(article).data).success);

    const basicSite = readFileSync(path.join(ROOT, "tests/fixtures/sites/basic/content/site.yaml"), "utf8");
    const siteForm = readContentFile(basicSite, format("site"));
    assert.deepEqual(siteForm.navigation, [{ type: "tag", label: "City", tag: "city-hall" }, { type: "tag", label: "Transport", tag: "transport" }]);
    assert.deepEqual(siteForm.tagLabels, [{ tag: "city-hall", value: "City Hall" }]);
    const rewritten = writeContentFile(siteForm, format("site"));
    assert.deepEqual(parse(rewritten), parse(basicSite));
    assert.ok(siteSchema.safeParse(parse(rewritten)).success);
  });

  it("leaves out empty values and restated defaults, and keeps a key it does not know for the checker to report", () => {
    const written = writeContentFile(
      { title: "T", dek: "", authors: ["ana-lima"], date: "2026-01-01T10:00:00+01:00", tags: [], related: [], hero: [{ src: "", alt: "" }], corrections: [], featured: false, draft: false, aliases: [], subtitle: "misspelt", body: "" },
      format("articles"),
    );
    assert.equal(written, '---\ntitle: "T"\nauthors: [ana-lima]\ndate: 2026-01-01T10:00:00+01:00\nsubtitle: misspelt\n---\n');
  });

  it("refuses a file with a key written twice, as the build does", () => {
    assert.throws(() => readContentFile("---\ntitle: A\ntitle: B\n---\n", format("articles")), /unique|duplicate/i);
  });
});
