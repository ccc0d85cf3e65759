import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { summaryOf, type ArticlePageInputs } from "../../../layouts/article.11ty.tsx";
import type { Article } from "../../../src/content/model.ts";
import { PageReuse } from "../../../src/pages/page-reuse.ts";
import { makeArticle, makeSite } from "../helpers.ts";

const site = makeSite();

function inputs(article: Article, listed: Article[], overrides: Partial<ArticlePageInputs> = {}): ArticlePageInputs {
  return {
    site,
    url: article.url,
    referenceDate: new Date("2026-11-27T12:00:00Z"),
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

  test("the page's own body, a neighbour's headline, the site and the asset names change the key", () => {
    const reuse = new PageReuse("unused");
    const base = key(reuse);
    const changed = [
      key(reuse, {}, { ...page, bodyHtml: "<p>The ferry runs on time.</p>" }),
      key(reuse, {}, page, [{ ...neighbour, title: "Tram line delayed" }]),
      key(reuse, { site: { ...site, name: "The Other Herald" } }),
      key(reuse, { assets: { "/css/site.css": "/css/site.9876543210.css" } }),
      key(reuse, { isPreview: true }),
      key(reuse, { related: [] }),
      key(reuse, { referenceDate: new Date("2026-11-28T12:00:00Z") }),
    ];
    assert.equal(new Set([base, ...changed]).size, changed.length + 1);
  });

  test("a neighbour's body does not: lists show other articles as summaries only", () => {
    const reuse = new PageReuse("unused");
    const edited = { ...neighbour, bodyHtml: "<p>Tram, with an update.</p>" };
    assert.equal(key(reuse, {}, page, [edited]), key(reuse));
    assert.equal("bodyHtml" in summaryOf(edited), false);
  });

  test("a stored page is published and read back; unused pages are pruned once they outnumber the used", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-pages-"));
    const built = path.join(dir, "built.html");
    writeFileSync(built, "<!doctype html><p>ferry</p>");
    const reuse = new PageReuse(path.join(dir, "cache"));
    const pageKey = key(reuse);
    assert.equal(reuse.has(pageKey), false);
    await reuse.store(pageKey, built);
    await reuse.publish(pageKey, path.join(dir, "site", "news", "ferry", "index.html"));
    assert.equal(reuse.read(pageKey), "<!doctype html><p>ferry</p>");
    reuse.prune();
    assert.equal(reuse.has(pageKey), true);
  });
});
