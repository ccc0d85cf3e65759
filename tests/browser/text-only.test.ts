import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture } from "../integration/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let browser: Browser;
let server: StaticServer;

// Briefs without a photo among stories with one: the newest (the home page's lead) and two older ones.
const BRIEF = "/news/harbour-gates-brief/";
const WITH_HERO = "/news/tram-works/";

before(async () => {
  if (skip) return;
  const site = await buildFixture("text-only-briefs");
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
  return { page, close: () => context.close() };
}

describe("text-only briefs in Chromium", { skip }, () => {
  for (const width of [390, 1280]) {
    test(`at ${width} px a brief's page has no empty photo slot, opens with a lead paragraph and keeps the column of a photo story`, async () => {
      const brief = await open(BRIEF, width);
      const photo = await open(WITH_HERO, width);
      try {
        const measure = () => {
          const byline = document.querySelector('[data-component="byline"]')!.getBoundingClientRect();
          const paragraphs = [...document.querySelectorAll('[data-component="article-body"] > p')];
          const first = paragraphs[0]!.getBoundingClientRect();
          return {
            hasHero: document.querySelector('[data-component="hero"]') !== null,
            gap: first.top - byline.bottom,
            sizes: paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize)),
            body: { left: first.left, width: first.width },
          };
        };
        const text = await brief.page.evaluate(measure);
        const withHero = await photo.page.evaluate(measure);
        assert.equal(text.hasHero, false);
        assert.ok(text.gap < 80, `${Math.round(text.gap)} px between the byline and the first paragraph`);
        const [lead, ...rest] = text.sizes;
        assert.ok(rest.length > 0 && rest.every((size) => lead! >= size * 1.1), `the first paragraph (${lead}px) is set larger than the rest (${rest.join(", ")}px)`);
        assert.deepEqual(text.body, withHero.body, "the same column as a story with a photo");
      } finally {
        await brief.close();
        await photo.close();
      }
    });
  }

  test("at 390 px a brief listed as a row shows its dek across the row, with no thumbnail slot", async () => {
    const { page, close } = await open("/tags/transport/", 390);
    try {
      const rows = await page.locator('[data-component="article-card"]').evaluateAll((cards) =>
        cards.slice(1).map((card) => {
          const row = card.getBoundingClientRect();
          const title = card.querySelector(".card__title")!.getBoundingClientRect();
          const dek = card.querySelector(".card__dek") as HTMLElement;
          return { textOnly: card.querySelector("img") === null, titleWidth: title.width / row.width, dekShown: dek.offsetParent !== null && dek.getBoundingClientRect().height > 0 };
        }),
      );
      const briefs = rows.filter((row) => row.textOnly);
      assert.ok(briefs.length > 0, "a brief is listed after the first story");
      for (const row of briefs) {
        assert.ok(row.titleWidth > 0.9, `the headline spans ${Math.round(row.titleWidth * 100)}% of the row`);
        assert.ok(row.dekShown, "the dek is shown where a thumbnail would be");
      }
    } finally {
      await close();
    }
  });

  test("at 1280 px a brief's card fills its grid cell with text set a size up, from the top of the cell", async () => {
    const { page, close } = await open("/", 1280);
    try {
      const cards = await page.locator('[data-component="latest-news"] [data-component="article-card"]').evaluateAll((cards) =>
        cards.map((card) => {
          const box = card.getBoundingClientRect();
          const title = card.querySelector(".card__title")!;
          return { textOnly: card.querySelector("img") === null, titleTop: title.getBoundingClientRect().top - box.top, titleSize: parseFloat(getComputedStyle(title).fontSize) };
        }),
      );
      const briefs = cards.filter((card) => card.textOnly);
      const photos = cards.filter((card) => !card.textOnly);
      assert.ok(briefs.length > 0 && photos.length > 0);
      for (const brief of briefs) {
        assert.ok(brief.titleTop < 24, `the headline starts ${Math.round(brief.titleTop)} px into the card`);
        assert.ok(brief.titleSize > photos[0]!.titleSize, `a brief's headline (${brief.titleSize}px) is set larger than a photo card's (${photos[0]!.titleSize}px)`);
      }
    } finally {
      await close();
    }
  });

  for (const width of [390, 1280]) {
    test(`at ${width} px a text-only lead on the home page sets its headline large and leaves no empty photo space`, async () => {
      const { page, close } = await open("/", width);
      try {
        const lead = await page.locator('[data-component="lead-story"]').evaluate((section) => {
          const box = section.getBoundingClientRect();
          // The width the page gives its content: the lead may use all of it.
          const page = section.parentElement!;
          const style = getComputedStyle(page);
          const content = { left: page.getBoundingClientRect().left + parseFloat(style.paddingLeft), width: page.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
          const parts = [...section.querySelectorAll(".lead-story__headline, .lead-story__dek, .byline")].map((part) => part.getBoundingClientRect());
          const headline = section.querySelector(".lead-story__headline")!;
          return {
            hasImage: section.querySelector("img") !== null,
            headlineTop: headline.getBoundingClientRect().top - box.top,
            used: (Math.max(...parts.map((part) => part.right)) - content.left) / content.width,
            headlineSize: parseFloat(getComputedStyle(headline).fontSize),
            cardTitleSize: parseFloat(getComputedStyle(document.querySelector(".card__title")!).fontSize),
          };
        });
        assert.equal(lead.hasImage, false);
        assert.ok(lead.headlineTop < 4, "the headline opens the lead");
        assert.ok(lead.used > 0.9, `the lead's text spans ${Math.round(lead.used * 100)}% of the page's width`);
        assert.ok(lead.headlineSize >= (width < 800 ? 32 : 48), `the headline is set at ${lead.headlineSize}px`);
        assert.ok(lead.headlineSize > lead.cardTitleSize * 1.5);
      } finally {
        await close();
      }
    });
  }
});
