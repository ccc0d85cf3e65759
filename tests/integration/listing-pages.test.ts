import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { attributes, buildFixture, texts, type BuiltSite } from "./build-fixture.ts";

let site: BuiltSite;
before(async () => {
  site = await buildFixture("basic");
});

describe("news feed", () => {
  test("lists published articles newest first, grouped by day in the site's zone, a page at a time", () => {
    const first = site.page("/news-feed/");
    assert.deepEqual(attributes(first, '[data-component="day"]', "data-day"), ["2026-11-27", "2026-11-26", "2026-11-25"]);
    assert.deepEqual(texts(first, ".day__heading"), ["Friday, 27 November 2026", "Thursday, 26 November 2026", "Wednesday, 25 November 2026"]);
    assert.deepEqual(attributes(first, '[data-component="feed-item"] h3 a', "href"), [
      "/news/late-night-ferry/",
      "/news/council-budget/",
      "/news/tram-extension/",
    ]);
    assert.deepEqual(attributes(first, '[data-component="feed-item"] time', "datetime"), [
      "2026-11-27T00:30:00+01:00",
      "2026-11-26T09:30:00+01:00",
      "2026-11-25T08:00:00+01:00",
    ]);
    assert.deepEqual(attributes(first, '[data-component="pagination"] a', "href"), ["/news-feed/2/"]);
    assert.equal(texts(first, ".pagination__status")[0], "Page 1 of 2");
  });

  test("links back from the last page and stops there", () => {
    const second = site.page("/news-feed/2/");
    assert.deepEqual(attributes(second, '[data-component="feed-item"] h3 a', "href"), ["/news/bridge-repairs/", "/news/summer-festival/"]);
    assert.deepEqual(attributes(second, '[data-component="pagination"] a', "rel"), ["prev"]);
    assert.deepEqual(attributes(second, '[data-component="pagination"] a', "href"), ["/news-feed/"]);
    assert.equal(existsSync(path.join(site.outputDir, "news-feed/3/index.html")), false);
  });
});

describe("tag pages", () => {
  test("paginate each tag's articles, newest first", () => {
    const transport = site.page("/tags/transport/");
    assert.equal(texts(transport, "h1")[0], "Transport");
    assert.equal(texts(transport, ".listing__count")[0], "3 stories");
    assert.deepEqual(attributes(transport, '[data-component="article-card"] h2 a', "href"), ["/news/late-night-ferry/", "/news/tram-extension/"]);
    assert.deepEqual(attributes(transport, '[data-component="pagination"] a', "href"), ["/tags/transport/2/"]);
    const second = site.page("/tags/transport/2/");
    assert.deepEqual(attributes(second, '[data-component="article-card"] h2 a', "href"), ["/news/bridge-repairs/"]);
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
