import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import Parser from "rss-parser";
import { renderAtom } from "../../src/feeds/atom.ts";
import type { FeedDocument } from "../../src/feeds/feed-model.ts";
import { renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { renderRss } from "../../src/feeds/rss.ts";
import { xmllintSkipReason } from "../integration/xmllint.ts";
import { hasLiveMarkup, textOfHtml } from "../unit/feeds/html-reading.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/** Text near everything that means something to XML or HTML, and anything at all. */
const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom(
      "<", ">", "&", "/", "!", "?", ";", "#", "=", '"', "'", " ", "a", "b", "x", "3", "\t", "\n", "\r", "\u0000", "\u000B", "\uFFFE", "\uD800", "\uDC00", "é", "東",
      "\u2028", "amp;", "lt;", "#60;", "#x3C;", "copy", "]]>", "<![CDATA[", "<!--", "-->", "</script>", "<script>", "<img src=x onerror=alert(1)>", "<b>", "</b>", "&amp;", "&lt;",
    ),
    maxLength: 30,
  }),
);

const document = fc.record({ title: text, description: text, entryTitle: text, summary: text, body: text, author: text, tag: text, term: text, alt: text, credit: text });
type Texts = typeof document extends fc.Arbitrary<infer T> ? T : never;

function feedDocumentOf(texts: Texts, hasBody: boolean): FeedDocument {
  const at = new Date("2026-11-26T08:30:00Z");
  return {
    title: texts.title,
    description: texts.description,
    language: "en",
    homeUrl: "https://herald.example/",
    selfUrl: "https://herald.example/feed.xml",
    updated: at,
    entries: [
      {
        id: "https://herald.example/news/x/",
        url: "https://herald.example/news/x/",
        title: texts.entryTitle,
        summary: texts.summary,
        ...(hasBody ? { contentHtml: texts.body } : {}),
        published: at,
        updated: at,
        authors: [{ name: texts.author, url: "https://herald.example/authors/x/" }],
        categories: [{ term: texts.term, label: texts.tag }],
        image: { url: "https://herald.example/images/x.jpg", width: 1, height: 1, alt: texts.alt, credit: texts.credit, mimeType: "image/jpeg" },
      },
    ],
  };
}

/** What XML can carry of a text: XML 1.0 has no way to write these characters. */
const inXml = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
const readText = (value: unknown) => (typeof value === "string" ? value : ((value as { _?: string } | undefined)?._ ?? ""));
/** HTML parsers turn CR and CRLF into LF before reading. */
const lines = (value: string) => value.replace(/\r\n?/g, "\n");

/** `shown` is `expected`; rss-parser (xml2js) may give whitespace-only text as "" (and Atom's empty title as none). */
function assertShows(shown: string, expected: string, field: string): void {
  if (expected.trim() === "" && shown === "") return;
  assert.equal(shown, expected, field);
}

/** An HTML-typed field: no markup in it, and its text is the original. */
function assertHtmlShows(raw: unknown, original: string, field: string): void {
  const html = readText(raw);
  assert.ok(!hasLiveMarkup(html), `${field} holds live markup: ${JSON.stringify(html)}`);
  assertShows(lines(textOfHtml(html)), lines(inXml(original)), field);
}

function assertTextIs(raw: unknown, original: string, field: string): void {
  assertShows(readText(raw), inXml(original), field);
}

const parser: Parser<Record<string, any>, Record<string, any>> = new Parser({
  customFields: {
    feed: ["subtitle"],
    item: [
      ["dc:creator", "creators", { keepArray: true }],
      ["author", "authors", { keepArray: true }],
      ["category", "atomCategories", { keepArray: true }],
      ["media:content", "media"],
    ],
  },
});

const dir = temporaryFolder("feed-property-");
/** Both files are well-formed XML to a strict parser (xmllint). */
function assertWellFormed(rss: string, atom: string): void {
  const files = [path.join(dir, "feed.xml"), path.join(dir, "atom.xml")];
  writeFileSync(files[0]!, rss);
  writeFileSync(files[1]!, atom);
  const result = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
}

describe("feeds with arbitrary text in every field", { skip: xmllintSkipReason() }, () => {
  test("RSS and Atom stay well-formed, and rss-parser reads each field as written, with no live markup where it reads HTML", async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.boolean(), async (texts, hasBody) => {
        const source = feedDocumentOf(texts, hasBody);
        const [rssXml, atomXml] = [renderRss(source), renderAtom(source)];
        assertWellFormed(rssXml, atomXml);

        const rss = await parser.parseString(rssXml);
        const item = rss.items[0]!;
        assertHtmlShows(rss.title, texts.title, "RSS channel title");
        assertHtmlShows(rss.description, texts.description, "RSS channel description");
        assertHtmlShows(item.title, texts.entryTitle, "RSS title");
        if (!/<[A-Za-z/!?]|&(?:#|[A-Za-z0-9]+;|[A-Za-z]{2})/.test(inXml(texts.entryTitle))) assertTextIs(item.title, texts.entryTitle, "RSS title without markup, as written");
        assertHtmlShows(item.content, texts.summary, "RSS description");
        assertTextIs(item.creators[0], texts.author, "RSS dc:creator");
        const category = (item.categories as unknown[])[0] as { _?: string; $?: { domain?: string } };
        assertTextIs(category, texts.tag, "RSS category");
        assert.equal(category.$?.domain ?? "", inXml(texts.term), "RSS category domain");
        if (hasBody) assertTextIs(item["content:encoded"], texts.body, "RSS content:encoded");
        assertHtmlShows(item.media["media:description"][0], texts.alt, "RSS media:description");
        assertTextIs(item.media["media:credit"][0], texts.credit, "RSS media:credit");

        const atom = await parser.parseString(atomXml);
        const entry = atom.items[0]!;
        assertTextIs(atom.title ?? "", texts.title, "Atom title");
        assertTextIs(atom.subtitle, texts.description, "Atom subtitle");
        assertTextIs(entry.title ?? "", texts.entryTitle, "Atom entry title");
        assertTextIs(entry.summary, texts.summary, "Atom summary");
        assertTextIs(entry.authors[0].name[0], texts.author, "Atom author name");
        assert.deepEqual({ ...entry.atomCategories[0].$ }, { term: inXml(texts.term), label: inXml(texts.tag) }, "Atom category");
        // rss-parser turns an Atom element without text into XML of its own.
        if (hasBody && inXml(texts.body).trim() !== "") assertTextIs(entry.content, texts.body, "Atom content");
        assertTextIs(entry.media["media:description"][0], texts.alt, "Atom media:description");
        assertTextIs(entry.media["media:credit"][0], texts.credit, "Atom media:credit");
      }),
      { numRuns: 200 },
    );
  });

  test("JSON Feed gives back every field exactly", () => {
    fc.assert(
      fc.property(document, (texts) => {
        const feed = JSON.parse(renderJsonFeed(feedDocumentOf(texts, true)));
        const [item] = feed.items;
        assert.deepEqual(
          [feed.title, feed.description, item.title, item.summary, item.content_html, item.authors[0].name, item.tags[0]],
          [texts.title, texts.description, texts.entryTitle, texts.summary, texts.body, texts.author, texts.tag],
        );
      }),
      { numRuns: 500 },
    );
  });
});
