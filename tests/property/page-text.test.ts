import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { renderToStaticMarkup } from "preact-render-to-string";
import { render as renderArticle } from "../../layouts/article.11ty.tsx";
import { render as renderAuthor } from "../../layouts/author.11ty.tsx";
import { render as renderHome } from "../../layouts/home.11ty.tsx";
import { render as renderTag } from "../../layouts/tag.11ty.tsx";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { PUBLIC_DIR } from "../../src/eleventy/static-assets.ts";
import { readPublicAssets } from "../../src/eleventy/static-assets.ts";
import { renderNewsSitemap } from "../../src/feeds/sitemap.ts";
import { makeArticle, makeAuthor, makeAuthorRef, makeContent, makeHero, makeSite, makeTag } from "../unit/helpers.ts";

/** Text near everything that means something to HTML, JSON or XML, and anything at all (never blank: the schemas refuse that). */
const text = fc
  .oneof(
    fc.string({ minLength: 1 }),
    fc.string({
      minLength: 1,
      unit: fc.constantFrom("<", ">", "&", "\"", "'", "/", "=", " ", "a", "x", "é", "\u2028", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "]]>", "{{", "}}", "&amp;", "javascript:", "</title>", "<style>", "\\", "\n"),
    }),
  )
  .filter((value) => value.trim().length > 0);

const FIELD_NAMES = [
  "title", "dek", "alt", "caption", "credit", "author", "tag", "siteName", "tagline",
  "promoText", "promoLink", "newsletterName", "newsletterDescription", "correction", "relatedTitle", "navigation",
] as const;
type Fields = Record<(typeof FIELD_NAMES)[number], string>;
const fields: fc.Arbitrary<Fields> = fc.record(Object.fromEntries(FIELD_NAMES.map((name) => [name, text])) as Record<keyof Fields, fc.Arbitrary<string>>);
/** The same pages with plain words everywhere: the shape every page must keep. */
const BENIGN = Object.fromEntries(FIELD_NAMES.map((name) => [name, "Plain text"])) as Fields;

const { manifest: ASSETS } = await readPublicAssets(PUBLIC_DIR);

/** The site's pages with `values` in every text field a contributor writes (frontmatter, author file, site settings). */
function pages(values: Fields): Record<string, string> {
  const site = makeSite({
    name: values.siteName,
    tagline: values.tagline,
    promo: { text: values.promoText, linkText: values.promoLink, url: "https://herald.example.org/support/" },
    newsletters: [{ id: "daily", name: values.newsletterName, description: values.newsletterDescription, action: "https://newsletters.example.org/daily" }],
    navigation: [{ label: values.navigation, tag: "harbour" }],
  });
  const author = makeAuthor("mallory", { name: values.author });
  const tag = makeTag("harbour", { label: values.tag });
  const article = makeArticle("story", {
    title: values.title,
    dek: values.dek,
    authors: [makeAuthorRef("mallory", { name: values.author })],
    tags: [tag],
    hero: makeHero({ alt: values.alt, caption: values.caption, credit: values.credit }),
    corrections: [{ date: new Date("2026-01-02T12:00:00Z"), text: values.correction }],
    updatedAt: new Date("2026-01-02T12:00:00Z"),
    related: [{ title: values.relatedTitle, url: "https://elsewhere.example.org/" }],
    publishedAt: new Date("2026-01-01T12:00:00Z"),
  });
  const other = makeArticle("other", { tags: [tag], authors: [makeAuthorRef("mallory", { name: values.author })], publishedAt: new Date("2025-12-31T12:00:00Z") });
  const model = buildSiteModel(makeContent([article, other], [author], site), { isPreview: false, builtAt: new Date("2026-01-02T13:00:00Z") });
  const frame = { newsroom: model, assets: ASSETS };
  const html = (vnode: unknown) => `<!doctype html>${renderToStaticMarkup(vnode as never)}`;
  return {
    article: html(renderArticle({ ...frame, page: { url: article.url }, article })),
    home: html(renderHome({ ...frame, page: { url: "/" } })),
    tag: html(renderTag({ ...frame, page: { url: "/tags/harbour/" }, tagPage: model.tagPages[0]! })),
    author: html(renderAuthor({ ...frame, page: { url: "/authors/mallory/" }, authorGroup: model.authorGroups[0]! })),
  };
}

/** The page's elements, in order, with their attribute names: what markup in a value would change. */
function shapeOf(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll("*")].map((element) => `${element.localName}[${element.getAttributeNames().sort().join(",")}]`);
}

describe("arbitrary text in every field never becomes markup, #19", () => {
  test("the article, home, tag and author pages have the same elements whatever the text, and show it as written; structured data parses to it", () => {
    const benign = Object.fromEntries(Object.entries(pages(BENIGN)).map(([name, html]) => [name, shapeOf(html)]));
    fc.assert(
      fc.property(fields, (values) => {
        const rendered = pages(values);
        for (const [name, html] of Object.entries(rendered)) assert.deepEqual(shapeOf(html), benign[name], `${name}: an element or attribute appeared`);
        const { document } = parseHTML(rendered.article!);
        assert.equal(document.querySelector("h1")!.textContent, values.title);
        assert.equal(document.querySelector('[data-component="dek"]')!.textContent, values.dek);
        assert.equal(document.querySelector('[data-component="hero"] img')!.getAttribute("alt"), values.alt);
        const structured = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
        const newsArticle = structured.find((item) => item["@type"] === "NewsArticle");
        assert.equal(newsArticle.headline, values.title);
        assert.equal(newsArticle.author[0].name, values.author);
        for (const script of document.querySelectorAll('script[type="application/ld+json"]')) assert.doesNotMatch(script.textContent!, /<\/script|<!--/i);
      }),
      { numRuns: 150 },
    );
  });

  test("the Google News sitemap carries the headline as text and stays well-formed XML", () => {
    fc.assert(
      fc.property(text, (title) => {
        const article = makeArticle("story", { title, publishedAt: new Date("2026-01-01T12:00:00Z") });
        const model = buildSiteModel(makeContent([article]), { isPreview: false, builtAt: new Date("2026-01-02T13:00:00Z") });
        const xml = renderNewsSitemap(model, model.builtAt);
        const { document } = parseHTML(xml.replace(/<\?xml[^>]*>/, ""), "text/xml" as never);
        const shown = document.getElementsByTagName("news:title")[0]?.textContent ?? "";
        assert.equal(shown, title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "").replace(/\r\n?/g, "\n"));
      }),
      { numRuns: 150 },
    );
  });
});
