import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture, htmlPages } from "../integration/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let browser: Browser;
let server: StaticServer;
let pages: string[] = [];

before(async () => {
  if (skip) return;
  const site = await buildFixture("hostile");
  pages = htmlPages(site.outputDir).map((page) => `/${page.replace(/index\.html$/, "")}`);
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("hostile input in Chromium", { skip }, () => {
  test("no dialog fires and the DOM holds no inline handler or javascript: URL, on any page, even after interaction", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    try {
      const found: string[] = [];
      for (const url of pages) {
        await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
        // Hover, focus and click everything that could carry a handler.
        for (const element of await page.locator("main b, main img, main figcaption span, a.byline__author").all()) {
          await element.hover({ timeout: 1000 }).catch(() => {});
        }
        await page.keyboard.press("Tab");
        await page.waitForTimeout(100);
        found.push(
          ...(await page.evaluate(() => {
            const problems: string[] = [];
            for (const element of document.querySelectorAll("*")) {
              for (const attribute of element.getAttributeNames()) {
                const value = element.getAttribute(attribute) ?? "";
                if (attribute.startsWith("on")) problems.push(`<${element.localName} ${attribute}>`);
                if (/^\s*(javascript|vbscript|data):/i.test(value) && ["href", "src", "action", "formaction"].includes(attribute)) problems.push(`${attribute}=${value}`);
              }
            }
            return problems;
          })).map((problem) => `${url}: ${problem}`),
        );
      }
      assert.ok(pages.length >= 10, `opened ${pages.length} pages`);
      assert.deepEqual(found, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });

  test("a search over hostile author names and tag labels runs no script: filters show them as text", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    try {
      await page.goto(`${server.origin}/search/`, { waitUntil: "load" });
      const search = page.locator('[data-component="search"]');
      // The query is typed key by key, as a reader would, into whatever text box the search UI offers.
      await search.locator("input:is([type=search], [type=text])").first().click();
      await page.keyboard.type("alert", { delay: 30 });
      await search.locator('a[href^="/news/"]').first().waitFor({ timeout: 10_000 });
      const results = await search.locator('a[href^="/news/"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
      const headlines = await search.locator('[data-component="search-result"] h2').allTextContents();
      const excerpts = await search.locator('[data-component="search-result"] p').allTextContents();
      const hits = await search.locator('[data-component="search-result"] p mark').allTextContents();
      // Open every disclosure (the filters), then tick every filter checkbox, one at a time as the UI redraws.
      const closed = search.locator("details:not([open]) > summary");
      for (let step = 0; step < 20 && (await closed.count()) > 0; step++) await closed.first().click();
      const unticked = search.locator("input[type=checkbox]:not(:checked)");
      for (let step = 0; step < 50 && (await unticked.count()) > 0; step++) {
        await unticked.first().check();
        await page.waitForTimeout(200);
      }
      assert.equal(await unticked.count(), 0, "every filter checkbox is ticked");
      const labels = (await search.locator("label").allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
      const markup = await search.evaluate((root) => {
        const problems: string[] = [];
        for (const element of root.querySelectorAll("*")) {
          for (const attribute of element.getAttributeNames()) if (attribute.startsWith("on")) problems.push(`<${element.localName} ${attribute}>`);
        }
        // The search UI creates none of these itself: any one came from the index.
        for (const element of root.querySelectorAll("img, script, svg, iframe, object, embed")) problems.push(`<${element.localName}>`);
        return problems;
      });
      for (const url of new Set(results)) await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
      assert.ok(labels.some((label) => label.includes("Mallory <img src=x onerror=alert('author')>")), `author label as text in ${JSON.stringify(labels)}`);
      assert.ok(labels.some((label) => label.includes("Security <img src=x onerror=alert('tag')>")), `tag label as text in ${JSON.stringify(labels)}`);
      assert.ok(results.length > 0, "the search found the hostile stories");
      // Headlines and excerpts are text too; in excerpts only Pagefind's hit marks are elements.
      assert.ok(headlines.includes(`<script>alert('title')</script> "Quoted" & 'single' </title><img src=x onerror=alert('t2')>`), JSON.stringify(headlines));
      assert.ok(excerpts.some((excerpt) => excerpt.includes(`<script>alert('title')</script> "Quoted" & 'single' </title><img src=x onerror=alert('t2')>`)), JSON.stringify(excerpts));
      assert.ok(hits.length > 0 && hits.every((hit) => /alert/.test(hit)), JSON.stringify(hits));
      assert.deepEqual(markup, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });

  test("the check itself sees a handler that does fire (the gate can fail)", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      await page.setContent('<img src="x" onerror="alert(\'fired\')">');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, ["fired"]);
    } finally {
      await page.close();
    }
  });
});
