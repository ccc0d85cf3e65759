import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, type BuildResult } from "../../src/site-builder/build.ts";
import { searchCacheDir } from "../../src/search/search-state.ts";
import { pageCacheDir } from "../../src/pages/page-reuse.ts";
import { frontmatterCacheDir } from "../../src/content/frontmatter.ts";
import { renderCacheDir } from "../../src/markdown/render-cache.ts";
import { FIXTURE_SITES, siteContents } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00Z");

describe("warm rebuilds", () => {
  test("after edits, a build with the content caches writes exactly what a cold build writes", async () => {
    // A copy of the basic site, sharing its image cache (no encoding here).
    const rootDir = mkdtempSync(path.join(tmpdir(), "newsroom-warm-"));
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
    const searches: Record<string, BuildResult["search"]> = {};
    const reusedPages: Record<string, number> = {};
    const reusedFeeds: Record<string, number> = {};
    const reusedListings: Record<string, number> = {};
    const build = async (name: string) => {
      const outputDir = path.join(rootDir, name);
      // Search archives of two articles, every article archived: summer-festival and bridge-repairs, tram-extension and
      // council-budget, late-night-ferry; the live bundle holds the standalone page and the amended articles.
      const result = await buildSite({ rootDir, outputDir, now: NOW, searchBundleSizes: { articlesPerArchive: 2, freshLimit: 0 } });
      searches[name] = result.search;
      reusedPages[name] = result.reusedPages;
      reusedFeeds[name] = result.reusedFeeds;
      reusedListings[name] = result.reusedListings;
      return siteContents(outputDir);
    };
    const page = (name: string, url: string) => readFileSync(path.join(rootDir, name, url), "utf8");
    const articles = path.join(rootDir, "content", "articles");
    const edit = (name: string, change: (text: string) => string) => writeFileSync(path.join(articles, name), change(readFileSync(path.join(articles, name), "utf8")));

    const before = await build("cold-before");
    // The body of one article, then the headline of another that two more show in a ::related card.
    edit("bridge-repairs.md", (text) => `${text.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    await build("warm-body-edit");
    edit("tram-extension.md", (text) => text.replace(/^title: .*$/m, 'title: "Tram line delayed to 2031"'));
    const warm = await build("warm");
    for (const cache of [renderCacheDir(rootDir), frontmatterCacheDir(rootDir), searchCacheDir(rootDir), pageCacheDir(rootDir)]) rmSync(cache, { recursive: true, force: true });
    const cold = await build("cold-after");

    // The search bundles depend on the edits' history (amended articles in the live bundle), and are tested on their own
    // (tests/integration/search-incremental.test.ts); everything else is byte for byte a cold build's.
    const withoutSearch = (files: Map<string, string>) => new Map([...files].filter(([file]) => !file.startsWith("/pagefind")));
    assert.deepEqual([...withoutSearch(warm).keys()], [...withoutSearch(cold).keys()]);
    const differing = [...withoutSearch(cold)].filter(([file, bytes]) => warm.get(file) !== bytes).map(([file]) => file);
    assert.deepEqual(differing, []);
    // The edits did reach the pages, including the card in the unedited article.
    assert.match(page("warm", "news/bridge-repairs/index.html"), /the lane reopens on Monday/);
    assert.match(page("warm", "news/council-budget/index.html"), /related-card__title">Tram line delayed to 2031</);
    assert.doesNotMatch(page("cold-before", "news/council-budget/index.html"), /Tram line delayed/);
    assert.notEqual(before.get("/news/council-budget/index.html"), warm.get("/news/council-budget/index.html"));
    // Only the live bundle was indexed again, with bridge-repairs, then also tram-extension and council-budget (whose body
    // shows its headline in a card); the three archives were kept. Other pages list the headline only under Related, which
    // search ignores.
    const bundleCounts = ["cold-before", "warm-body-edit", "warm", "cold-after"].map((name) => [searches[name]?.indexedBundles, searches[name]?.reusedBundles, searches[name]?.indexedRecords]);
    assert.deepEqual(bundleCounts, [[4, 0, 6], [1, 3, 2], [1, 3, 4], [4, 0, 6]]);
    // Article pages: a body edit re-renders only that article's page (others list it by headline);
    // a headline edit re-renders every page that lists it (here all five, in the news column).
    assert.deepEqual(["cold-before", "warm-body-edit", "warm", "cold-after"].map((name) => reusedPages[name]), [0, 4, 2, 0]);
    // Feeds (RSS and Atom of 4 tags and 3 authors) carry headlines, not bodies: the body edit reaches none;
    // the headline edit reaches tram-extension's tags (transport, city-hall) and author (ben-okoro).
    assert.deepEqual(["cold-before", "warm-body-edit", "warm", "cold-after"].map((name) => reusedFeeds[name]), [0, 14, 8, 0]);
    // Listing pages (5 tag pages, 3 authors' pages, 2 news-feed pages) list headlines, not bodies: the body edit
    // reaches none; the headline edit reaches city-hall's page, transport's first page, ben-okoro's and the news feed's first.
    assert.deepEqual(["cold-before", "warm-body-edit", "warm", "cold-after"].map((name) => reusedListings[name]), [0, 8, 4, 0]);
    rmSync(rootDir, { recursive: true, force: true });
  });
});
