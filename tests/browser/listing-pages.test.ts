import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { buildArchiveFixture } from "../integration/archive-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/**
 * The numbered pages of long listings, in Chromium: the sample site's
 * listings fit on their front pages, so these open the basic fixture with
 * twelve more stories (17 in the news feed, in pages of 3; 7 on transport,
 * in pages of 2).
 */

const skip = skipReason();
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const WIDTHS = [390, 1280];
const LISTING_PAGES = ["/news-feed/", "/news-feed/page/4/", "/news-feed/page/1/", "/tags/transport/", "/tags/transport/page/1/"];

let browser: Browser;
let server: StaticServer;
before(async () => {
  if (skip) return;
  const site = await buildArchiveFixture(12);
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
  return { page, close: () => context.close() };
}

describe("listing pages in Chromium", { skip }, () => {
  for (const width of WIDTHS) {
    test(`front and numbered pages have zero axe violations, fit the screen and keep their page links on one line at ${width} px`, async () => {
      const found: string[] = [];
      for (const url of LISTING_PAGES) {
        const { page, close } = await open(url, width);
        try {
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          for (const violation of results.violations) found.push(`${url}: ${violation.id} ${violation.help}`);
          // (No named functions inside: the test runner's compiler would wrap them in a helper the page lacks.)
          const layout = await page.evaluate(() => ({
            overflows: document.documentElement.scrollWidth > window.innerWidth,
            // Each link and the page's name on one line (the distinct tops of its text's boxes): no link wraps word by word.
            wrapped: [...document.querySelectorAll(".pagination a, .pagination__status")]
              .filter((element) => {
                const range = document.createRange();
                range.selectNodeContents(element);
                return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size > 1;
              })
              .map((element) => element.textContent),
            small: [...document.querySelectorAll(".pagination a")].filter((a) => a.getBoundingClientRect().height < 24).map((a) => a.textContent),
          }));
          if (layout.overflows) found.push(`${url}: wider than the screen`);
          for (const text of layout.wrapped) found.push(`${url}: "${text}" wraps`);
          for (const text of layout.small) found.push(`${url}: "${text}" is under 24 px tall`);
        } finally {
          await close();
        }
      }
      assert.deepEqual(found, []);
    });
  }

  test("following rel=next from the front page reaches every story once, oldest last; rel=prev leads back", async () => {
    const { page, close } = await open("/news-feed/", 1280);
    try {
      const seen: string[] = [];
      const visited: string[] = [];
      for (;;) {
        visited.push(new URL(page.url()).pathname);
        seen.push(...(await page.locator('[data-component="feed-item"] h3 a').evaluateAll((links) => links.map((link) => link.getAttribute("href")!))));
        const next = page.locator('[data-component="pagination"] a[rel="next"]');
        if ((await next.count()) === 0) break;
        await next.click();
      }
      assert.deepEqual(visited, ["/news-feed/", "/news-feed/page/4/", "/news-feed/page/3/", "/news-feed/page/2/", "/news-feed/page/1/"]);
      assert.equal(seen.length, 17);
      assert.equal(new Set(seen).size, 17);
      assert.equal(seen.at(-1), "/news/summer-festival/");
      const back: string[] = [];
      for (;;) {
        const previous = page.locator('[data-component="pagination"] a[rel="prev"]');
        if ((await previous.count()) === 0) break;
        await previous.click();
        back.push(new URL(page.url()).pathname);
      }
      assert.deepEqual(back, ["/news-feed/page/2/", "/news-feed/page/3/", "/news-feed/page/4/", "/news-feed/"]);
    } finally {
      await close();
    }
  });
});
