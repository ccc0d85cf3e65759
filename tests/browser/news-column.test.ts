import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";

const skip = skipReason();
const sample = useSampleSite(skip);
const DAY_MS = 86_400_000;
const COLUMN = '[data-component="news-feed-column"]';
/** A label that is a time of day and nothing else ("16:00"): it claims the story is from the reader's today. */
const BARE_TIME = /^\d{1,2}[:.]\d{2}$/;

interface Label {
  text: string;
  datetime: string;
}

/** The newest article's publication time, as the article page gives it (with the site zone's offset). */
async function newestPublication(page: Page): Promise<Date> {
  await page.goto(`${sample.server.origin}${sample.articleUrl}`);
  return new Date((await page.locator('[data-component="published"] time').getAttribute("datetime"))!);
}

async function columnLabels(page: Page): Promise<Label[]> {
  return page.locator(`${COLUMN} li time`).evaluateAll((times) => times.map((time) => ({ text: (time.textContent ?? "").trim(), datetime: time.getAttribute("datetime") ?? "" })));
}

/** The site's time zone, from the column itself. */
async function siteZone(page: Page): Promise<string> {
  return (await page.locator(COLUMN).first().getAttribute("data-time-zone"))!;
}

/** Opens `url` with the reader's clock fixed at `now`, once the page's scripts have fetched what they fetch. */
async function openAt(url: string, now: Date, routeFeed?: (page: Page) => Promise<unknown>) {
  const context = await sample.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await routeFeed?.(page);
  await page.goto(`${sample.server.origin}${url}`, { waitUntil: "networkidle" });
  return { page, close: () => context.close() };
}

/** Checks `check` until it passes or `timeoutMs` is over (scripts finish a moment after their fetch), then once more to report. */
async function eventually(check: () => Promise<void>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await check();
}

/** Internal links of the lists an article page shows besides its news column. */
async function otherListLinks(page: Page): Promise<string[]> {
  return page
    .locator('[data-component="related"] li > a, [data-component="more-news"] .card__title a, [data-component="editors-picks"] .card__title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "").filter((href) => href.startsWith("/")));
}

/** The day of a `datetime` in a zone, "27", to find in a label. */
function dayOfMonth(datetime: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric" }).format(new Date(datetime));
}

describe("the news column's times in Chromium", { skip }, () => {
  test("a day after the newest story, every item shows its date, never a bare time (the feed fetched or not)", async () => {
    const probe = await sample.browser.newPage();
    const newest = await newestPublication(probe);
    await probe.close();
    const nextDay = new Date(newest.getTime() + DAY_MS);
    for (const url of [sample.articleUrl, "/"]) {
      for (const feed of ["served", "unreachable"] as const) {
        const { page, close } = await openAt(url, nextDay, feed === "unreachable" ? (page) => page.route("**/headlines.json", (route) => route.abort()) : undefined);
        try {
          const zone = await siteZone(page);
          await eventually(async () => {
            const labels = await columnLabels(page);
            assert.ok(labels.length > 0, `${url}: the column lists stories`);
            for (const label of labels) {
              assert.doesNotMatch(label.text, BARE_TIME, `${url} (feed ${feed}): "${label.text}" for a story of ${label.datetime}, read the next day`);
              assert.ok(label.text.includes(dayOfMonth(label.datetime, zone)), `${url} (feed ${feed}): "${label.text}" names the day of ${label.datetime}`);
            }
          });
        } finally {
          await close();
        }
      }
    }
  });

  test("a story from the reader's today shows its time, older ones their date; the refresh adds no story the page shows elsewhere", async () => {
    const probe = await sample.browser.newPage();
    const newest = await newestPublication(probe);
    await probe.close();
    const now = new Date(newest.getTime() + 2 * DAY_MS);
    const breaking = new Date(now.getTime() - 60 * 60_000);
    const { page, close } = await openAt(sample.articleUrl, now, async (page) => {
      await page.route("**/headlines.json", async (route) => {
        const feed = await (await route.fetch()).json();
        feed.items.unshift({ ...feed.items[0], id: "https://example.test/news/breaking/", url: "https://example.test/news/breaking/", title: "Breaking news", date_published: breaking.toISOString() });
        await route.fulfill({ status: 200, contentType: "application/feed+json", body: JSON.stringify(feed) });
      });
    });
    try {
      await page.waitForSelector(`${COLUMN}[data-refreshed="true"]`, { timeout: 5000 });
      const zone = await siteZone(page);
      const [first, ...rest] = await columnLabels(page);
      const expected = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(breaking);
      assert.equal(first!.text, expected, "the story published an hour ago shows its time in the site's zone");
      assert.ok(rest.length > 0);
      for (const label of rest) assert.doesNotMatch(label.text, BARE_TIME, `"${label.text}" for ${label.datetime}, two days old`);
      const column = await page.locator(`${COLUMN} li a`).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      const elsewhere = new Set([sample.articleUrl, ...(await otherListLinks(page))]);
      assert.deepEqual(column.filter((href) => elsewhere.has(href!)), [], "stories the page already shows stay out of the refreshed column");
    } finally {
      await close();
    }
  });

  test("without JavaScript no item claims to be from today: each shows its date and time", async () => {
    const context = await sample.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const url of [sample.articleUrl, "/"]) {
        await page.goto(`${sample.server.origin}${url}`);
        const zone = await siteZone(page);
        const labels = await columnLabels(page);
        assert.ok(labels.length > 0, `${url}: the column lists stories`);
        for (const label of labels) {
          assert.doesNotMatch(label.text, BARE_TIME, `${url}: "${label.text}"`);
          assert.ok(label.text.includes(dayOfMonth(label.datetime, zone)), `${url}: "${label.text}" names the day of ${label.datetime}`);
          const time = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(new Date(label.datetime));
          assert.ok(label.text.includes(time), `${url}: "${label.text}" gives the time ${time} too`);
        }
      }
    } finally {
      await context.close();
    }
  });

  test("an article page's built column says it lists the stories before this one; once the feed is read it is the news feed", async () => {
    const probe = await sample.browser.newPage();
    const newest = await newestPublication(probe);
    await probe.close();
    const heading = (page: Page) => page.locator(`${COLUMN} h2`).textContent();
    const landmark = (page: Page) => page.getByRole("complementary", { name: "News feed" }).count();
    const served = await openAt(sample.articleUrl, new Date(newest.getTime() + DAY_MS));
    try {
      await served.page.waitForSelector(`${COLUMN}[data-refreshed="true"]`, { timeout: 5000 });
      assert.equal(await heading(served.page), "News feed");
      assert.equal(await landmark(served.page), 1, "the side column is named by its heading");
    } finally {
      await served.close();
    }
    const offline = await openAt(sample.articleUrl, new Date(newest.getTime() + DAY_MS), (page) => page.route("**/headlines.json", (route) => route.abort()));
    try {
      assert.equal(await heading(offline.page), "Before this story");
    } finally {
      await offline.close();
    }
  });
});
