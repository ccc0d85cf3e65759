import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { skipReason } from "./chromium.ts";
import { openSampleSite, type SampleSession } from "./sample-session.ts";
import type { StaticServer } from "./static-server.ts";

const skip = skipReason();
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const WIDTHS = [390, 1280];

let browser: Browser;
let server: StaticServer;
/** One page of each kind, found by following the site's own links. */
const pages: Record<string, string> = { home: "/", "news feed": "/news-feed/", search: "/search/", "404": "/404.html", "tag index": "/tags/" };

let session: SampleSession | undefined;
before(async () => {
  if (skip) return;
  session = await openSampleSite();
  ({ browser, server } = session);
  pages.article = session.articleUrl;
  const page = await browser.newPage();
  await page.goto(`${server.origin}${pages.article}`);
  pages.author = (await page.locator('[data-component="byline"] a').first().getAttribute("href"))!;
  pages.tag = (await page.locator('[data-component="tags"] a').first().getAttribute("href"))!;
  await page.close();
});

after(async () => {
  await session?.close();
});

async function open(url: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
  return { page, close: () => context.close() };
}

describe("accessibility (WCAG 2.2 AA, axe-core)", { skip }, () => {
  test("axe reports a broken page (the gate can fail)", async () => {
    const { page, close } = await open("/", 390);
    try {
      await page.evaluate(() => {
        document.querySelector("main")!.insertAdjacentHTML("afterbegin", '<img src="/x.png"><input type="text"><p style="color:#ccc">faint</p>');
      });
      const ids = (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((violation) => violation.id).sort();
      assert.deepEqual(ids, ["color-contrast", "image-alt", "label"]);
    } finally {
      await close();
    }
  });

  for (const width of WIDTHS) {
    test(`every kind of page has zero violations at ${width} px`, async () => {
      const found: string[] = [];
      for (const [kind, url] of Object.entries(pages)) {
        const { page, close } = await open(url, width);
        try {
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          assert.ok(results.passes.length > 10, `axe ran its checks on ${url}`);
          for (const violation of results.violations) {
            found.push(`${kind} ${url}: ${violation.id} (${violation.impact}) ${violation.help} -> ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
          }
        } finally {
          await close();
        }
      }
      assert.deepEqual(found, []);
    });
  }
});

describe("keyboard and touch", { skip }, () => {
  test("focus is always visible and never hidden behind other content, tabbing through the article page", async () => {
    for (const width of WIDTHS) {
      const { page, close } = await open(pages.article!, width);
      try {
        const problems: string[] = [];
        for (let step = 0; step < 40; step++) {
          await page.keyboard.press("Tab");
          const state = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || element === document.body) return undefined;
            element.scrollIntoView({ block: "center" });
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            const visibleIndicator = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
            const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            const covered = !atCentre || !(element === atCentre || element.contains(atCentre) || atCentre.contains(element));
            return { name: `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}"`, visibleIndicator, covered, size: [box.width, box.height] };
          });
          if (!state) continue;
          if (!state.visibleIndicator) problems.push(`${width}px: no visible focus on ${state.name}`);
          if (state.covered) problems.push(`${width}px: ${state.name} is hidden behind other content when focused`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    }
  });

  test("tag chips, feed links, navigation and form controls are at least 24x24 CSS px", async () => {
    for (const width of WIDTHS) {
      for (const url of [pages.article!, pages.home!, pages["tag index"]!]) {
        const { page, close } = await open(url, width);
        try {
          const small = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>(".chip, .news-feed-column a, .sections__list a, .pagination a, input, button, .feed-item a")]
              .filter((element) => element.offsetParent !== null)
              .map((element) => ({ text: (element.textContent ?? element.getAttribute("name") ?? "").trim().slice(0, 30), box: element.getBoundingClientRect() }))
              .filter(({ box }) => box.width < 24 || box.height < 24)
              .map(({ text, box }) => `${text} ${Math.round(box.width)}x${Math.round(box.height)}`),
          );
          assert.deepEqual(small, [], `${url} at ${width}px`);
        } finally {
          await close();
        }
      }
    }
  });
});
