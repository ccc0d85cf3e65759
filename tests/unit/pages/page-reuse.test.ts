import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import type { ArticlePageInputs } from "../../../src/pages/page-inputs.ts";
import { summaryOf } from "../../../src/pages/page-inputs.ts";
import { tagPageInputs } from "../../../src/pages/page-inputs.ts";
import type { SiteModel } from "../../../src/collections/site-model.ts";
import { articleWithBody } from "../../../src/content/article-body.ts";
import type { Article } from "../../../src/content/model.ts";
import { feedDocument, type FeedScope } from "../../../src/feeds/feed-model.ts";
import { htmlHash } from "../../../src/markdown/html-hash.ts";
import { keyArticlePages, PageReuse, takeArticlePages } from "../../../src/pages/page-reuse.ts";
import { makeArticle, makeSite } from "../helpers.ts";

const site = makeSite();

function inputs(article: Article, listed: Article[], overrides: Partial<ArticlePageInputs> = {}): ArticlePageInputs {
  return {
    site,
    url: article.url,
    year: 2026,
    assets: { "/css/site.css": "/css/site.0123456789.css" },
    article,
    isPreview: false,
    related: [{ kind: "article", article: summaryOf(listed[0]!) }, { kind: "link", title: "Report", url: "https://example.org/report" }],
    sideFeed: listed.map(summaryOf),
    moreNews: listed.slice(0, 1).map(summaryOf),
    picks: [],
    ...overrides,
  };
}

describe("page reuse keys", () => {
  const page = makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>" });
  const neighbour = makeArticle("tram", { title: "Tram line to the harbour", bodyHtml: "<p>Tram.</p>" });
  const key = (reuse: PageReuse, changed: Partial<ArticlePageInputs> = {}, pageArticle = page, listed = [neighbour]) => reuse.key(inputs(pageArticle, listed, changed));

  test("equal inputs give equal keys, in another build too", () => {
    assert.equal(key(new PageReuse("unused")), key(new PageReuse("unused")));
  });

  test("the page's own body, corrections and headline, a neighbour's headline, the site and the asset names change the key", () => {
    const reuse = new PageReuse("unused");
    const base = key(reuse);
    const changed = [
      key(reuse, {}, { ...page, bodyHtml: "<p>The ferry runs on time.</p>" }),
      key(reuse, {}, makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>", corrections: [{ date: new Date("2026-01-02T09:00:00Z"), text: "The ferry's name." }] })),
      key(reuse, {}, makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>", title: "Ferry delayed" })),
      key(reuse, {}, page, [{ ...neighbour, title: "Tram line delayed" }]),
      key(reuse, { site: { ...site, name: "The Other Herald" } }),
      key(reuse, { assets: { "/css/site.css": "/css/site.9876543210.css" } }),
      key(reuse, { isPreview: true }),
      key(reuse, { related: [] }),
      key(reuse, { year: 2027 }),
    ];
    assert.equal(new Set([base, ...changed]).size, changed.length + 1);
  });

  test("a loaded article's body counts by its hash: a body edit changes its page's key and its own-parts key, and keying reads no body", () => {
    const reads = { count: 0 };
    const loaded = ({ bodyHtml: _body, bodyHash: _hash, ...fields }: Article, html: string) =>
      articleWithBody(fields, { readHtml: () => (reads.count++, html), hash: htmlHash(html) });
    const keys = (pageBody: string) => {
      const reuse = new PageReuse("unused");
      const article = loaded(page, pageBody);
      const listed = [loaded(neighbour, "<p>Tram.</p>")];
      return { page: reuse.key(inputs(article, listed)), ownParts: reuse.ownPartsKey([article, ...listed], site, false) };
    };
    const base = keys("<p>The ferry runs late.</p>");
    assert.deepEqual(keys("<p>The ferry runs late.</p>"), base, "the same body, loaded again");
    const edited = keys("<p>The ferry runs on time.</p>");
    assert.notEqual(edited.page, base.page);
    assert.notEqual(edited.ownParts, base.ownParts);
    const reuse = new PageReuse("unused");
    const ownParts = (article: Article) => reuse.ownPartsKey([article, neighbour], site, false);
    const corrected = makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>", corrections: [{ date: new Date("2026-01-02T09:00:00Z"), text: "The ferry's name." }] });
    assert.notEqual(ownParts(corrected), ownParts(page), "a correction");
    assert.notEqual(ownParts(makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>", title: "Ferry delayed" })), ownParts(page), "a headline");
    assert.equal(reads.count, 0);
  });

  test("a neighbour's body does not: lists show other articles as summaries only", () => {
    const reuse = new PageReuse("unused");
    const edited = { ...neighbour, bodyHtml: "<p>Tram, with an update.</p>" };
    assert.equal(key(reuse, {}, page, [edited]), key(reuse));
    assert.equal("bodyHtml" in summaryOf(edited), false);
  });

  test("a listing page's key: its articles' summaries and headlines count, their bodies do not", () => {
    const reuse = new PageReuse("unused");
    const frame = { site, year: 2026, assets: { "/css/site.css": "/css/site.0123456789.css" } };
    const tagPage = (articles: Article[], url = "/tags/harbour/") =>
      tagPageInputs({ newsroom: { site, articles: [page] } as unknown as SiteModel, assets: frame.assets, page: { url }, tagPage: { tag: { slug: "harbour", label: "Harbour", url }, articleCount: articles.length, url, items: articles } });
    const base = reuse.listingKey("tag", tagPage([page, neighbour]));
    assert.equal(new PageReuse("unused").listingKey("tag", tagPage([page, neighbour])), base, "another build");
    assert.equal(reuse.listingKey("tag", tagPage([{ ...page, bodyHtml: "<p>The ferry runs on time.</p>" }, neighbour])), base, "a body edit");
    const changed = [
      reuse.listingKey("tag", tagPage([page, { ...neighbour, title: "Tram line delayed" }])),
      reuse.listingKey("tag", tagPage([page])),
      reuse.listingKey("tag", tagPage([neighbour, page])),
      reuse.listingKey("tag", tagPage([page, neighbour], "/tags/harbour/page/2/")),
      reuse.listingKey("author", tagPage([page, neighbour])),
      reuse.listingKey("tag", { ...tagPage([page, neighbour]), site: { ...site, name: "The Other Herald" } }),
      reuse.listingKey("tag", { ...tagPage([page, neighbour]), year: 2027 }),
    ];
    assert.equal(new Set([base, ...changed]).size, changed.length + 1);
  });

  test("a tag's feed key: a headline in it counts, a body does not; equal in another build", () => {
    const scope = (articles: Article[]): FeedScope => ({ title: "Harbour", description: "About the harbour", pageUrl: "/tags/harbour/", urls: { rss: "/tags/harbour/feed.xml", atom: "/tags/harbour/atom.xml" }, articles });
    const feedKey = (reuse: PageReuse, articles: Article[]) => reuse.feedKey("rss", feedDocument(site, scope(articles), "/tags/harbour/feed.xml", { bodies: false }));
    const reuse = new PageReuse("unused");
    const base = feedKey(reuse, [page, neighbour]);
    assert.equal(feedKey(new PageReuse("unused"), [makeArticle("ferry", { bodyHtml: "<p>The ferry runs late.</p>" }), neighbour]), base, "another build");
    assert.equal(feedKey(reuse, [makeArticle("ferry", { bodyHtml: "<p>The ferry runs on time.</p>" }), neighbour]), base, "a body edit");
    const changed = [
      feedKey(reuse, [page, makeArticle("tram", { title: "Tram line delayed", bodyHtml: "<p>Tram.</p>" })]),
      feedKey(reuse, [page]),
      feedKey(reuse, [neighbour, page]),
      reuse.feedKey("atom", feedDocument(site, scope([page, neighbour]), "/tags/harbour/feed.xml", { bodies: false })),
    ];
    assert.equal(new Set([base, ...changed]).size, changed.length + 1);
  });

  test("a stored page is written where the build asks and returned; a page never stored is not", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-pages-"));
    const built = path.join(dir, "built.html");
    writeFileSync(built, "<!doctype html><p>ferry</p>");
    const reuse = new PageReuse(path.join(dir, "cache"));
    const pageKey = key(reuse);
    const target = path.join(dir, "site", "news", "ferry", "index.html");
    assert.equal(reuse.take(pageKey, target), undefined);
    reuse.store(pageKey, built);
    assert.equal(reuse.take(pageKey, target), "<!doctype html><p>ferry</p>");
    assert.equal(readFileSync(target, "utf8"), "<!doctype html><p>ferry</p>");
    // The site's copy is its own: rewriting it in place (as the dev server does) leaves the cache alone.
    writeFileSync(target, "<!doctype html><p>preview</p>");
    assert.equal(reuse.take(pageKey, path.join(dir, "again.html")), "<!doctype html><p>ferry</p>");
  });

  test("pages keyed as stored are taken later; one pruned in between is returned to render", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-pages-"));
    const cacheDir = path.join(dir, "cache");
    const inputsOf = (article: Article) => inputs(article, [neighbour]);
    const other = makeArticle("bridge", { bodyHtml: "<p>Bridge.</p>" });
    const built = path.join(dir, "built.html");
    writeFileSync(built, "<!doctype html><p>stored</p>");
    // Two earlier builds, each storing one page.
    for (const article of [page, neighbour]) {
      const earlier = new PageReuse(cacheDir);
      earlier.store(earlier.key(inputsOf(article)), built);
      earlier.close();
    }
    const neighbourPack = readdirSync(cacheDir).filter((name) => name.endsWith(".pack")).sort().at(-1)!;
    const reuse = new PageReuse(cacheDir);
    const planned = await keyArticlePages(reuse, [page, neighbour, other], inputsOf);
    assert.deepEqual(planned.toRender, [other]);
    assert.deepEqual(planned.toTake.map(({ article }) => article), [page, neighbour]);
    // Another build prunes the neighbour's page.
    rmSync(path.join(cacheDir, neighbourPack));
    const seen: string[] = [];
    const taken = await takeArticlePages(reuse, planned.toTake, path.join(dir, "site"), { onPage: (url) => seen.push(url) });
    assert.deepEqual(taken, { reused: 1, missing: [neighbour] });
    assert.deepEqual(seen, [page.url]);
    assert.equal(readFileSync(path.join(dir, "site", ...page.url.split("/").filter(Boolean), "index.html"), "utf8"), "<!doctype html><p>stored</p>");
  });

  test("unused pages are pruned once they outnumber the used ones (and a thousand), not before", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-pages-"));
    const cacheDir = path.join(dir, "cache");
    mkdirSync(cacheDir);
    const built = path.join(dir, "built.html");
    writeFileSync(built, "<p>ferry</p>");
    const stale = (count: number) => {
      const earlier = new PageReuse(cacheDir);
      for (let n = 0; n < count; n++) {
        writeFileSync(built, `<p>old ${n}</p>`);
        earlier.store(`stale-${n}-${Math.random()}`, built);
      }
      earlier.close();
    };
    const storedPages = () => readdirSync(cacheDir).filter((name) => name.endsWith(".index")).flatMap((name) => (JSON.parse(readFileSync(path.join(cacheDir, name), "utf8")) as { entries: unknown[] }).entries).length;
    const build = () => {
      const reuse = new PageReuse(cacheDir);
      writeFileSync(built, "<p>ferry</p>");
      reuse.store(key(reuse), built);
      reuse.prune();
      reuse.close();
      return storedPages();
    };
    stale(1000);
    assert.equal(build(), 1001, "a thousand stale pages are kept");
    stale(1001);
    assert.equal(build(), 1, "past a thousand, every unused page goes");
  });
});
