import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildArchiveFixture } from "./archive-fixture.ts";
import { attributes, buildFixture, texts, type BuiltSite } from "./build-fixture.ts";

let site: BuiltSite;
before(async () => {
  site = await buildFixture("basic");
});

describe("news feed", () => {
  test("lists published articles newest first, grouped by day in the site's zone; fewer than two pages' worth, all on the front page", () => {
    const first = site.page("/news-feed/");
    assert.deepEqual(attributes(first, '[data-component="day"]', "data-day"), ["2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-07-01"]);
    assert.deepEqual(texts(first, ".day__heading").slice(0, 3), ["Friday, 27 November 2026", "Thursday, 26 November 2026", "Wednesday, 25 November 2026"]);
    assert.deepEqual(attributes(first, '[data-component="feed-item"] h3 a', "href"), [
      "/news/late-night-ferry/",
      "/news/council-budget/",
      "/news/tram-extension/",
      "/news/bridge-repairs/",
      "/news/summer-festival/",
    ]);
    assert.deepEqual(attributes(first, '[data-component="feed-item"] time', "datetime").slice(0, 3), [
      "2026-11-27T00:30:00+01:00",
      "2026-11-26T09:30:00+01:00",
      "2026-11-25T08:00:00+01:00",
    ]);
    assert.equal(first.querySelector('[data-component="pagination"]'), null);
    assert.equal(existsSync(path.join(site.outputDir, "news-feed/page/1/index.html")), false);
  });
});

describe("tag pages", () => {
  test("show the tag's stories newest first with their count", () => {
    const transport = site.page("/tags/transport/");
    assert.equal(texts(transport, "h1")[0], "Transport");
    assert.equal(texts(transport, ".listing__count")[0], "3 stories");
    assert.deepEqual(attributes(transport, '[data-component="article-card"] h2 a', "href"), ["/news/late-night-ferry/", "/news/tram-extension/", "/news/bridge-repairs/"]);
    assert.equal(transport.querySelector('[data-component="pagination"]'), null);
  });

  test("the tag index counts published stories per tag, most used first", () => {
    const index = site.page("/tags/");
    const entries = [...index.querySelectorAll('[data-component="tag-index"] a')].map((a) => [
      a.getAttribute("href"),
      a.querySelector('[data-component="tag-count"]')!.textContent,
    ]);
    assert.deepEqual(entries, [
      ["/tags/transport/", "3"],
      ["/tags/budget/", "2"],
      ["/tags/city-hall/", "2"],
      ["/tags/culture/", "1"],
    ]);
    assert.equal(texts(index, '[data-component="tag-index"] a')[2], "City Hall 2");
  });
});

describe("listings with numbered pages (the basic site and twelve more stories: 17 in all, 7 on transport)", () => {
  let archive: BuiltSite;
  before(async () => {
    archive = await buildArchiveFixture(12);
  });
  const links = (page: Document) => [...page.querySelectorAll('[data-component="pagination"] a')].map((a) => [a.getAttribute("rel"), a.getAttribute("href"), (a.textContent ?? "").trim()]);

  test("the news feed's front page holds the newest stories, at least a page's worth, and leads to the newest numbered page", () => {
    const front = archive.page("/news-feed/");
    assert.deepEqual(attributes(front, '[data-component="feed-item"] h3 a', "href"), [
      "/news/late-night-ferry/",
      "/news/council-budget/",
      "/news/tram-extension/",
      "/news/bridge-repairs/",
      "/news/gen-12/",
    ]);
    assert.deepEqual(links(front), [["next", "/news-feed/page/4/", "Older stories →"]]);
    assert.deepEqual(attributes(front, '[data-component="pagination"]', "aria-label"), ["News feed pages"]);
    assert.equal(front.querySelector(".pagination__status"), null);
  });

  test("numbered pages count from the oldest story, keep the day grouping, name themselves without a total, and link their neighbours", () => {
    const fourth = archive.page("/news-feed/page/4/");
    assert.equal(texts(fourth, "h1")[0], "News feed, page 4");
    assert.deepEqual(attributes(fourth, '[data-component="feed-item"] h3 a', "href"), ["/news/gen-11/", "/news/gen-10/", "/news/gen-09/"]);
    assert.deepEqual(attributes(fourth, '[data-component="day"]', "data-day"), ["2026-11-18", "2026-11-17", "2026-11-16"]);
    assert.deepEqual(links(fourth), [
      ["prev", "/news-feed/", "← Newer stories"],
      ["next", "/news-feed/page/3/", "Older stories →"],
    ]);
    assert.equal(texts(fourth, ".pagination__status")[0], "Page 4");
    assert.doesNotMatch(archive.html("/news-feed/page/4/"), /\bof \d/);
    const first = archive.page("/news-feed/page/1/");
    assert.deepEqual(attributes(first, '[data-component="feed-item"] h3 a', "href"), ["/news/gen-02/", "/news/gen-01/", "/news/summer-festival/"]);
    assert.deepEqual(links(first), [["prev", "/news-feed/page/2/", "← Newer stories"]]);
    assert.equal(existsSync(path.join(archive.outputDir, "news-feed/page/5/index.html")), false);
  });

  test("a tag's numbered pages carry no count; its front page does", () => {
    const front = archive.page("/tags/transport/");
    assert.equal(texts(front, ".listing__count")[0], "7 stories");
    assert.deepEqual(attributes(front, '[data-component="article-card"] h2 a', "href"), ["/news/late-night-ferry/", "/news/tram-extension/", "/news/bridge-repairs/"]);
    assert.deepEqual(links(front), [["next", "/tags/transport/page/2/", "Older stories →"]]);
    const first = archive.page("/tags/transport/page/1/");
    assert.equal(texts(first, "h1")[0], "Transport, page 1");
    assert.equal(first.querySelector(".listing__count"), null);
    assert.doesNotMatch(first.querySelector('meta[name="description"]')!.getAttribute("content")!, /\d+ stor/);
    assert.deepEqual(attributes(first, '[data-component="article-card"] h2 a', "href"), ["/news/gen-04/", "/news/gen-01/"]);
    assert.deepEqual(links(first), [["prev", "/tags/transport/page/2/", "← Newer stories"]]);
    assert.deepEqual(attributes(first, '[data-component="pagination"]', "aria-label"), ["Transport pages"]);
  });

  test("the sitemap lists every page of every listing", () => {
    const locs = [...archive.html("/sitemap.xml").matchAll(/<loc>https:\/\/gazette\.example\.test([^<]+)<\/loc>/g)].map((match) => match[1]);
    for (const url of ["/news-feed/", "/news-feed/page/1/", "/news-feed/page/4/", "/tags/transport/page/2/", "/tags/harbour/page/1/"]) assert.ok(locs.includes(url), url);
  });
});

describe("author pages", () => {
  test("show the author's role, bio and their published articles", () => {
    const ana = site.page("/authors/ana-lima/");
    assert.equal(texts(ana, "h1")[0], "Ana Lima");
    assert.equal(texts(ana, ".author-header__role")[0], "City Hall reporter");
    assert.equal(texts(ana, ".author-header__bio")[0], "Ana covers the council and its budget.");
    assert.deepEqual(attributes(ana, '[data-component="article-card"] a', "href"), ["/news/council-budget/", "/news/summer-festival/"]);
  });

  test("a desk has a page too, and the author index separates people from desks", () => {
    const desk = site.page("/authors/city-desk/");
    assert.deepEqual(attributes(desk, '[data-component="article-card"] a', "href"), ["/news/late-night-ferry/", "/news/council-budget/"]);
    const index = site.page("/authors/");
    assert.deepEqual(texts(index, "section h2"), ["Journalists", "Desks"]);
    assert.deepEqual(attributes(index, "section:last-of-type a", "href"), ["/authors/city-desk/"]);
  });
});

describe("home page", () => {
  test("leads with the newest editors' pick, then picks and latest news without repeats", () => {
    const home = site.page("/");
    assert.deepEqual(attributes(home, '[data-component="lead-story"] h2 a', "href"), ["/news/council-budget/"]);
    assert.deepEqual(attributes(home, '[data-component="editors-picks"] h3 a', "href"), ["/news/tram-extension/"]);
    assert.deepEqual(attributes(home, '[data-component="latest-news"] h3 a', "href"), [
      "/news/late-night-ferry/",
      "/news/bridge-repairs/",
      "/news/summer-festival/",
    ]);
    assert.equal(home.querySelector("title")!.textContent, "The Fixture Gazette");
  });

  test("the home page's news column adds only stories the page does not show already", () => {
    const home = site.page("/");
    assert.deepEqual(attributes(home, '[data-component="news-feed-column"] li a', "href"), []);
    assert.deepEqual(attributes(home, '[data-component="news-feed-column"]', "data-exclude"), [
      "/news/council-budget/ /news/tram-extension/ /news/late-night-ferry/ /news/bridge-repairs/ /news/summer-festival/",
    ]);
  });

  test("a 404 page exists and points readers on", () => {
    const notFound = site.page("/404.html");
    assert.equal(texts(notFound, "h1")[0], "Page not found");
    assert.ok(notFound.querySelector('main a[href="/news-feed/"]'));
  });
});

describe("preview builds", () => {
  test("show drafts with a draft notice and an edit link to the source", async () => {
    const preview = await buildFixture("basic", { isPreview: true });
    const draft = preview.page("/news/secret-draft/");
    assert.equal(texts(draft, ".preview-notice__draft")[0], "Draft: not published");
    assert.deepEqual(attributes(draft, '[data-component="edit-link"]', "href"), [
      "https://git.example.test/gazette/edit/main/content/articles/secret-draft.md",
    ]);
    assert.match(preview.html("/news-feed/"), /secret-draft/);
  });
});
