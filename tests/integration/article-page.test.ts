import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { attributes, buildFixture, texts, type BuiltSite } from "./build-fixture.ts";

let site: BuiltSite;
let article: Document;
before(async () => {
  site = await buildFixture("basic");
  article = site.page("/news/council-budget/");
});

describe("article page", () => {
  test("shows the headline as text, escaping HTML an editor typed in it", () => {
    assert.deepEqual(texts(article, "h1"), ['Council agrees budget with <em>cuts</em> & a "tram" pledge']);
    assert.equal(article.querySelector("h1 em"), null);
    assert.equal(texts(article, '[data-component="dek"]')[0], "The vote passed 31 to 20 after a six-hour debate.");
  });

  test("links every author and desk of the byline to their page", () => {
    const byline = article.querySelector('[data-component="byline"]')!;
    const links = [...byline.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href"), a.dataset.authorKind]);
    assert.deepEqual(links, [
      ["Ana Lima", "/authors/ana-lima/", "person"],
      ["City desk", "/authors/city-desk/", "desk"],
    ]);
    // The separator is held to the names either side, so that no line starts or ends with it.
    assert.match(byline.textContent!, /^By Ana Lima\u00a0·\u00a0City desk/);
    assert.equal(byline.querySelector(".byline__authors .byline__sep")!.getAttribute("aria-hidden"), "true");
  });

  test("gives publication and update times in the site's zone with their offset", () => {
    assert.deepEqual(attributes(article, '[data-component="published"] time', "datetime"), ["2026-11-26T09:30:00+01:00"]);
    assert.deepEqual(attributes(article, '[data-component="updated"] time', "datetime"), ["2026-11-26T14:05:00+01:00"]);
    assert.match(texts(article, '[data-component="published"] time')[0]!, /^26 November 2026 at 09:30 CET$/);
    assert.deepEqual(texts(article, '[data-component="reading-time"]'), ["1 min read"]);
  });

  test("shows an article in the site's zone even when it was written in UTC", () => {
    const late = site.page("/news/late-night-ferry/");
    assert.deepEqual(attributes(late, '[data-component="published"] time', "datetime"), ["2026-11-27T00:30:00+01:00"]);
    assert.equal(late.querySelector('[data-component="updated"]'), null);
  });

  test("renders the hero as a picture with its intrinsic size, alt, high priority, caption and credit", () => {
    const img = article.querySelector('[data-component="hero"] picture img')!;
    assert.deepEqual(
      ["width", "height", "alt", "fetchpriority", "loading"].map((name) => img.getAttribute(name)),
      ["640", "360", "Councillors voting in the chamber", "high", null],
    );
    assert.match(img.getAttribute("src")!, /^\/images\/derived\/[0-9a-f]{20}-640\.jpg$/);
    assert.equal(texts(article, '[data-component="hero"] figcaption')[0], "The chamber during the vote. Fixture Photographer");
  });

  test("places the related-article card where the editor put it, from the other article's data", () => {
    const card = article.querySelector('[data-component="article-body"] [data-component="related-card"]')!;
    assert.equal(card.querySelector("a")!.getAttribute("href"), "/news/tram-extension/");
    assert.equal(texts(card as unknown as Document, ".related-card__title")[0], "Tram line to reach the harbour by 2029");
    assert.equal(texts(card as unknown as Document, ".related-card__dek")[0], "The extension adds four stops and a new depot.");
    assert.equal(card.previousElementSibling!.textContent!.startsWith("The budget passed"), true);
  });

  test("gives sub-heads unique ids and external links rel=noopener", () => {
    assert.deepEqual(attributes(article, ".article-body h2", "id"), ["the-vote", "what-it-means", "what-it-means-1"]);
    assert.deepEqual(attributes(article, '.article-body a[href^="https://minutes"]', "rel"), ["noopener noreferrer"]);
    assert.deepEqual(attributes(article, '.article-body a[href="/news/tram-extension/"]:not(.related-card__link)', "rel"), [null]);
  });

  test("publishes body images as a picture with their size and lazy loading", () => {
    const img = article.querySelector(".article-body picture img")!;
    assert.deepEqual(
      ["alt", "width", "height", "loading", "decoding"].map((name) => img.getAttribute(name)),
      ["A library reading room", "200", "150", "lazy", "async"],
    );
    assert.match(img.getAttribute("src")!, /^\/images\/derived\/[0-9a-f]{20}-200\.jpg$/);
  });

  test("shows template syntax in the text literally", () => {
    assert.match(site.html("/news/council-budget/"), /Template syntax such as \{\{ site.name \}\} and \{% raw %\} stays/);
  });

  test("lists tags with their labels and related articles, explicit first then by shared tags", () => {
    assert.deepEqual(texts(article, '[data-component="tags"] a'), ["City Hall", "Budget"]);
    assert.deepEqual(attributes(article, '[data-component="tags"] a', "href"), ["/tags/city-hall/", "/tags/budget/"]);
    assert.deepEqual(attributes(article, '[data-component="related"] li > a', "href"), [
      "/news/tram-extension/",
      "https://gazette.example.test/papers/budget.pdf",
      "/news/summer-festival/",
    ]);
  });

  test("has the page furniture: promo, skip link, news feed, more news, newsletters, footer", () => {
    assert.equal(texts(article, '[data-component="promo-banner"]')[0], "Fixture promo text. Support us");
    assert.equal(article.querySelector("a.skip-link")!.getAttribute("href"), "#main");
    assert.equal(article.querySelector("main")!.id, "main");
    assert.ok(article.querySelector('[data-component="news-feed-column"][data-feed="/headlines.json"]'), "the news column is there to refresh");
    assert.equal(article.querySelectorAll('[data-component="more-news"] [data-component="article-card"]').length, 1);
    assert.ok(article.querySelector('[data-component="footer"]'));
  });

  test("shows each story once around the article: Related first, then More news, Editors' picks, the news column", () => {
    const hrefs = (page: Document, component: string) => attributes(page, `[data-component="${component}"] :is(li > a, h3 a)`, "href");
    // Tram extension, an editors' pick, is related to the budget: it is not repeated under picks.
    assert.deepEqual(hrefs(article, "related"), ["/news/tram-extension/", "https://gazette.example.test/papers/budget.pdf", "/news/summer-festival/"]);
    assert.deepEqual(hrefs(article, "more-news"), ["/news/bridge-repairs/"]);
    assert.equal(article.querySelector('[data-component="editors-picks"]'), null);
    assert.deepEqual(hrefs(article, "news-feed-column"), []);
    // The newest story: Related fills with the transport stories, More news takes the others, nothing is left over.
    const ferry = site.page("/news/late-night-ferry/");
    assert.deepEqual(hrefs(ferry, "related"), ["/news/tram-extension/", "/news/bridge-repairs/"]);
    assert.deepEqual(hrefs(ferry, "more-news"), ["/news/council-budget/", "/news/summer-festival/"]);
    // A refreshed news column leaves out every story the page shows.
    assert.deepEqual(attributes(ferry, '[data-component="news-feed-column"]', "data-exclude"), [
      "/news/late-night-ferry/ /news/tram-extension/ /news/bridge-repairs/ /news/council-budget/ /news/summer-festival/",
    ]);
  });

  test("lists only stories published before the article's own, so that a new story leaves its page as it is", () => {
    // The budget (26 November) never shows the ferry (27 November), in any list: the news column brings it in the browser.
    assert.doesNotMatch(site.html("/news/council-budget/"), /href="\/news\/late-night-ferry\/"/);
    // The oldest story has nothing before it: no Related fill, no More news.
    const festival = site.page("/news/summer-festival/");
    assert.equal(festival.querySelector('[data-component="related"]'), null);
    assert.equal(festival.querySelector('[data-component="more-news"]'), null);
    assert.deepEqual(attributes(festival, '[data-component="news-feed-column"]', "data-exclude"), ["/news/summer-festival/"]);
  });

  test("the news column says what its built list is, and the name the refresh gives it", () => {
    const column = article.querySelector('[data-component="news-feed-column"]')!;
    assert.equal(texts(article, "#news-feed-column-heading")[0], "Before this story");
    assert.equal(column.getAttribute("data-fresh-heading"), "News feed");
    assert.equal(article.querySelector(".layout-article__side")!.getAttribute("aria-labelledby"), "news-feed-column-heading");
    // The home page's column is the latest news as built: its name needs no change.
    const home = site.page("/");
    assert.equal(texts(home, "#news-feed-column-heading")[0], "News feed");
    assert.equal(home.querySelector('[data-component="news-feed-column"]')!.hasAttribute("data-fresh-heading"), false);
  });

  test("has one real sign-up form per newsletter posting to the provider", () => {
    const forms = [...article.querySelectorAll('[data-component="newsletters"] form')];
    assert.deepEqual(
      forms.map((form) => [form.getAttribute("method"), form.getAttribute("action")]),
      [
        ["post", "https://newsletters.example.test/subscribe/daily"],
        ["post", "https://newsletters.example.test/subscribe/weekly"],
      ],
    );
    for (const form of forms) {
      const input = form.querySelector("input")!;
      assert.deepEqual([input.type, input.name, input.hasAttribute("required")], ["email", "email", true]);
      assert.equal(form.querySelector(`label[for="${input.id}"]`)!.textContent, "Email address");
      assert.equal(form.querySelector('[role="status"]')!.id, input.getAttribute("aria-describedby")!.split(" ")[1]);
    }
  });

  test("plays the audio version with its disclosure", () => {
    const page = site.page("/news/late-night-ferry/");
    assert.deepEqual(attributes(page, '[data-component="audio"] source', "src"), ["/audio/late-night-ferry.wav"]);
    assert.deepEqual(attributes(page, '[data-component="audio"] source', "type"), ["audio/wav"]);
    assert.equal(texts(page, ".audio__disclosure")[0], "This audio was generated with machine text-to-speech.");
    assert.equal(article.querySelector('[data-component="audio"]'), null);
  });

  test("has no edit link and no draft in a production build", () => {
    assert.equal(article.querySelector('[data-component="edit-link"]'), null);
    assert.throws(() => site.html("/news/secret-draft/"), /ENOENT/);
    assert.doesNotMatch(site.html("/news-feed/"), /secret-draft/);
  });
});
