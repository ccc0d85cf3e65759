import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Parser from "rss-parser";
import { renderAtom } from "../../../src/feeds/atom.ts";
import { feedDocument, type FeedScope } from "../../../src/feeds/feed-model.ts";
import { FEED_BODY_LIMITS, fullBodies } from "../../../src/feeds/full-bodies.ts";
import { renderJsonFeed } from "../../../src/feeds/json-feed.ts";
import { renderRss } from "../../../src/feeds/rss.ts";
import { makeArticle, makeSite } from "../helpers.ts";

/** Body HTML of `bytes` bytes or a paragraph more: words and a link, as a long story has (absolute, so feeds keep its size). */
function bodyOf(bytes: number): string {
  const paragraph = '<p>The council met again and <a href="https://herald.example.org/news/tram/">the tram</a> was discussed at length.</p>\n';
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

const site = makeSite();
const scopeOf = (articles: ReturnType<typeof makeArticle>[]): FeedScope => ({ title: "Herald", description: "News", pageUrl: "/", urls: { rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json" }, articles });
const MB = 1_000_000;

describe("bodies in the site's feeds", () => {
  test("a body is carried whole when it fits its own limit and what the newer bodies left of the feed's", () => {
    assert.deepEqual(fullBodies([50_000, 150_000, 100_000, 900_000, 10_000], { perEntry: 100_000, perFeed: 1_000_000 }), [true, false, true, false, true]);
    assert.deepEqual(FEED_BODY_LIMITS, { perEntry: 100_000, perFeed: 1_000_000 });
  });

  test("a 5 MB body gives way to the dek and a link to the story, so each feed stays small; a story under the limit is whole", async () => {
    const giant = makeArticle("giant", { dek: 'The budget, line by line & "in full"', bodyHtml: bodyOf(5 * MB) });
    const story = makeArticle("story", { bodyHtml: bodyOf(99_000) });
    const document = feedDocument(site, scopeOf([giant, story]), "/feed.xml");
    const [giantEntry, storyEntry] = document.entries;
    assert.equal(giantEntry!.contentHtml, '<p>The budget, line by line &amp; "in full"</p><p><a href="https://herald.example.org/news/giant/">Read the full story</a></p>');
    assert.equal(giantEntry!.summary, 'The budget, line by line & "in full"');
    assert.equal(storyEntry!.contentHtml, bodyOf(99_000));

    for (const [format, text] of [["RSS", renderRss(document)], ["Atom", renderAtom(document)], ["JSON Feed", renderJsonFeed(document)]] as const) {
      const size = Buffer.byteLength(text);
      assert.ok(size < 160_000, `${format} is ${size} bytes: the story's body and the giant's dek`);
    }
    const rss = await new Parser().parseString(renderRss(document));
    assert.match(rss.items[0]!["content:encoded"], /<a href="https:\/\/herald\.example\.org\/news\/giant\/">Read the full story<\/a>/);
    assert.equal(JSON.parse(renderJsonFeed(document)).items[0].content_html, giantEntry!.contentHtml);
  });

  test("past 1 MB of bodies in a feed, older stories carry their dek and link, newest first", () => {
    const stories = Array.from({ length: 12 }, (_, i) => makeArticle(`long-read-${i + 1}`, { bodyHtml: bodyOf(90_000) }));
    const entries = feedDocument(site, scopeOf(stories), "/feed.xml").entries;
    const whole = entries.map((entry) => !entry.contentHtml!.includes("Read the full story"));
    assert.deepEqual(whole, [...Array(11).fill(true), false]);
    assert.ok(Buffer.byteLength(renderRss(feedDocument(site, scopeOf(stories), "/feed.xml"))) < 1.05 * MB);
  });
});
