import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import fc from "fast-check";
import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import * as pagefind from "pagefind";
import { renderToStaticMarkup } from "preact-render-to-string";
import { gunzipSync } from "node:zlib";
import { render as renderArticle } from "../../layouts/article.11ty.tsx";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { PUBLIC_DIR } from "../../src/eleventy/static-assets.ts";
import { readPublicAssets } from "../../src/eleventy/static-assets.ts";
import { searchRecordSources } from "../../src/search/site-records.ts";
import { searchablePart } from "../integration/search-html-path.ts";
import { makeArticle, makeAuthorRef, makeContent, makeHero, makeSite, makeTag } from "../unit/helpers.ts";

/**
 * Whatever an article holds (any text in its fields, any body the Markdown
 * pipeline could write), its search record is what Pagefind read from its
 * page: the same fragment (text, filters, metadata) and the same word index.
 */

const { manifest: ASSETS } = await readPublicAssets(PUBLIC_DIR);

/** Text with what matters to Pagefind's reading: punctuation ending a sentence or not, quotes, entities, spaces of all kinds. */
const text = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "Z", "é", "7", " ", "\u00a0", "\n", ".", "?", "'", '"', ")", "$", "*", "&", "<", ">", "&amp;", ":", "-", "_", "·") })
  .filter((value) => value.trim().length > 0);

const node = (tagName: string, children: ElementContent[], properties: Element["properties"] = {}): Element => ({ type: "element", tagName, properties, children });
const words: fc.Arbitrary<ElementContent> = text.map((value) => ({ type: "text", value }));

const { inline } = fc.letrec<{ inline: ElementContent }>((tie) => ({
  inline: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    words,
    words,
    fc.constant(node("br", [])),
    fc.constant(node("img", [], { src: "/images/derived/body-800.jpg", alt: "A body image" })),
    fc.tuple(fc.constantFrom("strong", "em", "a", "code", "span", "sup", "sub", "mark"), fc.array(tie("inline"), { maxLength: 3 })).map(([tag, children]) => node(tag, children, tag === "a" ? { href: "https://example.org/" } : {})),
  ),
}));
const inlines = fc.array(inline, { minLength: 1, maxLength: 4 });

const { block } = fc.letrec<{ block: Element }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    inlines.map((children) => node("p", children)),
    fc.tuple(fc.constantFrom("h2", "h3", "h4"), inlines, fc.boolean()).map(([tag, children, id]) => node(tag, children, id ? { id: "a-heading" } : {})),
    fc.tuple(fc.constantFrom("ul", "ol"), fc.array(fc.oneof(inlines, fc.array(tie("block"), { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 3 })).map(([tag, items]) => node(tag, lines(items.map((children) => node("li", children))))),
    fc.array(tie("block"), { minLength: 1, maxLength: 2 }).map((children) => node("blockquote", lines(children))),
    fc.array(fc.array(inlines, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) =>
      node("table", lines([node("thead", [node("tr", rows[0]!.map((cell) => node("th", cell)))]), node("tbody", lines(rows.slice(1).map((row) => node("tr", lines(row.map((cell) => node("td", cell)))))))])),
    ),
    inlines.map((caption) => node("figure", [node("img", [], { src: "/images/derived/figure-800.jpg", alt: "" }), node("figcaption", caption)])),
    fc.array(tie("block"), { minLength: 1, maxLength: 2 }).map((children) => node("div", lines(children))),
    text.map((code) => node("pre", [node("code", [{ type: "text", value: code }])])),
  ),
}));

/** Blocks on lines of their own, as the Markdown pipeline writes them. */
function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child, index) => (index === 0 ? [child] : [{ type: "text", value: "\n" }, child]));
}

const articleFields = fc.record({
  title: text,
  dek: text,
  people: fc.array(text, { maxLength: 2 }),
  desks: fc.array(text, { maxLength: 2 }),
  tags: fc.array(text, { maxLength: 3 }),
  hero: fc.option(fc.record({ caption: fc.option(text, { nil: undefined }), credit: fc.option(text, { nil: undefined }) }), { nil: undefined }),
  audio: fc.option(text, { nil: undefined }),
  corrections: fc.array(text, { maxLength: 2 }),
  updated: fc.boolean(),
  body: fc.array(block, { minLength: 1, maxLength: 4 }),
});

type Fields = typeof articleFields extends fc.Arbitrary<infer T> ? T : never;

function articleOf(fields: Fields) {
  const people = fields.people.map((name, index) => makeAuthorRef(`person-${index}`, { name, isDesk: false }));
  const desks = fields.desks.map((name, index) => makeAuthorRef(`desk-${index}`, { name, isDesk: true }));
  return makeArticle("story", {
    title: fields.title,
    dek: fields.dek,
    authors: [...people, ...desks].length > 0 ? [...desks, ...people] : [makeAuthorRef("news-desk")],
    tags: fields.tags.map((label, index) => makeTag(`tag-${index}`, { label })),
    hero: fields.hero ? makeHero({ ...(fields.hero.caption ? { caption: fields.hero.caption } : {}), ...(fields.hero.credit ? { credit: fields.hero.credit } : {}) }) : undefined,
    audio: fields.audio ? { url: "/audio/story.mp3", mimeType: "audio/mpeg", disclosure: fields.audio } : undefined,
    corrections: fields.corrections.map((correction, index) => ({ date: new Date(Date.UTC(2026, 0, 2 + index, 12)), text: correction })),
    updatedAt: fields.updated ? new Date("2026-01-03T09:15:00Z") : undefined,
    bodyHtml: toHtml(lines(fields.body)),
    readingMinutes: 3,
  });
}

/** What Pagefind wrote for one page: its fragment (anchors left out) and the names (content hashes) of its word and filter index files. */
async function indexedAs(add: (index: pagefind.PagefindIndex) => Promise<{ errors: string[] }>) {
  const { index } = await pagefind.createIndex({ keepIndexUrl: false });
  assert.deepEqual((await add(index!)).errors, []);
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  const fragmentFile = files.find((file) => file.path.startsWith("fragment/"))!;
  const fragment = JSON.parse(gunzipSync(fragmentFile.content).toString("utf8").slice("pagefind_dcd".length)) as Record<string, unknown>;
  delete fragment.anchors;
  const names = (folder: string) => files.map((file) => file.path).filter((name) => name.startsWith(folder)).sort();
  return { fragment, words: names("index/"), filters: names("filter/") };
}

describe("search records of arbitrary articles", () => {
  after(() => pagefind.close());

  test("find what the article's page found: text, weights, filters and metadata", async () => {
    await fc.assert(
      fc.asyncProperty(articleFields, async (fields) => {
        const article = articleOf(fields);
        const model = buildSiteModel(makeContent([article], [], makeSite()), { isPreview: false, builtAt: new Date("2026-01-05T12:00:00Z") });
        const page = `<!doctype html>${renderToStaticMarkup(renderArticle({ newsroom: model, assets: ASSETS, page: { url: article.url }, article }) as never)}`;
        const fromPage = await indexedAs((index) => index.addHTMLFile({ url: article.url, content: searchablePart(page)! }));
        const fromRecord = await indexedAs((index) => index.addCustomRecord(searchRecordSources(model)[0]!.record()));
        // Pagefind decodes a filter read from a page's HTML twice: an author named "&amp;a" was "&a". A record's filter
        // values are the names as written; otherwise the same.
        const filters = fromRecord.fragment.filters as Record<string, string[]>;
        const decodedTwice = Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, values.map((value) => value.replaceAll("&amp;", "&"))]));
        assert.deepEqual({ ...fromRecord.fragment, filters: decodedTwice }, fromPage.fragment);
        assert.deepEqual(fromRecord.words, fromPage.words);
        if (JSON.stringify(decodedTwice) === JSON.stringify(filters)) assert.deepEqual(fromRecord.filters, fromPage.filters);
      }),
      { numRuns: 120 },
    );
  });
});
