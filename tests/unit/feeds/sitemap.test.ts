import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { renderNewsSitemap, renderRobotsTxt, sitemapFiles, type SitemapEntry } from "../../../src/feeds/sitemap.ts";
import { SCHEMAS, validateXml, xmllintSkipReason } from "../../integration/xmllint.ts";
import { makeArticle, makeSite } from "../helpers.ts";

const entries: SitemapEntry[] = Array.from({ length: 5 }, (_, i) => ({ url: `/news/story-${i + 1}/`, lastmod: new Date(Date.UTC(2026, 10, 20 + i)) }));

describe("sitemapFiles", () => {
  it("writes one sitemap.xml while the URLs fit in one file", () => {
    const files = sitemapFiles("https://site.example", entries, 5);
    assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml"]);
    assert.equal([...files[0]!.xml.matchAll(/<url>/g)].length, 5);
    assert.match(files[0]!.xml, /<loc>https:\/\/site\.example\/news\/story-1\/<\/loc><lastmod>2026-11-20T00:00:00\.000Z<\/lastmod>/);
  });

  it("past the limit, sitemap.xml becomes an index of parts of at most `limit` URLs with their newest lastmod", () => {
    const files = sitemapFiles("https://site.example", entries, 2);
    assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml", "/sitemaps/sitemap-1.xml", "/sitemaps/sitemap-2.xml", "/sitemaps/sitemap-3.xml"]);
    assert.match(files[0]!.xml, /^<\?xml[^>]*>\n<sitemapindex /);
    assert.deepEqual([...files[0]!.xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1]), [
      "2026-11-21T00:00:00.000Z",
      "2026-11-23T00:00:00.000Z",
      "2026-11-24T00:00:00.000Z",
    ]);
    assert.deepEqual(files.slice(1).map((file) => [...file.xml.matchAll(/<url>/g)].length), [2, 2, 1]);
  });

  it("escapes URLs in XML", () => {
    const [file] = sitemapFiles("https://site.example", [{ url: "/search/?q=a&b=<c>", lastmod: new Date(0) }]);
    assert.match(file!.xml, /<loc>https:\/\/site\.example\/search\/\?q=a&amp;b=%3Cc%3E<\/loc>/);
  });

  it("produces files valid against the official schemas", { skip: xmllintSkipReason() }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sitemap-"));
    const [index, part] = sitemapFiles("https://site.example", entries, 2);
    writeFileSync(path.join(dir, "index.xml"), index!.xml);
    writeFileSync(path.join(dir, "part.xml"), part!.xml);
    validateXml(path.join(dir, "index.xml"), path.join(SCHEMAS, "siteindex.xsd"));
    validateXml(path.join(dir, "part.xml"), path.join(SCHEMAS, "sitemap.xsd"));
  });
});

describe("renderNewsSitemap", () => {
  const site = makeSite();
  const articles = [
    makeArticle("ferry", { publishedAt: new Date("2026-11-26T21:00:00Z"), updatedAt: new Date("2026-11-27T08:00:00Z") }),
    makeArticle("budget", { publishedAt: new Date("2026-11-26T08:30:00Z") }),
    makeArticle("festival", { publishedAt: new Date("2026-11-20T10:00:00Z") }),
  ];
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  const dir = mkdtempSync(path.join(tmpdir(), "news-sitemap-"));
  const assertValid = (name: string, xml: string) => {
    writeFileSync(path.join(dir, name), xml);
    validateXml(path.join(dir, name), path.join(SCHEMAS, "urlset-driver.xsd"));
  };

  it("lists the articles of the two days before the build with their news:news, and is valid", { skip: xmllintSkipReason() }, () => {
    const xml = renderNewsSitemap({ site, articles }, new Date("2026-11-27T12:00:00Z"));
    assert.deepEqual(locs(xml), ["https://herald.example.org/news/ferry/", "https://herald.example.org/news/budget/"]);
    assert.equal([...xml.matchAll(/<news:news>/g)].length, 2);
    assertValid("normal-day.xml", xml);
  });

  it("on a quiet day lists the newest article without news:news (no empty urlset, which the schema rejects), and is valid", { skip: xmllintSkipReason() }, () => {
    const xml = renderNewsSitemap({ site, articles }, new Date("2026-12-04T12:00:00Z"));
    assert.match(xml, /<urlset [^>]*>\n<url><loc>https:\/\/herald\.example\.org\/news\/ferry\/<\/loc><lastmod>2026-11-27T08:00:00\.000Z<\/lastmod><\/url>\n<\/urlset>/);
    assert.doesNotMatch(xml, /<news:news>/);
    assertValid("quiet-day.xml", xml);
  });

  it("before the first article lists the home page, and is valid", { skip: xmllintSkipReason() }, () => {
    const xml = renderNewsSitemap({ site, articles: [] }, new Date("2026-12-04T12:00:00Z"));
    assert.deepEqual(locs(xml), ["https://herald.example.org/"]);
    assertValid("no-articles.xml", xml);
  });

  it("leaves out articles scheduled after the build's time", () => {
    const xml = renderNewsSitemap({ site, articles }, new Date("2026-11-26T12:00:00Z"));
    assert.deepEqual(locs(xml), ["https://herald.example.org/news/budget/"]);
  });
});

describe("renderRobotsTxt", () => {
  it("allows everything and names both sitemaps", () => {
    assert.equal(renderRobotsTxt("https://site.example"), "User-agent: *\nAllow: /\n\nSitemap: https://site.example/sitemap.xml\nSitemap: https://site.example/news-sitemap.xml\n");
  });
});
