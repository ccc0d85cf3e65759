import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import Parser from "rss-parser";
import { SITE_CARD } from "../../src/discovery/brand-images.ts";
import { buildFixture, type BuiltSite } from "./build-fixture.ts";

const BASE = "https://courier.example.test";
let site: BuiltSite;
before(async () => {
  site = await buildFixture("text-only", { now: new Date("2026-11-21T09:00:00Z") });
});

function jsonLd(document: Document): Record<string, any>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
}

const meta = (document: Document, key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");

describe("articles without a hero (text-only briefs)", () => {
  test("the article page has no hero figure and the text-only design", () => {
    const page = site.page("/news/ferry-timetable-brief/");
    assert.equal(page.querySelector('[data-component="hero"]'), null);
    assert.match(page.querySelector('[data-component="article"]')!.getAttribute("class")!, /article--text-only/);
    assert.equal(page.querySelector("h1")!.textContent, "Ferry timetable changes on Sunday");
  });

  test("its social card and structured data fall back to the site's card", () => {
    const page = site.page("/news/ferry-timetable-brief/");
    assert.equal(meta(page, "og:image"), `${BASE}${SITE_CARD.url}`);
    assert.equal(meta(page, "og:image:alt"), "The Brief Courier");
    const article = jsonLd(page).find((item) => item["@type"] === "NewsArticle")!;
    assert.deepEqual(article.image, [{ "@type": "ImageObject", url: `${BASE}${SITE_CARD.url}`, width: SITE_CARD.width, height: SITE_CARD.height }]);
  });

  test("feeds carry no image for it", async () => {
    const rss = await new Parser({ customFields: { item: [["media:content", "media"]] } }).parseString(site.html("/feed.xml"));
    const brief = rss.items.find((item) => item.link === `${BASE}/news/ferry-timetable-brief/`)!;
    assert.equal(brief.media, undefined);
    const json = JSON.parse(site.html("/feed.json")) as { items: { url: string; image?: string }[] };
    assert.equal(json.items.find((item) => item.url === `${BASE}/news/ferry-timetable-brief/`)!.image, undefined);
  });

  test("the home page leads with it as text, and lists show it as a text card", () => {
    const home = site.page("/");
    const lead = home.querySelector('[data-component="lead-story"]')!;
    assert.match(lead.getAttribute("class")!, /lead-story--text-only/);
    assert.equal(lead.querySelector("img"), null);
    const card = [...site.page("/tags/transport/").querySelectorAll('[data-component="article-card"]')].find((element) => element.textContent!.includes("Ferry timetable"));
    assert.ok(card, "the brief is listed on its tag page");
    assert.equal(card.querySelector("img"), null);
  });
});

describe("a hero without a credit", () => {
  test("shows no empty credit, and structured data names no creator", () => {
    const page = site.page("/news/council-meets-uncredited/");
    assert.equal(page.querySelector(".hero__credit"), null);
    const article = jsonLd(page).find((item) => item["@type"] === "NewsArticle")!;
    assert.ok(article.image.length > 0);
    for (const image of article.image) {
      assert.equal(image.creator, undefined);
      assert.equal(image.caption, "The council chamber");
    }
  });
});
