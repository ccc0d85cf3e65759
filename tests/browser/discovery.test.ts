import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture, type BuiltSite } from "../integration/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let site: BuiltSite;
let browser: Browser;
let server: StaticServer;

before(async () => {
  if (skip) return;
  // Archive bundles of two articles, every article archived: the word searched for is in an archive, merged into the live bundle's results.
  site = await buildFixture("basic", { searchBundleSizes: { articlesPerArchive: 2, freshLimit: 0 } });
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function resultLinks(url: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`);
  return { page, close: () => context.close() };
}

describe("search in Chromium", { skip }, () => {
  test("finds the one article that contains a word, from the masthead's search box", async () => {
    const { page, close } = await resultLinks("/news/tram-extension/");
    try {
      await page.fill("#site-search-query", "councillors");
      await Promise.all([page.waitForURL("**/search/?q=councillors"), page.press("#site-search-query", "Enter")]);
      await page.waitForFunction(() => document.getElementById("search-status")?.textContent === "1 result for “councillors”.", undefined, { timeout: 10_000 });
      const links = await page.locator('[data-component="search-result"] h2 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
      assert.deepEqual(links, ["/news/council-budget/"]);
    } finally {
      await close();
    }
  });

  test("newest first reads every bundle in date order, which Pagefind's own merge by score loses", async () => {
    const { page, close } = await resultLinks("/search/?q=the&sort=newest");
    try {
      await page.waitForFunction(() => document.getElementById("search-status")?.textContent === "6 results for “the”.", undefined, { timeout: 10_000 });
      const links = await page.locator('[data-component="search-result"] h2 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
      // Published 26 Nov 23:30 UTC, 26 Nov 08:30, 25 Nov, 24 Nov, 1 Jul: in three bundles of at most two; the undated
      // standalone page (Support the Gazette) last.
      assert.deepEqual(links, ["/news/late-night-ferry/", "/news/council-budget/", "/news/tram-extension/", "/news/bridge-repairs/", "/news/summer-festival/", "/support/"]);
      assert.equal(await page.locator("#search-sort").inputValue(), "newest");
    } finally {
      await close();
    }
  });

  test("without JavaScript the search page explains itself and offers the topics", async () => {
    const { page, close } = await resultLinks("/search/", false);
    try {
      assert.match((await page.locator(".search__no-js").textContent()) ?? "", /Search needs JavaScript/);
      assert.equal(await page.locator('.search__no-js a[href="/tags/"]').count(), 1);
    } finally {
      await close();
    }
  });
});

describe("fresh headlines in Chromium", { skip }, () => {
  test("the news-feed column shows headlines published after the page was built", async () => {
    const feed = JSON.parse(readFileSync(path.join(site.outputDir, "headlines.json"), "utf8"));
    feed.items.unshift({ ...feed.items[0], id: "https://gazette.example.test/news/breaking/", url: "https://gazette.example.test/news/breaking/", title: "Breaking: <b>ferry</b> returns", date_published: new Date().toISOString() });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.route("**/headlines.json", (route) => route.fulfill({ status: 200, contentType: "application/feed+json", body: JSON.stringify(feed) }));
      await page.goto(`${server.origin}/news/tram-extension/`);
      const column = page.locator('[data-component="news-feed-column"]');
      await page.waitForSelector('[data-component="news-feed-column"][data-refreshed="true"]', { timeout: 5000 });
      const first = column.locator("li a").first();
      assert.equal(await first.textContent(), "Breaking: <b>ferry</b> returns");
      assert.equal(await first.getAttribute("href"), "/news/breaking/");
      assert.equal(await column.locator("li b").count(), 0, "the title is text, not HTML");
      assert.equal(await column.locator('li a[href="/news/tram-extension/"]').count(), 0, "the page's own article stays out");
    } finally {
      await context.close();
    }
  });
});
