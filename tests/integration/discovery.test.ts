import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import Parser from "rss-parser";
import sharp from "sharp";
import { monogramOf } from "../../src/discovery/brand-images.ts";
import { buildFixture, htmlPages, siteFiles, type BuiltSite } from "./build-fixture.ts";
import { SCHEMAS, validateXml, xmllintSkipReason } from "./xmllint.ts";

const BASE = "https://gazette.example.test";
/** The build's "now": 27 Nov 2026, noon in Berlin. */
const NOW = new Date("2026-11-27T12:00:00+01:00");
/** A quiet day: nothing published in the two days before it. */
const QUIET_DAY = new Date("2026-12-10T12:00:00+01:00");
const parser: Parser<Record<string, unknown>, Record<string, any>> = new Parser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }], ["media:content", "media"], ["atom:updated", "updated"]] } });

let site: BuiltSite;
/** The council-budget hero's published (content-addressed) JPEG, as its article page shows it. */
const budgetHeroUrl = () => site.page("/news/council-budget/").querySelector('[data-component="hero"] img')!.getAttribute("src")!;
before(async () => {
  site = await buildFixture("basic", { now: NOW });
});

function jsonLd(document: Document): Record<string, any>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
}

/** Every sitemap a build wrote: its XML files whose root is a urlset or a sitemap index. */
function sitemapsOf(built: BuiltSite): { url: string; root: "urlset" | "sitemapindex"; xml: string }[] {
  return siteFiles(built.outputDir)
    .filter((url) => url.endsWith(".xml"))
    .map((url) => ({ url, xml: built.html(url) }))
    .map(({ url, xml }) => ({ url, xml, root: /^<\?xml[^>]*>\s*<(urlset|sitemapindex)\b/.exec(xml)?.[1] as "urlset" | "sitemapindex" | undefined }))
    .filter((file): file is { url: string; root: "urlset" | "sitemapindex"; xml: string } => file.root !== undefined);
}

function meta(document: Document, key: string): string[] {
  return [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((element) => element.getAttribute("content")!);
}

describe("feeds", () => {
  test("the site's RSS feed parses and carries every entry's details, newest first", async () => {
    const feed = await parser.parseString(site.html("/feed.xml"));
    assert.equal(feed.title, "The Fixture Gazette");
    assert.equal(feed.link, `${BASE}/`);
    assert.deepEqual(feed.items.map((item) => item.link), [
      `${BASE}/news/late-night-ferry/`,
      `${BASE}/news/council-budget/`,
      `${BASE}/news/tram-extension/`,
      `${BASE}/news/bridge-repairs/`,
      `${BASE}/news/summer-festival/`,
    ]);
    const budget = feed.items[1]!;
    // Markup in an RSS title is escaped once more: text to every reader (see rss.ts); the bare "&" is left as it is.
    assert.equal(budget.title, 'Council agrees budget with &lt;em>cuts&lt;/em> & a "tram" pledge');
    assert.equal(budget.guid, `${BASE}/news/council-budget/`);
    assert.equal(new Date(budget.pubDate!).toISOString(), "2026-11-26T08:30:00.000Z");
    assert.equal(budget.updated, "2026-11-26T13:05:00.000Z");
    assert.deepEqual(budget.creators, ["Ana Lima", "City desk"]);
    assert.deepEqual(budget.categories?.map((category: unknown) => (typeof category === "string" ? category : (category as { _: string })._)), ["City Hall", "Budget"]);
    assert.equal(budget.content, "The vote passed 31 to 20 after a six-hour debate.");
    assert.match(budget["content:encoded"], /<img src="https:\/\/gazette\.example\.test\/images\/derived\/[0-9a-f]{20}-200\.jpg"/);
    assert.match(budget["content:encoded"], /href="https:\/\/gazette\.example\.test\/news\/tram-extension\/"/);
    assert.deepEqual({ ...budget.media.$ }, { url: `${BASE}${budgetHeroUrl()}`, medium: "image", type: "image/jpeg", width: "640", height: "360" });
    assert.doesNotMatch(site.html("/feed.xml"), /secret-draft/);
  });

  test("the Atom feed parses with the same entries, authors and update times", async () => {
    const xml = site.html("/atom.xml");
    const feed = await parser.parseString(xml);
    assert.equal(feed.items.length, 5);
    assert.equal(feed.items[1]!.link, `${BASE}/news/council-budget/`);
    assert.equal(feed.items[1]!.id, `${BASE}/news/council-budget/`);
    assert.match(xml, /<updated>2026-11-26T13:05:00.000Z<\/updated>/);
    assert.match(xml, /<author><name>Ana Lima<\/name><uri>https:\/\/gazette\.example\.test\/authors\/ana-lima\/<\/uri><\/author><author><name>City desk<\/name>/);
    assert.match(xml, /<category term="city-hall" label="City Hall"\/>/);
    assert.ok(xml.includes(`<link rel="enclosure" type="image/jpeg" href="${BASE}${budgetHeroUrl()}"/>`));
  });

  test("the JSON Feed is version 1.1 with content, image, dates and authors", () => {
    const feed = JSON.parse(site.html("/feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.feed_url, `${BASE}/feed.json`);
    const budget = feed.items[1];
    assert.deepEqual(
      { id: budget.id, image: budget.image, published: budget.date_published, modified: budget.date_modified, tags: budget.tags },
      { id: `${BASE}/news/council-budget/`, image: `${BASE}${budgetHeroUrl()}`, published: "2026-11-26T08:30:00.000Z", modified: "2026-11-26T13:05:00.000Z", tags: ["City Hall", "Budget"] },
    );
    assert.deepEqual(budget.authors, [{ name: "Ana Lima", url: `${BASE}/authors/ana-lima/` }, { name: "City desk", url: `${BASE}/authors/city-desk/` }]);
    assert.match(budget.content_html, /^<p>The council agreed its budget/);
  });

  test("a light headlines feed carries deks, not bodies, for pages refreshing their news column", () => {
    const feed = JSON.parse(site.html("/headlines.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.feed_url, `${BASE}/headlines.json`);
    assert.equal(feed.items.length, 5);
    assert.deepEqual(Object.keys(feed.items[1]).sort(), ["authors", "content_text", "date_modified", "date_published", "id", "image", "summary", "tags", "title", "url"]);
    assert.equal(feed.items[1].content_text, "The vote passed 31 to 20 after a six-hour debate.");
    assert.equal(site.page("/").querySelector('[data-component="news-feed-column"]')!.getAttribute("data-feed"), "/headlines.json");
  });

  test("each tag and each author has RSS and Atom feeds of their own articles", async () => {
    const transport = await parser.parseString(site.html("/tags/transport/feed.xml"));
    assert.deepEqual(transport.items.map((item) => item.link), [`${BASE}/news/late-night-ferry/`, `${BASE}/news/tram-extension/`, `${BASE}/news/bridge-repairs/`]);
    const ana = await parser.parseString(site.html("/authors/ana-lima/atom.xml"));
    assert.deepEqual(ana.items.map((item) => item.link), [`${BASE}/news/council-budget/`, `${BASE}/news/summer-festival/`]);
    assert.ok(existsSync(path.join(site.outputDir, "tags/transport/atom.xml")));
    assert.ok(existsSync(path.join(site.outputDir, "authors/city-desk/feed.xml")));
  });

  test("tags' and authors' feeds carry headlines and deks, the site's feeds the bodies", async () => {
    for (const url of ["/tags/transport/feed.xml", "/tags/transport/atom.xml", "/authors/ana-lima/feed.xml", "/authors/ana-lima/atom.xml"]) {
      const xml = site.html(url);
      assert.doesNotMatch(xml, /<content|<content:encoded/, `${url} has no bodies`);
      const feed = await parser.parseString(xml);
      assert.ok(feed.items.length > 0 && feed.items.every((item) => item.title && item.link && (item.contentSnippet ?? item.summary)), `${url} has headlines and deks`);
    }
    const ana = await parser.parseString(site.html("/authors/ana-lima/feed.xml"));
    assert.equal(ana.items[0]!.contentSnippet, "The vote passed 31 to 20 after a six-hour debate.");
    assert.match(site.html("/feed.xml"), /<content:encoded><!\[CDATA\[<p>The council agreed its budget/);
    assert.match(site.html("/atom.xml"), /<content type="html">&lt;p&gt;The council agreed its budget/);
  });

  test("every page advertises the site's feeds, and tag and author pages their own first", () => {
    for (const page of htmlPages(site.outputDir)) {
      const hrefs = [...site.page(`/${page}`).querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute("href"));
      assert.ok(["/feed.xml", "/atom.xml", "/feed.json"].every((href) => hrefs.includes(href)), `${page} advertises the site feeds`);
    }
    const tagFeeds = [...site.page("/tags/transport/").querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute("href"));
    assert.deepEqual(tagFeeds.slice(0, 2), ["/tags/transport/feed.xml", "/tags/transport/atom.xml"]);
  });
});

describe("sitemaps", { skip: xmllintSkipReason() }, () => {
  test("sitemap.xml is valid and lists every public page, each mapping to a built file", () => {
    const file = path.join(site.outputDir, "sitemap.xml");
    validateXml(file, path.join(SCHEMAS, "sitemap.xsd"));
    const xml = readFileSync(file, "utf8");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    assert.equal(locs.length, [...xml.matchAll(/<lastmod>/g)].length);
    for (const loc of locs) {
      assert.ok(loc.startsWith(`${BASE}/`), loc);
      const pathname = new URL(loc).pathname;
      assert.ok(existsSync(path.join(site.outputDir, pathname, "index.html")), `${loc} has a built page`);
    }
    const expected = htmlPages(site.outputDir).filter((page) => page !== "404.html").map((page) => `${BASE}/${page.replace(/index\.html$/, "")}`);
    assert.deepEqual([...locs].sort(), expected.sort());
    assert.match(xml, /<loc>https:\/\/gazette\.example\.test\/news\/council-budget\/<\/loc><lastmod>2026-11-26T13:05:00.000Z<\/lastmod>/);
  });

  test("the Google News sitemap is valid and holds only the articles of the two days before the build", () => {
    const file = path.join(site.outputDir, "news-sitemap.xml");
    validateXml(file, path.join(SCHEMAS, "urlset-driver.xsd"));
    const xml = readFileSync(file, "utf8");
    assert.deepEqual([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]), [`${BASE}/news/late-night-ferry/`, `${BASE}/news/council-budget/`]);
    assert.match(xml, /<news:publication><news:name>The Fixture Gazette<\/news:name><news:language>en<\/news:language><\/news:publication>/);
    assert.match(xml, /<news:publication_date>2026-11-26T08:30:00.000Z<\/news:publication_date><news:title>Council agrees budget with &lt;em&gt;cuts&lt;\/em&gt; &amp; a &quot;tram&quot; pledge<\/news:title>/);
  });

  describe("on a news day and on a quiet day", () => {
    let quietSite: BuiltSite;
    before(async () => {
      quietSite = await buildFixture("basic", { now: QUIET_DAY });
    });
    const days = () => [["news day", site], ["quiet day", quietSite]] as const;

    test("every sitemap the build writes is valid against the official schemas", () => {
      for (const [day, built] of days()) {
        const sitemaps = sitemapsOf(built);
        assert.deepEqual(sitemaps.map((file) => file.url), ["/news-sitemap.xml", "/sitemap.xml"], day);
        for (const file of sitemaps) {
          validateXml(path.join(built.outputDir, file.url), path.join(SCHEMAS, file.root === "sitemapindex" ? "siteindex.xsd" : "urlset-driver.xsd"));
        }
      }
    });

    test("robots.txt names exactly the sitemaps that exist and that no sitemap index lists", () => {
      for (const [day, built] of days()) {
        const named = [...built.html("/robots.txt").matchAll(/^Sitemap: (.+)$/gm)].map((match) => new URL(match[1]!).pathname);
        const sitemaps = sitemapsOf(built);
        const inIndexes = sitemaps.filter((file) => file.root === "sitemapindex").flatMap((index) => [...index.xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
        assert.deepEqual(named.sort(), sitemaps.map((file) => file.url).filter((url) => !inIndexes.includes(url)).sort(), day);
        assert.equal(built.html("/robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\nSitemap: ${BASE}/news-sitemap.xml\n`, day);
      }
    });

    test("on a quiet day the Google News sitemap lists the newest story without news metadata, as Google allows for older articles", () => {
      const xml = quietSite.html("/news-sitemap.xml");
      const lastmod = /<loc>https:\/\/gazette\.example\.test\/news\/late-night-ferry\/<\/loc><lastmod>([^<]+)<\/lastmod>/.exec(quietSite.html("/sitemap.xml"))![1];
      assert.equal(xml.split("\n").slice(2, -2).join("\n"), `<url><loc>${BASE}/news/late-night-ferry/</loc><lastmod>${lastmod}</lastmod></url>`);
      assert.doesNotMatch(xml, /news:news>/);
    });
  });
});

describe("structured data and social cards", () => {
  test("an article carries a NewsArticle with every author, its dates, publisher, image credit and keywords", () => {
    const [article, ...rest] = jsonLd(site.page("/news/council-budget/"));
    assert.equal(rest.length, 0);
    assert.equal(article!["@type"], "NewsArticle");
    assert.equal(article!.headline, 'Council agrees budget with <em>cuts</em> & a "tram" pledge');
    assert.equal(article!.description, "The vote passed 31 to 20 after a six-hour debate.");
    assert.equal(article!.datePublished, "2026-11-26T09:30:00+01:00");
    assert.equal(article!.dateModified, "2026-11-26T14:05:00+01:00");
    assert.deepEqual(article!.author, [
      { "@type": "Person", name: "Ana Lima", url: `${BASE}/authors/ana-lima/` },
      { "@type": "Organization", name: "City desk", url: `${BASE}/authors/city-desk/` },
    ]);
    assert.equal(article!.publisher["@type"], "NewsMediaOrganization");
    assert.equal(article!.publisher.logo.url, `${BASE}/images/site/logo.png`);
    assert.deepEqual(article!.mainEntityOfPage, { "@type": "WebPage", "@id": `${BASE}/news/council-budget/` });
    assert.equal(article!.articleSection, "City Hall");
    assert.deepEqual(article!.keywords, ["City Hall", "Budget"]);
    // 16:9, 4:3 and 1:1 crops (the fixture's 640x360 source gives them at its own width).
    assert.deepEqual(article!.image.map((image: { width: number; height: number }) => Math.round((image.width / image.height) * 100) / 100), [1.78, 1.33, 1]);
    for (const image of article!.image) {
      assert.equal(image["@type"], "ImageObject");
      assert.equal(image.creditText, "Fixture Photographer");
      assert.deepEqual(image.creator, { "@type": "Person", name: "Fixture Photographer" });
      assert.ok(existsSync(path.join(site.outputDir, new URL(image.url).pathname)), `${image.url} exists`);
    }
    assert.ok(!site.html("/news/council-budget/").includes("</em> & a"), "no raw HTML from the headline in the page");
  });

  test("the audio version is part of the NewsArticle", () => {
    const [article] = jsonLd(site.page("/news/late-night-ferry/"));
    assert.deepEqual(article!.audio, {
      "@type": "AudioObject",
      contentUrl: `${BASE}/audio/late-night-ferry.wav`,
      encodingFormat: "audio/wav",
      description: "This audio was generated with machine text-to-speech.",
    });
  });

  test("author pages carry a ProfilePage and the home page a WebSite with search", () => {
    const [profile] = jsonLd(site.page("/authors/ana-lima/"));
    assert.equal(profile!["@type"], "ProfilePage");
    assert.deepEqual(profile!.mainEntity, { "@type": "Person", name: "Ana Lima", url: `${BASE}/authors/ana-lima/`, jobTitle: "City Hall reporter", worksFor: { "@type": "NewsMediaOrganization", name: "The Fixture Gazette" } });
    const [desk] = jsonLd(site.page("/authors/city-desk/"));
    assert.equal(desk!.mainEntity["@type"], "Organization");
    const [website] = jsonLd(site.page("/"));
    assert.equal(website!["@type"], "WebSite");
    assert.equal(website!.potentialAction.target.urlTemplate, `${BASE}/search/?q={search_term_string}`);
  });

  test("every page has a canonical URL, a description, Open Graph and Twitter card tags", () => {
    for (const page of htmlPages(site.outputDir)) {
      const document = site.page(`/${page}`);
      const canonical = document.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
      assert.equal(canonical, `${BASE}/${page.replace(/index\.html$/, "")}`, page);
      for (const key of ["description", "og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height", "og:image:alt", "og:type", "twitter:card"]) {
        assert.equal(meta(document, key).length, 1, `${page} has one ${key}`);
        assert.ok(meta(document, key)[0]!.length > 0, `${page} ${key} is not empty`);
      }
      assert.deepEqual(meta(document, "robots"), ["max-image-preview:large"]);
      assert.deepEqual(meta(document, "twitter:card"), ["summary_large_image"]);
      const image = new URL(meta(document, "og:image")[0]!);
      assert.ok(existsSync(path.join(site.outputDir, image.pathname)), `${page}: ${image} exists`);
    }
  });

  test("articles are og:type article with their times, authors and tags", () => {
    const document = site.page("/news/council-budget/");
    assert.deepEqual(meta(document, "og:type"), ["article"]);
    assert.deepEqual(meta(document, "article:published_time"), ["2026-11-26T09:30:00+01:00"]);
    assert.deepEqual(meta(document, "article:modified_time"), ["2026-11-26T14:05:00+01:00"]);
    assert.deepEqual(meta(document, "article:author"), [`${BASE}/authors/ana-lima/`, `${BASE}/authors/city-desk/`]);
    assert.deepEqual(meta(document, "article:tag"), ["City Hall", "Budget"]);
    assert.deepEqual(meta(document, "og:image:alt"), ["Councillors voting in the chamber"]);
    const [width, height] = [Number(meta(document, "og:image:width")[0]), Number(meta(document, "og:image:height")[0])];
    assert.ok(Math.abs(width / height - 1200 / 630) < 0.02, `social card ${width}x${height} has the 1.91:1 shape`);
    assert.match(meta(document, "og:image")[0]!, /^https:\/\/gazette\.example\.test\/images\/derived\/.+\.jpg$/);
    assert.deepEqual(meta(site.page("/tags/"), "og:image"), [`${BASE}/images/site/social-card.png`]);
    assert.deepEqual(meta(site.page("/tags/"), "og:image:width"), ["1200"]);
  });
});

describe("browser icons", () => {
  test("the monogram is the name's first letter, after a leading article", () => {
    assert.deepEqual(["The Harbour Herald", "Le Monde", "herald", "  élan vital ", "The", ""].map(monogramOf), ["H", "M", "H", "É", "T", "N"]);
  });

  test("every page links an ICO, an SVG and a home-screen icon drawn from the site name, and each is what it says", async () => {
    for (const url of ["/", "/news/council-budget/", "/tags/", "/search/"]) {
      const links = [...site.page(url).querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]')].map((link) => `${link.getAttribute("rel")} ${link.getAttribute("href")}`);
      assert.deepEqual(links, ["icon /favicon.ico", "icon /favicon.svg", "apple-touch-icon /apple-touch-icon.png"], url);
    }
    const file = (name: string) => readFileSync(path.join(site.outputDir, name));
    // favicon.ico: an icon directory of two PNG images, 32 and 48 px, each where its entry says.
    const ico = file("favicon.ico");
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 2]);
    for (const [index, size] of [32, 48].entries()) {
      const entry = 6 + 16 * index;
      assert.deepEqual([ico.readUInt8(entry), ico.readUInt8(entry + 1)], [size, size]);
      const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      const png = await sharp(ico.subarray(offset, offset + length)).metadata();
      assert.deepEqual([png.format, png.width, png.height], ["png", size, size]);
    }
    assert.match(file("favicon.svg").toString(), /<text[^>]*>F<\/text>/); // "The Fixture Gazette": the first letter after the article
    const touch = await sharp(file("apple-touch-icon.png")).metadata();
    assert.deepEqual([touch.format, touch.width, touch.height], ["png", 180, 180]);
  });
});

