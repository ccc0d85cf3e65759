import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { attributes, buildFixture, texts } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00+01:00");

describe("scheduled publishing", () => {
  test("an article dated in the future is left out of a production build everywhere, and the schedule names its time", async () => {
    const site = await buildFixture("basic", { now: NOW });
    assert.equal(existsSync(path.join(site.outputDir, "news/future-launch/index.html")), false);
    for (const file of ["/news-feed/", "/tags/city-hall/", "/authors/ben-okoro/", "/feed.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml", "/"]) {
      assert.doesNotMatch(site.html(file), /future-launch|Harbour tunnel/, file);
    }
    const schedule = JSON.parse(readFileSync(path.join(path.dirname(site.outputDir), "schedule.json"), "utf8"));
    assert.deepEqual(schedule, {
      builtAt: "2026-11-27T11:00:00.000Z",
      nextPublication: "2099-01-01T08:00:00.000Z",
      scheduled: [{ id: "future-launch", source: "content/articles/future-launch.md", publishAt: "2099-01-01T08:00:00.000Z" }],
    });
  });

  test("a build at or after its time publishes it, and the schedule is then empty", async () => {
    const site = await buildFixture("basic", { now: new Date("2099-01-01T08:00:00Z") });
    assert.equal(texts(site.page("/news/future-launch/"), "h1")[0], "Harbour tunnel opens to traffic");
    assert.deepEqual(attributes(site.page("/news-feed/"), '[data-component="feed-item"] h3 a', "href")[0], "/news/future-launch/");
    const schedule = JSON.parse(readFileSync(path.join(path.dirname(site.outputDir), "schedule.json"), "utf8"));
    assert.equal(schedule.nextPublication, null);
  });

  test("preview builds show it with a Scheduled for banner", async () => {
    const preview = await buildFixture("basic", { now: NOW, isPreview: true });
    const page = preview.page("/news/future-launch/");
    assert.equal(texts(page, '[data-component="scheduled-banner"]')[0], "Scheduled for 1 January 2099 at 09:00 CET");
    assert.deepEqual(attributes(page, '[data-component="scheduled-banner"] time', "datetime"), ["2099-01-01T09:00:00+01:00"]);
    assert.equal(page.querySelector('[data-component="draft-banner"]'), null);
  });
});

describe("corrections", () => {
  test("are listed under the article with their time, move its updated time, and appear in its structured data", async () => {
    const site = await buildFixture("basic", { now: NOW });
    const page = site.page("/news/tram-extension/");
    assert.deepEqual(texts(page, '[data-component="corrections"] li p'), ["An earlier version gave the number of stops as five. It is four."]);
    assert.deepEqual(attributes(page, '[data-component="corrections"] time', "datetime"), ["2026-11-25T12:00:00+01:00"]);
    assert.deepEqual(attributes(page, '[data-component="updated"] time', "datetime"), ["2026-11-25T12:00:00+01:00"]);
    const [article] = [...page.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
    assert.equal(article.dateModified, "2026-11-25T12:00:00+01:00");
    assert.deepEqual(article.correction, [
      { "@type": "CorrectionComment", text: "An earlier version gave the number of stops as five. It is four.", datePublished: "2026-11-25T12:00:00+01:00" },
    ]);
    assert.equal(site.page("/news/council-budget/").querySelector('[data-component="corrections"]'), null);
  });
});
