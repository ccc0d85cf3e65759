import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { renderNewsSitemap, renderRobotsTxt, sitemapEntries, sitemapFiles, type SitemapEntry, type SitemapSections } from "../../../src/feeds/sitemap.ts";
import type { Article } from "../../../src/content/model.ts";
import { SCHEMAS, validateXml, xmllintSkipReason } from "../../integration/xmllint.ts";
import { makeArticle, makeSite } from "../helpers.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** Articles story-1 (oldest) to story-`count`, oldest first, each a day after the one before. */
const stories = (count: number): SitemapEntry[] => Array.from({ length: count }, (_, i) => ({ url: `/news/story-${i + 1}/`, lastmod: new Date(Date.UTC(2026, 10, 1 + i)) }));
/** The home page and the news feed change with the newest article. */
const sections = (count: number): SitemapSections => {
  const articles = stories(count);
  const lastmod = articles.at(-1)?.lastmod ?? new Date(0);
  return { articles, pages: [{ url: "/", lastmod }, { url: "/news-feed/", lastmod }] };
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);

describe("sitemapFiles", () => {
  it("says what each file is written from: two sets of sections give files of the same inputs exactly when they give the same XML", () => {
    // A story updated, renamed, added or removed, the base URL changed, the pages changed: each, as one file and as an index.
    const variants: [string, SitemapSections][] = [];
    for (const count of [3, 7]) {
      const base = sections(count);
      const updated = { ...base, articles: base.articles.map((entry, at) => (at === 1 ? { ...entry, lastmod: new Date(entry.lastmod.getTime() + 1) } : entry)) };
      const renamed = { ...base, articles: base.articles.map((entry, at) => (at === 0 ? { ...entry, url: "/news/story-one/" } : entry)) };
      const added = { ...base, articles: [...base.articles, { url: "/news/late/", lastmod: new Date(Date.UTC(2026, 11, 1)) }] };
      const removed = { ...base, articles: base.articles.slice(1) };
      const pages = { ...base, pages: [...base.pages, { url: "/about/", lastmod: new Date(0) }] };
      for (const [name, variant] of Object.entries({ base, updated, renamed, added, removed, pages })) variants.push([`${count} ${name}`, variant]);
    }
    const filesOf = (baseUrl: string, variant: SitemapSections) => sitemapFiles(baseUrl, variant, 6).map((file) => ({ url: file.url, xml: file.xml, inputs: JSON.stringify(file.inputs) }));
    const all = variants.flatMap(([name, variant]) => [
      [`${name} site.example`, filesOf("https://site.example", variant)],
      [`${name} other.example`, filesOf("https://other.example", variant)],
    ] as const);
    for (const [nameA, filesA] of all) {
      for (const [nameB, filesB] of all) {
        for (const fileA of filesA) {
          const fileB = filesB.find((file) => file.url === fileA.url);
          if (!fileB) continue;
          assert.equal(fileA.inputs === fileB.inputs, fileA.xml === fileB.xml, `${fileA.url} of ${nameA} and of ${nameB}`);
        }
      }
    }
    // A copy of the same sections is the same inputs (the key does not depend on the objects).
    assert.equal(JSON.stringify(sitemapFiles("https://site.example", sections(7), 6)[2]!.inputs), JSON.stringify(sitemapFiles("https://site.example", sections(7), 6)[2]!.inputs));
  });

  it("writes one sitemap.xml while the URLs fit in one file: the site's pages, then the articles newest first", () => {
    const files = sitemapFiles("https://site.example", sections(3), 6);
    assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml"]);
    assert.deepEqual(locs(files[0]!.xml), ["/", "/news-feed/", "/news/story-3/", "/news/story-2/", "/news/story-1/"]);
    assert.match(files[0]!.xml, /<loc>https:\/\/site\.example\/news\/story-1\/<\/loc><lastmod>2026-11-01T00:00:00\.000Z<\/lastmod>/);
  });

  it("past the limit, becomes an index of archive files of half the limit from the oldest article, and the newest file with the rest", () => {
    const files = sitemapFiles("https://site.example", sections(7), 6);
    assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/newest.xml"]);
    assert.match(files[0]!.xml, /^<\?xml[^>]*>\n<sitemapindex /);
    assert.deepEqual(locs(files[0]!.xml), ["/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/newest.xml"]);
    assert.deepEqual([...files[0]!.xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1]), [
      "2026-11-03T00:00:00.000Z",
      "2026-11-06T00:00:00.000Z",
      "2026-11-07T00:00:00.000Z",
    ]);
    assert.deepEqual(files.slice(1).map((file) => locs(file.xml)), [
      ["/news/story-1/", "/news/story-2/", "/news/story-3/"],
      ["/news/story-4/", "/news/story-5/", "/news/story-6/"],
      ["/", "/news-feed/", "/news/story-7/"],
    ]);
  });

  it("a publication changes only the newest file and the index; every `limit` articles adds an archive file", () => {
    for (let count = 5; count <= 20; count++) {
      const before = new Map(sitemapFiles("https://site.example", sections(count), 6).map((file) => [file.url, file.xml]));
      const after = new Map(sitemapFiles("https://site.example", sections(count + 1), 6).map((file) => [file.url, file.xml]));
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((url) => before.get(url) !== after.get(url)).sort();
      const archive = (count + 1) % 3 === 0 ? [`/sitemaps/articles-${(count + 1) / 3}.xml`] : [];
      assert.deepEqual(changed, [...archive, "/sitemap.xml", "/sitemaps/newest.xml"].sort(), `${count} to ${count + 1} articles`);
    }
  });

  it("splits the newest file too when the site's pages are more than half the limit", () => {
    const many = { articles: stories(4), pages: Array.from({ length: 7 }, (_, i) => ({ url: `/tags/t${i}/`, lastmod: new Date(0) })) };
    const files = sitemapFiles("https://site.example", many, 6);
    assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/newest.xml", "/sitemaps/newest-2.xml"]);
    assert.deepEqual(files.slice(1).map((file) => locs(file.xml).length), [3, 6, 2]);
  });

  it("escapes URLs in XML", () => {
    const [file] = sitemapFiles("https://site.example", { articles: [], pages: [{ url: "/search/?q=a&b=<c>", lastmod: new Date(0) }] });
    assert.match(file!.xml, /<loc>https:\/\/site\.example\/search\/\?q=a&amp;b=%3Cc%3E<\/loc>/);
  });

  it("produces files valid against the official schemas", { skip: xmllintSkipReason() }, () => {
    const dir = temporaryFolder("sitemap-");
    const [index, part] = sitemapFiles("https://site.example", sections(7), 6);
    writeFileSync(path.join(dir, "index.xml"), index!.xml);
    writeFileSync(path.join(dir, "part.xml"), part!.xml);
    validateXml(path.join(dir, "index.xml"), path.join(SCHEMAS, "siteindex.xsd"));
    validateXml(path.join(dir, "part.xml"), path.join(SCHEMAS, "sitemap.xsd"));
  });
});

describe("sitemapEntries", () => {
  /** Articles a1 (oldest) to a`count`, every third updated later, each counting the reads of its times. */
  const timed = (count: number, reads: { count: number }): Article[] =>
    Array.from({ length: count }, (_, i) => {
      const publishedAt = new Date(Date.UTC(2026, 10, 1 + i));
      const article = makeArticle(`a${i + 1}`, { publishedAt, ...(i % 3 === 0 ? { updatedAt: new Date(publishedAt.getTime() + 36 * 3600_000) } : {}) });
      return new Proxy(article, {
        get(target, key, receiver) {
          if (key === "publishedAt" || key === "updatedAt") reads.count++;
          return Reflect.get(target, key, receiver);
        },
      });
    });
  const newestOf = (articles: readonly Article[]) => new Date(Math.max(...articles.map((article) => (article.updatedAt ?? article.publishedAt).getTime())));

  it("gives the files' URLs without reading a story's time (checking links asks for no more), and each page the time of its newest story when asked", () => {
    const reads = { count: 0 };
    const articles = timed(8, reads).reverse();
    const model = {
      articles,
      pages: [{ id: "about", url: "/about/", title: "About", sourcePath: "content/pages/about.md", bodyHtml: "" }, { id: "ethics", url: "/ethics/", title: "Ethics", sourcePath: "content/pages/ethics.md", bodyHtml: "", updatedAt: new Date(Date.UTC(2025, 0, 1)) }],
      feedPages: [{ url: "/news-feed/", items: articles.slice(0, 5) }, { url: "/news-feed/page/1/", items: articles.slice(5), pageNumber: 1 }],
      tagPages: [{ url: "/tags/port/", items: articles.filter((_, i) => i % 2 === 1), tag: { slug: "port", label: "Port", url: "/tags/port/" } }],
      authorGroups: [{ author: { id: "desk", name: "Desk", url: "/authors/desk/" }, articles: articles.slice(2, 4) }],
    } as unknown as Parameters<typeof sitemapEntries>[0];
    const sections = sitemapEntries(model);
    assert.deepEqual(sitemapFiles("https://site.example", sections, 6).map((file) => file.url), ["/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/newest.xml", "/sitemaps/newest-2.xml"]);
    assert.equal(reads.count, 0, "no story's time read for the URLs");

    const lastmods = new Map([...sections.pages, ...sections.articles].map((entry) => [entry.url, entry.lastmod.toISOString()]));
    const expected = new Map<string, Date>([
      ["/", newestOf(articles)],
      ["/about/", newestOf(articles)],
      ["/ethics/", new Date(Date.UTC(2025, 0, 1))],
      ["/news-feed/", newestOf(articles.slice(0, 5))],
      ["/news-feed/page/1/", newestOf(articles.slice(5))],
      ["/tags/", newestOf(articles)],
      ["/tags/port/", newestOf(articles.filter((_, i) => i % 2 === 1))],
      ["/authors/", newestOf(articles)],
      ["/authors/desk/", newestOf(articles.slice(2, 4))],
      ["/search/", newestOf(articles)],
      ...articles.map((article) => [article.url, article.updatedAt ?? article.publishedAt] as const),
    ]);
    assert.deepEqual(lastmods, new Map([...expected].map(([url, time]) => [url, time.toISOString()])));
    assert.deepEqual(sections.articles.map((entry) => entry.url), [...articles].reverse().map((article) => article.url), "oldest first");
    const afterFirst = reads.count;
    for (const entry of sections.pages) assert.ok(entry.lastmod instanceof Date);
    assert.equal(reads.count, afterFirst, "a page's time is found once, then kept");
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
  const dir = temporaryFolder("news-sitemap-");
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

  it("lists what filtering the whole archive lists, reading only its newest articles (the model's order, newest first)", () => {
    // 3,000 stories at seeded minutes over five days (some in the same minute), newest first as the site model holds them.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const start = Date.UTC(2026, 10, 1);
    const day = 86_400_000;
    const dated = Array.from({ length: 3000 }, (_, i) => makeArticle(`story-${i}`, { publishedAt: new Date(start + Math.floor(random() * 5 * 1440) * 60_000) }));
    const newestFirst = dated.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
    const reference = (now: Date) => {
      const published = newestFirst.filter((article) => article.publishedAt <= now);
      const recent = published.filter((article) => article.publishedAt.getTime() >= now.getTime() - 2 * day).slice(0, 1000);
      if (recent.length > 0) return recent.map((article) => `https://herald.example.org${article.url}`);
      return [`https://herald.example.org${published[0]?.url ?? "/"}`];
    };
    const listed = (now: Date) => locs(renderNewsSitemap({ site, articles: newestFirst }, now));
    // Before the first story, within the first days (stories scheduled after the build lead the list), at the limit, after the last, on a quiet day.
    for (const at of [start - 1, start, start + 60_000, start + day / 2, start + day, start + 2 * day + 719 * 60_000, start + 3 * day, start + 5 * day, start + 6 * day, start + 9 * day]) {
      const now = new Date(at);
      assert.deepEqual(listed(now), reference(now), `at ${now.toISOString()}`);
    }
    assert.equal(listed(new Date(start + 3 * day)).length, 1000, "two days of stories, past the limit");
    assert.equal(listed(new Date(start + 9 * day)).length, 1, "a quiet day: the newest story");
    assert.deepEqual(listed(new Date(start - 1)), ["https://herald.example.org/"], "before the first story: the home page");
  });
});

describe("renderRobotsTxt", () => {
  it("allows everything and names both sitemaps", () => {
    assert.equal(renderRobotsTxt("https://site.example"), "User-agent: *\nAllow: /\n\nSitemap: https://site.example/sitemap.xml\nSitemap: https://site.example/news-sitemap.xml\n");
  });
});
