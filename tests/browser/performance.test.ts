import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";

const skip = skipReason();
/** Bytes a page may transfer, images excluded (HTML, CSS, JS, JSON, fonts). */
const BUDGET_BYTES = 60 * 1024;

const sample = useSampleSite(skip);

interface Measurement {
  cls: number;
  lcpElement: string | null;
  heroPriority?: string;
  nonImageBytes: number;
  blockingScripts: string[];
}

/** Loads a page at phone width and reads layout shift, LCP, request priorities and bytes. */
async function measure(url: string, heroSelector: string): Promise<Measurement> {
  const context = await sample.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const priorities = new Map<string, string>();
  cdp.on("Network.requestWillBeSent", (event) => priorities.set(event.request.url, event.request.initialPriority));
  try {
    await page.goto(`${sample.server.origin}${url}`, { waitUntil: "load" });
    await page.waitForTimeout(500);
    const result = await page.evaluate(async (selector) => {
      const entries = async (type: string) =>
        new Promise<PerformanceEntry[]>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type, buffered: true });
          setTimeout(() => resolve([]), 1000);
        });
      const shifts = (await entries("layout-shift")) as (PerformanceEntry & { value: number; hadRecentInput: boolean })[];
      const lcp = (await entries("largest-contentful-paint")) as (PerformanceEntry & { element: Element | null })[];
      const hero = document.querySelector(selector);
      const last = lcp[lcp.length - 1]?.element ?? null;
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const isImage = (entry: PerformanceResourceTiming) => entry.initiatorType === "img" || /\.(jpe?g|png|webp|avif|gif|svg)(\?|$)/.test(entry.name);
      return {
        cls: shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0),
        lcpElement: last && hero && (last === hero || hero.contains(last) || last.contains(hero)) ? "hero" : last?.outerHTML.slice(0, 120) ?? null,
        heroUrl: hero ? ((hero as HTMLImageElement).currentSrc || (hero.querySelector("img") as HTMLImageElement | null)?.currentSrc || "") : "",
        nonImageBytes: navigation.transferSize + resources.filter((entry) => !isImage(entry)).reduce((sum, entry) => sum + entry.transferSize, 0),
        blockingScripts: resources
          .filter((entry) => entry.initiatorType === "script" && (entry as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === "blocking")
          .map((entry) => entry.name),
      };
    }, heroSelector);
    return { ...result, heroPriority: priorities.get(result.heroUrl) };
  } finally {
    await context.close();
  }
}

describe("performance budget in Chromium", { skip }, () => {
  for (const [name, url, hero] of [
    ["article", () => sample.articleUrl, '[data-component="hero"] img'],
    ["home", () => "/", '[data-component="lead-story"] img'],
  ] as const) {
    test(`the ${name} page: no layout shift, the hero is the LCP at high priority, under 60 KB besides images, no blocking script`, async () => {
      const result = await measure(url(), hero);
      assert.equal(result.cls, 0, "cumulative layout shift");
      assert.equal(result.lcpElement, "hero", "largest contentful paint element");
      assert.ok(result.heroPriority === "High" || result.heroPriority === "VeryHigh", `hero requested at ${result.heroPriority} priority`);
      assert.ok(result.nonImageBytes > 0 && result.nonImageBytes < BUDGET_BYTES, `${result.nonImageBytes} bytes transferred besides images`);
      assert.deepEqual(result.blockingScripts, []);
    });
  }

  test("pages are fully readable with JavaScript disabled", async () => {
    const context = await sample.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const url of [sample.articleUrl, "/", "/news-feed/"]) {
        await page.goto(`${sample.server.origin}${url}`);
        assert.ok(await page.locator("h1").first().isVisible(), `${url}: headline visible`);
        const text = await page.locator("main").innerText();
        assert.ok(text.length > 500, `${url}: ${text.length} characters of visible text`);
      }
      const body = await page.goto(`${sample.server.origin}${sample.articleUrl}`).then(() => page.locator('[data-component="article-body"]').innerText());
      assert.ok(body.split(/\s+/).length > 150, "the article body is there without JavaScript");
    } finally {
      await context.close();
    }
  });
});
