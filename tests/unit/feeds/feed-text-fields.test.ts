import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import Parser from "rss-parser";
import { renderAtom } from "../../../src/feeds/atom.ts";
import type { FeedDocument } from "../../../src/feeds/feed-model.ts";
import { renderJsonFeed } from "../../../src/feeds/json-feed.ts";
import { renderRss } from "../../../src/feeds/rss.ts";
import { feedparserSkipReason, readWithFeedparser, type FeedparserFeed, type FeedparserField } from "./feedparser.ts";
import { hasLiveMarkup, textOfHtml } from "./html-reading.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** Hostile and awkward text, each put into every text field of a feed. */
const PAYLOADS = [
  "</script><script>alert(1)</script>",
  "X <img src=x onerror=alert(1)>",
  "Fish & chips",
  "AT&amp;T",
  '"quoted"',
  "]]>",
  "<b>bold</b>",
  "Zürich: «Ελλάδα», 東京 — café 🚀",
  "Q&A with AT&T's boss: 3 < 5",
];
const HAS_MARKUP_OPENER = /<[A-Za-z/!?]|&(?:#|[A-Za-z0-9]+;|[A-Za-z]{2})/;

/** One entry whose every text field (and the channel's) is `text`; `hasBody` as in the site's feeds, without as in tags' and authors'. */
function documentOf(text: string, hasBody: boolean): FeedDocument {
  const at = new Date("2026-11-26T08:30:00Z");
  return {
    title: text,
    description: text,
    language: "en-GB",
    homeUrl: "https://herald.example/",
    selfUrl: "https://herald.example/feed.xml",
    updated: at,
    entries: [
      {
        id: "https://herald.example/news/x/",
        url: "https://herald.example/news/x/",
        title: text,
        summary: text,
        ...(hasBody ? { contentHtml: "<p>The body.</p>" } : {}),
        published: at,
        updated: at,
        authors: [{ name: text, url: "https://herald.example/authors/x/" }],
        categories: [{ term: "budget", label: text }],
        image: { url: "https://herald.example/images/x.jpg", width: 1200, height: 800, alt: text, credit: text, mimeType: "image/jpeg" },
      },
    ],
  };
}

/** What a reader shows of one field, and whether markup in it would be live. */
type Reading = { shown: string | undefined; live: boolean };
const asText = (value: string | undefined): Reading => ({ shown: value, live: false });
const asHtml = (value: string | undefined): Reading => ({ shown: value === undefined ? undefined : textOfHtml(value), live: value !== undefined && hasLiveMarkup(value) });
const fromFeedparser = (field: FeedparserField | null | undefined): Reading => ({ shown: field?.shown, live: field?.has_live_markup ?? false });
/** xml2js gives an element with attributes as `{ _: text, $: attributes }`. */
const textOf = (node: unknown): string | undefined => (typeof node === "string" ? node : (node as { _?: string } | undefined)?._);
/** Media RSS text is plain unless its `type` says html. */
const asTyped = (node: { _?: string; $?: { type?: string } } | string | undefined): Reading =>
  typeof node === "object" && node.$?.type === "html" ? asHtml(textOf(node)) : asText(textOf(node));

/** Every field read that does not show `payload` exactly, or holds live markup: "payload | field: shown". */
function misreadings(payload: string, readings: Record<string, Reading>): string[] {
  return Object.entries(readings)
    .filter(([, reading]) => reading.shown !== payload || reading.live)
    .map(([name, reading]) => `${JSON.stringify(payload)} | ${name}: ${JSON.stringify(reading.shown)}${reading.live ? " (live markup)" : ""}`);
}

const rssParser: Parser<Record<string, any>, Record<string, any>> = new Parser({
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

const dir = temporaryFolder("feed-text-");
/** Each payload's feeds, written to files for feedparser: `${index}-${variant}.${format}`. */
const files = PAYLOADS.flatMap((payload, index) =>
  (["body", "headline"] as const).flatMap((variant) => {
    const document = documentOf(payload, variant === "body");
    return (
      [
        ["rss", renderRss(document)],
        ["atom", renderAtom(document)],
        ["json", renderJsonFeed(document)],
      ] as const
    ).map(([format, text]) => {
      const file = path.join(dir, `${index}-${variant}.${format === "json" ? "json" : `${format}.xml`}`);
      writeFileSync(file, text);
      return { payload, variant, format, file, text };
    });
  }),
);
const feedsOf = (format: string) => files.filter((file) => file.format === format);

describe("feed text fields read by rss-parser", () => {
  test("RSS: every field but the title shows the text exactly and holds no live markup", async () => {
    const wrong: string[] = [];
    for (const { payload, variant, text } of feedsOf("rss")) {
      const feed = await rssParser.parseString(text);
      const item = feed.items[0]!;
      const media = item.media ?? {};
      wrong.push(
        ...misreadings(payload, {
          [`${variant} channel description (HTML)`]: asHtml(feed.description),
          [`${variant} description (HTML)`]: asHtml(item.content),
          [`${variant} description as rss-parser's text`]: asText(item.contentSnippet),
          [`${variant} dc:creator`]: asText(item.creators?.[0]),
          [`${variant} category`]: asText(textOf(item.categories?.[0])),
          [`${variant} media:description (type ${media["media:description"]?.[0]?.$?.type})`]: asTyped(media["media:description"]?.[0]),
          [`${variant} media:credit`]: asText(textOf(media["media:credit"]?.[0])),
        }),
      );
    }
    assert.deepEqual(wrong, []);
  });

  test("RSS: a title shows exactly unless it holds markup, which then reaches the reader escaped, never live (the parsers disagree on titles: see rss.ts)", async () => {
    const wrong: string[] = [];
    for (const { payload, variant, text } of feedsOf("rss")) {
      const feed = await rssParser.parseString(text);
      for (const [name, title] of [[`${variant} channel title`, feed.title], [`${variant} title`, feed.items[0]!.title]] as const) {
        const reading = HAS_MARKUP_OPENER.test(payload) ? asHtml(title) : asText(title);
        wrong.push(...misreadings(payload, { [name]: reading }));
        if (hasLiveMarkup(title ?? "")) wrong.push(`${JSON.stringify(payload)} | ${name} has live markup: ${title}`);
      }
    }
    assert.deepEqual(wrong, []);
    const { title } = (await rssParser.parseString(renderRss(documentOf("Fish & chips: Q&A with AT&T's boss, 3 < 5", true)))).items[0]!;
    assert.equal(title, "Fish & chips: Q&A with AT&T's boss, 3 < 5", "text that HTML would not take for markup is left as it is");
  });

  test("Atom: every field shows the text exactly and holds no live markup", async () => {
    const wrong: string[] = [];
    for (const { payload, variant, text } of feedsOf("atom")) {
      const feed = await rssParser.parseString(text);
      const item = feed.items[0]!;
      const media = item.media ?? {};
      wrong.push(
        ...misreadings(payload, {
          [`${variant} feed title`]: asText(feed.title),
          [`${variant} subtitle`]: asText(textOf(feed.subtitle)),
          [`${variant} title`]: asText(item.title),
          [`${variant} summary`]: asText(item.summary),
          [`${variant} author name`]: asText(item.authors?.[0]?.name?.[0]),
          [`${variant} category label`]: asText(item.atomCategories?.[0]?.$?.label),
          [`${variant} media:description (type ${media["media:description"]?.[0]?.$?.type})`]: asTyped(media["media:description"]?.[0]),
          [`${variant} media:credit`]: asText(textOf(media["media:credit"]?.[0])),
        }),
      );
    }
    assert.deepEqual(wrong, []);
  });

  test("JSON Feed: every field is the text exactly", () => {
    const wrong: string[] = [];
    for (const { payload, variant, text } of feedsOf("json")) {
      const feed = JSON.parse(text);
      const item = feed.items[0];
      wrong.push(
        ...misreadings(payload, {
          [`${variant} title`]: asText(feed.title),
          [`${variant} description`]: asText(feed.description),
          [`${variant} item title`]: asText(item.title),
          [`${variant} summary`]: asText(item.summary),
          [`${variant} author name`]: asText(item.authors[0].name),
          [`${variant} tag`]: asText(item.tags[0]),
          ...(variant === "headline" ? { "headline content_text": asText(item.content_text) } : {}),
        }),
      );
    }
    assert.deepEqual(wrong, []);
  });
});

describe("feed text fields read by feedparser", { skip: feedparserSkipReason() }, () => {
  let read: Record<string, FeedparserFeed>;
  before(() => {
    read = readWithFeedparser(files.map((file) => file.file));
  });

  /** feedparser's reading of every text field of an RSS or Atom file. */
  function fieldsOf(file: (typeof files)[number]): Record<string, Reading> {
    const feed = read[file.file]!;
    assert.equal(feed.bozo, false, `${file.file} is well-formed to feedparser`);
    const entry = feed.entries![0]!;
    const { variant } = file;
    return {
      [`${variant} feed title`]: fromFeedparser(feed.feed!.title),
      [`${variant} feed subtitle`]: fromFeedparser(feed.feed!.subtitle),
      [`${variant} title (${entry.title?.type})`]: fromFeedparser(entry.title),
      [`${variant} summary (${entry.summary?.type})`]: fromFeedparser(entry.summary),
      [`${variant} author`]: fromFeedparser(entry.authors[0]),
      [`${variant} tag`]: asText((file.format === "rss" ? entry.tags[0]?.term : entry.tags[0]?.label) ?? undefined),
      [`${variant} media:credit`]: fromFeedparser(entry.media_credit[0]),
      // feedparser files media:description as an entry description: the
      // content of an entry without a body; with a body, it is not kept.
      ...(variant === "headline" ? { [`headline media:description as content (${entry.content[0]?.type})`]: fromFeedparser(entry.content[0]) } : {}),
    };
  }

  test("RSS: every field shows the text exactly and holds no live markup", () => {
    const wrong = feedsOf("rss").flatMap((file) => misreadings(file.payload, fieldsOf(file)));
    assert.deepEqual(wrong, []);
  });

  test("Atom: every field shows the text exactly and holds no live markup", () => {
    const wrong = feedsOf("atom").flatMap((file) => misreadings(file.payload, fieldsOf(file)));
    assert.deepEqual(wrong, []);
  });

  test("JSON Feed (read as JSON: Debian's feedparser 6.0 has no JSON Feed reader): every field is the text exactly", () => {
    const wrong = feedsOf("json").flatMap(({ payload, file }) => {
      const feed = read[file]!.json;
      const item = feed.items[0];
      return misreadings(payload, {
        title: asText(feed.title),
        description: asText(feed.description),
        "item title": asText(item.title),
        summary: asText(item.summary),
        "author name": asText(item.authors[0].name),
        tag: asText(item.tags[0]),
      });
    });
    assert.deepEqual(wrong, []);
  });
});
