import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { FIXTURE_SITES } from "../integration/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let browser: Browser;
let server: StaticServer;
let rootDir: string;

before(async () => {
  if (skip) return;
  // The basic site with every article archived (two an archive), one archived article edited since and one deleted:
  // the live bundle holds the edited one's new record and supersedes both.
  rootDir = mkdtempSync(path.join(tmpdir(), "newsroom-search-browser-"));
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  const article = (name: string) => path.join(rootDir, "content", "articles", `${name}.md`);
  const options = { rootDir, now: new Date("2026-11-27T12:00:00Z"), searchBundleSizes: { articlesPerArchive: 2, freshLimit: 0 } };
  writeFileSync(article("bridge-repairs"), `${readFileSync(article("bridge-repairs"), "utf8").trimEnd()}\n\nThe xylophone band will play at the reopening.\n`);
  await buildSite({ ...options, outputDir: path.join(rootDir, "before") });
  writeFileSync(article("bridge-repairs"), readFileSync(article("bridge-repairs"), "utf8").replace("xylophone", "zeppelin"));
  rmSync(article("summer-festival"));
  const outputDir = path.join(rootDir, "after");
  await buildSite({ ...options, outputDir });
  server = await serveStatic(outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (rootDir) rmSync(rootDir, { recursive: true, force: true });
});

async function searchFor(query: string, status: string): Promise<{ page: Page; links: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((text) => document.getElementById("search-status")?.textContent?.startsWith(text), status, { timeout: 10_000 });
  await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
  const links = await page.locator('[data-component="search-result"] h2 a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
  return { page, links, close: () => context.close() };
}

describe("search after an archived article was edited and another deleted, in Chromium", { skip }, () => {
  test("a word only in the edited version finds the article, once", async () => {
    const { links, close } = await searchFor("zeppelin", "1 result for “zeppelin”.");
    await close();
    assert.deepEqual(links, ["/news/bridge-repairs/"]);
  });

  test("a word only in the old version finds nothing, and neither does one only in the deleted article", async () => {
    for (const word of ["xylophone", "festival"]) {
      const { links, close } = await searchFor(word, `No results for “${word}”.`);
      await close();
      assert.deepEqual(links, [], word);
    }
  });

  test("a word in both versions finds the article once, and the filters count it once", async () => {
    const { page, links, close } = await searchFor("lane", "1 result for “lane”.");
    try {
      assert.deepEqual(links, ["/news/bridge-repairs/"]);
      await page.locator("#search-filters > summary").click();
      const option = (filter: string, value: string) => page.locator(`fieldset[data-filter="${filter}"] li`).filter({ has: page.locator(`input[value="${value}"]`) });
      assert.equal(await option("author", "Ben Okoro").locator(".search__option-count").textContent(), "1");
      assert.equal(await option("tag", "Transport").locator(".search__option-count").textContent(), "1");
      await option("author", "Ben Okoro").locator("input").check();
      await page.waitForFunction(() => document.getElementById("search-status")?.textContent === "1 result for “lane”.");
    } finally {
      await close();
    }
  });

  test("newest first lists every story once, in date order, the edited one where its date puts it", async () => {
    const { page, links, close } = await searchFor("the", "5 results for “the”.");
    try {
      await page.locator("#search-sort").selectOption("newest");
      await page.waitForURL("**/search/?q=the&sort=newest");
      await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
      const sorted = await page.locator('[data-component="search-result"] h2 a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
      assert.deepEqual(sorted, ["/news/late-night-ferry/", "/news/council-budget/", "/news/tram-extension/", "/news/bridge-repairs/", "/support/"]);
      assert.deepEqual([...sorted].sort(), [...links].sort());
    } finally {
      await close();
    }
  });
});
