import assert from "node:assert/strict";
import { describe, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";

const skip = skipReason();
const site = useSampleSite(skip);
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
/** Results shown before "Show more results" (PAGE_SIZE in public/js/search.js). */
const PAGE_SIZE = 10;

async function openSearch(url: string, width = 1280): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.origin}${url}`, { waitUntil: "load" });
  return { page, close: () => context.close() };
}

/** Waits for the live region to announce a search's count, and returns it. */
async function announcedCount(page: Page, query: string): Promise<number> {
  const status = page.locator("#search-status");
  await page.waitForFunction((text) => document.getElementById("search-status")?.textContent?.includes(text), `for “${query}”`, { timeout: 10_000 });
  const match = /^([\d,]+) results? for/.exec((await status.textContent()) ?? "");
  assert.ok(match, `a count in "${await status.textContent()}"`);
  return Number(match[1]!.replaceAll(",", ""));
}

const resultLinks = (page: Page) => page.locator('[data-component="search-result"] h2 a').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));

describe("search page in Chromium", { skip }, () => {
  test("a typed query lists headlines linking to article pages, with dates and marked excerpts, announced politely and kept in the address", async () => {
    const { page, close } = await openSearch("/search/");
    try {
      await page.locator("#search-query").click();
      await page.keyboard.type("harbour");
      const count = await announcedCount(page, "harbour");
      assert.ok(count > 0);
      assert.equal(await page.locator("#search-status").getAttribute("role"), "status");
      const links = await resultLinks(page);
      assert.equal(links.length, Math.min(count, PAGE_SIZE));
      // Articles, with their dates; standalone pages (About, Support) are searchable too, and undated.
      for (const link of links) assert.match(link, /^\/(news\/)?[a-z0-9-]+\/$/);
      assert.equal(await page.locator('[data-component="search-result"] time[datetime]').count(), links.filter((link) => link.startsWith("/news/")).length);
      const hits = await page.locator('[data-component="search-result"] p mark').allTextContents();
      assert.ok(hits.length > 0 && hits.every((hit) => /harbour/i.test(hit)), JSON.stringify(hits));
      assert.equal(new URL(page.url()).search, "?q=harbour");
      // The first headline opens its article.
      const headline = (await page.locator('[data-component="search-result"] h2 a').first().textContent())!;
      await Promise.all([page.waitForURL(`**${links[0]}`), page.locator('[data-component="search-result"] h2 a').first().click()]);
      assert.equal((await page.locator("h1").textContent())?.trim(), headline.trim());
    } finally {
      await close();
    }
  });

  test("?q= in the address runs the query on load; a query without results says so", async () => {
    const { page, close } = await openSearch("/search/?q=ferry");
    try {
      assert.ok((await announcedCount(page, "ferry")) > 0);
      assert.equal(await page.locator("#search-query").inputValue(), "ferry");
      assert.ok((await resultLinks(page)).length > 0);
      await page.locator("#search-query").fill("zzqxj");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.startsWith("No results for “zzqxj”"));
      assert.equal((await resultLinks(page)).length, 0);
      assert.equal(new URL(page.url()).search, "?q=zzqxj");
    } finally {
      await close();
    }
  });

  test("ticking a filter narrows the results to its count, and the address bar shares the filtered search", async () => {
    const { page, close } = await openSearch("/search/?q=harbour");
    try {
      const total = await announcedCount(page, "harbour");
      await page.locator("#search-filters > summary").click();
      // A topic that only some of the results carry.
      const topics = page.locator('fieldset[data-filter="tag"] li');
      let chosen: { label: string; count: number } | undefined;
      for (const option of await topics.all()) {
        const count = Number(await option.locator(".search__option-count").textContent());
        if (count < total) {
          chosen = { label: (await option.locator(".search__option-name").textContent())!, count };
          await option.locator("input[type=checkbox]").check();
          break;
        }
      }
      assert.ok(chosen, "a topic narrower than the whole result");
      await page.waitForFunction((count) => document.getElementById("search-status")?.textContent?.startsWith(`${count} result`), chosen.count);
      const links = await resultLinks(page);
      assert.equal(links.length, chosen.count);
      for (const link of links) {
        const { document } = parseHTML(await (await page.request.get(`${site.server.origin}${link}`)).text());
        const tags = [...document.querySelectorAll('[data-pagefind-filter="tag"]')].map((tag) => tag.textContent);
        assert.ok(tags.includes(chosen.label), `${link} is tagged ${chosen.label}: ${tags.join(", ")}`);
      }
      assert.equal(new URL(page.url()).searchParams.getAll("tag").join(), chosen.label);
      assert.match((await page.locator("#search-status").textContent())!, new RegExp(`\\(${total} results without filters\\)`));

      // The address opens the same filtered search.
      const shared = await page.context().newPage();
      await shared.goto(page.url());
      await shared.waitForFunction((count) => document.getElementById("search-status")?.textContent?.startsWith(`${count} result`), chosen.count);
      assert.deepEqual(await resultLinks(shared), links);
      await shared.locator("#search-filters > summary").click();
      assert.deepEqual(await shared.locator('fieldset[data-filter="tag"] input:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)), [chosen.label]);
    } finally {
      await close();
    }
  });

  test("Show more results appends the next page and moves focus to its first headline", async () => {
    const { page, close } = await openSearch("/search/?q=the");
    try {
      const total = await announcedCount(page, "the");
      assert.ok(total > PAGE_SIZE, `"the" finds more than a page (${total})`);
      const first = await resultLinks(page);
      assert.equal(first.length, PAGE_SIZE);
      const more = page.getByRole("button", { name: "Show more results" });
      await more.click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-component="search-result"]').length === count, Math.min(total, 2 * PAGE_SIZE));
      const all = await resultLinks(page);
      assert.deepEqual(all.slice(0, PAGE_SIZE), first);
      assert.equal(new Set(all).size, all.length, "no result twice");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), all[PAGE_SIZE]);
      assert.equal(await more.isVisible(), total > 2 * PAGE_SIZE);
    } finally {
      await close();
    }
  });

  test("newest first orders the results by publication date", async () => {
    const { page, close } = await openSearch("/search/?q=the");
    try {
      await announcedCount(page, "the");
      await page.locator("#search-sort").selectOption("newest");
      await page.waitForURL("**/search/?q=the&sort=newest");
      await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
      const dates = await page.locator('[data-component="search-result"] time').evaluateAll((times) => times.map((time) => time.getAttribute("datetime")!));
      assert.equal(dates.length, PAGE_SIZE);
      assert.deepEqual(dates, [...dates].sort().reverse());
    } finally {
      await close();
    }
  });

  for (const width of [390, 1280]) {
    test(`axe reports no violations with results and filters open at ${width} px`, async () => {
      const { page, close } = await openSearch("/search/?q=harbour", width);
      try {
        await announcedCount(page, "harbour");
        await page.locator("#search-filters > summary").click();
        await page.locator('fieldset[data-filter="author"] input[type=checkbox]').first().check();
        await page.waitForFunction(() => document.getElementById("search-filter-count")?.textContent === "(1 selected)");
        await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        assert.ok(results.passes.length > 10, "axe ran its checks");
        assert.deepEqual(
          results.violations.map((violation) => `${violation.id}: ${violation.help} -> ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`),
          [],
        );
      } finally {
        await close();
      }
    });
  }
});
