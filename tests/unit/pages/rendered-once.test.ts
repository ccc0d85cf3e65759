import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { h } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { ArticleCard } from "../../../layouts/components/ArticleCard.tsx";
import { ArticleList } from "../../../layouts/components/ArticleList.tsx";
import { Masthead } from "../../../layouts/components/Masthead.tsx";
import { NewsFeedColumn } from "../../../layouts/components/NewsFeedColumn.tsx";
import { renderedOnce } from "../../../src/pages/rendered-once.ts";
import { summaryOf } from "../../../src/pages/page-inputs.ts";
import { makeArticle, makeSite } from "../helpers.ts";

describe("renderedOnce", () => {
  test("renders a piece once per owner and variant, in place, with no element around it", () => {
    const owner = {};
    let renders = 0;
    const piece = (variant: string) =>
      renderedOnce(owner, variant, () => {
        renders++;
        return h("p", { class: variant }, "Harbour & ferries");
      });
    const page = () => renderToStaticMarkup(h("div", null, piece("a"), piece("a"), piece("b")));
    const expected = '<div><p class="a">Harbour &amp; ferries</p><p class="a">Harbour &amp; ferries</p><p class="b">Harbour &amp; ferries</p></div>';
    assert.equal(page(), expected);
    assert.equal(page(), expected);
    assert.equal(renders, 2, "one render per variant, however many pages show it");
    assert.equal(renderToStaticMarkup(piece("a")), renderToStaticMarkup(h("p", { class: "a" }, "Harbour & ferries")));
  });

  test("another owner is rendered afresh, and text stays escaped", () => {
    const first = { title: "<script>alert(1)</script>" };
    const second = { title: "Tide tables" };
    const render = (owner: { title: string }) => renderToStaticMarkup(renderedOnce(owner, "x", () => h("h3", null, owner.title)));
    assert.equal(render(first), "<h3>&lt;script>alert(1)&lt;/script></h3>");
    assert.equal(render(second), "<h3>Tide tables</h3>");
  });

  test("keeps a bounded number of pieces: the least recently used is rendered again", () => {
    const kept = {};
    let renders = 0;
    const keptPiece = () => renderedOnce(kept, "kept", () => (renders++, h("i", null, "kept")));
    keptPiece();
    for (let index = 0; index < 600; index++) renderedOnce({}, "other", () => h("b", null, index));
    keptPiece();
    assert.equal(renders, 2, "pushed out by 600 newer pieces");
    for (let index = 0; index < 100; index++) {
      renderedOnce({}, "other", () => h("b", null, index));
      keptPiece(); // used between the others: stays
    }
    assert.equal(renders, 2);
  });
});

describe("pieces rendered once are the same markup as rendered each time", () => {
  const site = makeSite({ navigation: [{ label: "Transport", tag: "transport" }] } as never);
  const ferry = makeArticle("ferry", { title: "Ferry runs late", publishedAt: new Date("2026-11-27T08:15:00Z") });
  const tram = makeArticle("tram", { title: "Tram & bus", publishedAt: new Date("2026-11-26T18:40:00Z") });

  test("the masthead marks the current section, and no other, on every page", () => {
    const masthead = (url: string) => renderToStaticMarkup(h(Masthead, { site, currentUrl: url }));
    const onArticle = masthead("/news/ferry/");
    const onTransport = masthead("/tags/transport/");
    assert.doesNotMatch(onArticle, /aria-current/);
    assert.match(onTransport, /<a href="\/tags\/transport\/" aria-current="page">Transport<\/a>/);
    assert.equal(masthead("/news/tram/"), onArticle);
    assert.equal((onTransport.match(/aria-current/g) ?? []).length, 1);
  });

  test("a list's cards follow its stories and time zone", () => {
    const list = (articles: ReturnType<typeof summaryOf>[], timeZone: string) =>
      renderToStaticMarkup(h(ArticleList, { id: "more-news", heading: "More news", articles, locale: "en-GB", timeZone }));
    const direct = (articles: ReturnType<typeof summaryOf>[], timeZone: string) =>
      articles.map((article) => `<li>${renderToStaticMarkup(h(ArticleCard, { article, locale: "en-GB", timeZone }))}</li>`).join("");
    const both = [summaryOf(ferry), summaryOf(tram)];
    assert.ok(list(both, "Europe/London").includes(direct(both, "Europe/London")));
    assert.ok(list([summaryOf(tram)], "Europe/London").includes(direct([summaryOf(tram)], "Europe/London")));
    // 18:40 on the 26th in London is the 27th in Tokyo.
    assert.match(list([summaryOf(tram)], "Asia/Tokyo"), /27 Nov 2026/);
    assert.match(list([summaryOf(tram)], "Europe/London"), /26 Nov 2026/);
  });

  test("the news column shows each story's date and time, never a bare time that would claim today", () => {
    const column = (timeZone: string) =>
      renderToStaticMarkup(h(NewsFeedColumn, { articles: [summaryOf(ferry), summaryOf(tram)], size: 8, locale: "en-GB", timeZone, excludeUrls: ["/news/x/"] }));
    const london = column("Europe/London");
    assert.match(london, />27 Nov 2026, 08:15<\/time>/);
    assert.match(london, />26 Nov 2026, 18:40<\/time>/);
    // 18:40 on the 26th in London is the 27th in Tokyo.
    assert.match(column("Asia/Tokyo"), />27 Nov 2026, 03:40<\/time>/);
  });
});
