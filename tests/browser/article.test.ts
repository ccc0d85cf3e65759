import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(ROOT, "tests/output/screenshots");
const skip = skipReason();
if (skip) console.warn(`# browser tests skipped: ${skip}`);

const sample = useSampleSite(skip);
mkdirSync(SCREENSHOTS, { recursive: true });

/** Opens a page, collecting console errors, page errors and failed same-origin requests. */
async function openPage(width: number, url: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await sample.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.url().startsWith(sample.server.origin) && response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${sample.server.origin}${url}`, { waitUntil: "load" });
  return { page, problems, close: () => context.close() };
}

/** Visible and entirely inside the first screen (900 px tall), before any scrolling. */
async function isAboveTheFold(page: Page, selector: string) {
  const element = page.locator(selector).first();
  const box = await element.boundingBox();
  return (await element.isVisible()) && box !== null && box.y >= 0 && box.y + box.height <= 900;
}

describe("article page in Chromium", { skip }, () => {
  for (const width of [390, 1280]) {
    test(`at ${width} px the headline, hero and byline are visible, nothing overflows, no console error`, async () => {
      const { page, problems, close } = await openPage(width, sample.articleUrl);
      try {
        assert.ok(await isAboveTheFold(page, "h1"), "headline on the first screen");
        assert.ok(await isAboveTheFold(page, '[data-component="byline"]'), "byline on the first screen");
        assert.ok(await page.locator('[data-component="hero"] img').isVisible(), "hero visible");
        const hero = await page.locator('[data-component="hero"] img').evaluate((img: HTMLImageElement) => ({
          loaded: img.complete && img.naturalWidth > 0,
          width: img.getBoundingClientRect().width,
        }));
        assert.ok(hero.loaded, "hero image loaded");
        assert.ok(hero.width > width * 0.5, `hero is ${hero.width}px wide at ${width}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `article-${width}.png`), fullPage: true });
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  test("the skip link is the first focusable element and moves focus to the main content", async () => {
    const { page, close } = await openPage(390, sample.articleUrl);
    try {
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
      assert.ok(await page.locator(".skip-link").isVisible(), "the focused skip link is visible");
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    } finally {
      await close();
    }
  });
});

describe("newsletter sign-up in Chromium", { skip }, () => {
  test("explains an invalid address inline and sends nothing", async () => {
    const { page, close } = await openPage(390, sample.articleUrl);
    try {
      let requests = 0;
      await page.route("**/subscribe/**", (route) => {
        requests++;
        return route.fulfill({ status: 200, body: "ok" });
      });
      const form = page.locator("form[data-newsletter]").first();
      await form.locator('input[type="email"]').fill("reader@example");
      await form.locator('button[type="submit"]').click();
      await assertEventually(async () => (await form.locator('[role="status"]').textContent()) ?? "", /not a valid email address/);
      assert.equal(await form.locator('input[type="email"]').getAttribute("aria-invalid"), "true");
      assert.equal(await form.getAttribute("data-state"), "error");
      assert.equal(requests, 0);
    } finally {
      await close();
    }
  });

  test("posts a valid address to the provider and announces success", async () => {
    const { page, close } = await openPage(1280, sample.articleUrl);
    try {
      const posted: { method: string; body: string | null }[] = [];
      await page.route("**/subscribe/**", (route) => {
        posted.push({ method: route.request().method(), body: route.request().postData() });
        return route.fulfill({ status: 200, body: "ok" });
      });
      const form = page.locator("form[data-newsletter]").first();
      await form.locator('input[type="email"]').fill("reader@example.org");
      await form.locator('button[type="submit"]').click();
      await assertEventually(async () => (await form.locator('[role="status"]').textContent()) ?? "", /^Thanks! You are signed up to /);
      assert.deepEqual(posted, [{ method: "POST", body: "email=reader%40example.org" }]);
      assert.equal(await form.locator('input[type="email"]').inputValue(), "");
      await page.screenshot({ path: path.join(SCREENSHOTS, "newsletter-success-1280.png") });
    } finally {
      await close();
    }
  });

  test("works without JavaScript: the form itself posts to the provider", async () => {
    const { page, close } = await openPage(390, sample.articleUrl, { javaScriptEnabled: false });
    try {
      const posted: string[] = [];
      await page.route("**/subscribe/**", (route) => {
        posted.push(`${route.request().method()} ${route.request().postData()}`);
        return route.fulfill({ status: 200, contentType: "text/html", body: "<p>Subscribed</p>" });
      });
      const form = page.locator("form[data-newsletter]").first();
      await form.locator('input[type="email"]').fill("reader@example.org");
      await Promise.all([page.waitForURL("**/subscribe/**"), form.locator('button[type="submit"]').click()]);
      assert.deepEqual(posted, ["POST email=reader%40example.org"]);
    } finally {
      await close();
    }
  });
});

async function assertEventually(read: () => Promise<string>, pattern: RegExp, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  let value = "";
  while (Date.now() < deadline) {
    value = await read();
    if (pattern.test(value)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(value, pattern);
}
