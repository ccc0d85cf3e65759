import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import Parser from "rss-parser";
import { buildSite, unwrapContentError } from "../../src/site-builder/build-site.ts";
import { checkSite } from "../../src/check/check-site.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { feedparserSkipReason, readWithFeedparser } from "../unit/feeds/feedparser.ts";
import { hasLiveMarkup, textOfHtml } from "../unit/feeds/html-reading.ts";
import { buildFixture, FIXTURE_SITES, htmlPages, siteFiles, texts, type BuiltSite } from "./build-fixture.ts";
import { SCHEMAS, validateXml, xmllintSkipReason } from "./xmllint.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/** The payloads of tests/fixtures/sites/hostile, as the editor wrote them: each must reach readers as these very characters. */
const TITLE = `<script>alert('title')</script> "Quoted" & 'single' </title><img src=x onerror=alert('t2')>`;
const DEK = "Dek </p><script>alert('dek')</script> {{ 7*7 }}";
const AUTHOR = "Mallory <img src=x onerror=alert('author')>";
const TAG = "Security <img src=x onerror=alert('tag')>";
const ALT = `Alt"><script>alert('alt')</script>`;
const SITE_NAME = 'The <script>alert("name")</script> "Hostile" Times';
const DANGEROUS_URL = /^\s*(javascript|data|vbscript):/i;

let site: BuiltSite;
before(async () => {
  site = await buildFixture("hostile", { now: new Date("2026-11-27T09:00:00Z") });
});

describe("hostile input: what a contributor writes never becomes markup, #19", () => {
  test("no page holds a script, event handler, frame, form or dangerous URL that the site did not put there itself", () => {
    const found: string[] = [];
    const pages = htmlPages(site.outputDir).map((page) => `/${page}`);
    assert.ok(pages.length >= 10);
    for (const page of pages) {
      const document = site.page(page);
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of [...element.attributes]) {
          if (/^on/i.test(attribute.name)) found.push(`${page}: <${element.tagName.toLowerCase()} ${attribute.name}>`);
          if (attribute.name === "style" && element.closest('[data-component="article-body"]')) found.push(`${page}: style in a body`);
          if (["href", "src", "action", "formaction", "srcset", "poster", "data"].includes(attribute.name) && DANGEROUS_URL.test(attribute.value)) {
            found.push(`${page}: ${attribute.name}="${attribute.value}"`);
          }
        }
      }
      for (const tag of ["iframe", "object", "embed", "svg", "style", "form:not([data-newsletter]):not([role=search])", "base", "meta[http-equiv]", "input:not([type=email]):not([type=search])"]) {
        if (document.querySelector(tag)) found.push(`${page}: <${tag}>`);
      }
      for (const script of document.querySelectorAll("script")) {
        const type = script.getAttribute("type");
        const src = script.getAttribute("src") ?? "";
        const ours = type === "application/ld+json" || /^\/(js|pagefind)\/[\w.-]+\.js$/.test(src);
        if (!ours) found.push(`${page}: <script ${type ?? ""} ${src}> ${script.textContent?.slice(0, 40)}`);
      }
    }
    assert.deepEqual(found, []);
  });

  test("titles, deks, names, labels, alt texts, captions, credits, corrections and settings are shown as the text written", () => {
    const article = site.page("/news/hostile-story/");
    assert.equal(texts(article, "h1")[0], TITLE);
    assert.equal(texts(article, '[data-component="dek"]')[0], DEK);
    assert.equal(article.querySelector('[data-component="hero"] img')!.getAttribute("alt"), ALT);
    assert.match(texts(article, '[data-component="hero"] figcaption')[0]!, /^Caption <img src=x onerror=alert\('caption'\)> Credit' onmouseover='alert\(1\)$/);
    assert.equal(texts(article, ".byline__author")[0], AUTHOR);
    assert.ok(texts(article, '[data-component="tags"] a').includes(TAG));
    assert.ok(texts(article, '[data-component="tags"] a').includes("<img src=x onerror=alert('tag')>"), "a tag written as markup is a tag of that name");
    assert.match(texts(article, '[data-component="corrections"]')[0]!, /Correction <img src=x onerror=alert\('correction'\)>/);
    assert.match(texts(article, '[data-component="audio"]')[0]!, /Disclosure <script>alert\('disclosure'\)<\/script>/);
    assert.ok(texts(article, '[data-component="related"] a').some((text) => text.includes(`External "><script>alert('related-title')</script>`)));
    assert.equal(texts(article, ".masthead__name")[0], SITE_NAME);
    assert.ok(texts(article, ".sections__list a").includes("Nav <img src=x onerror=alert('nav')>"));
    assert.ok(texts(article, ".site-footer a").includes("Footer <img src=x onerror=alert('footer')>"));
    assert.equal(article.querySelector("title")!.textContent, `${TITLE} | ${SITE_NAME}`);
    const card = site.page("/news/second-story/").querySelector('[data-component="related-card"]')!;
    assert.match(card.textContent!, /<script>alert\('title'\)<\/script>/);
    const page = site.page("/about/");
    assert.equal(texts(page, "h1")[0], "About <script>alert('page-title')</script> us");
    assert.equal(site.page("/authors/mallory/").querySelector("h1")!.textContent, AUTHOR);
  });

  test("raw HTML in bodies keeps its text and loses its scripts, handlers, styles, frames and forms", () => {
    const body = site.page("/news/hostile-story/").querySelector('[data-component="article-body"]')!;
    const text = body.textContent!.replace(/\s+/g, " ");
    for (const kept of ["Covering div", "Cell", "bold", "Heading <img src=x onerror=alert('heading')>", "link with a payload text <img src=x onerror=alert('link-text')>", "Footnote <img src=x onerror=alert('footnote')> text."]) {
      assert.ok(text.includes(kept), `"${kept}" in ${text}`);
    }
    assert.doesNotMatch(text, /body-script|svg-script|comment/);
    assert.equal(body.querySelector('a[href="https://evil.example.test/frame"]')!.textContent, "Embedded content from evil.example.test");
    assert.match(body.querySelector("pre code")!.textContent!, /<script>alert\('code-block'\)<\/script>/, "code is shown as code");
  });

  test("template syntax in article text is shown literally, never evaluated", () => {
    const body = texts(site.page("/news/hostile-story/"), '[data-component="article-body"]')[0]!;
    assert.match(body, /Template syntax: \{\{ constructor\.constructor\('alert\(1\)'\)\(\) \}\} and \{% raw %\}\{% endraw %\} and \$\{alert\('tpl'\)\}/);
    assert.match(texts(site.page("/"), ".masthead__tagline")[0]!, /\{\{ site\.name \}\} \{% raw %\}/);
  });

  test("structured data parses and carries the same words", () => {
    for (const page of htmlPages(site.outputDir)) {
      for (const script of site.page(`/${page}`).querySelectorAll('script[type="application/ld+json"]')) {
        assert.doesNotThrow(() => JSON.parse(script.textContent!), page);
        assert.doesNotMatch(script.textContent!, /<\/script|<!--/i, page);
      }
    }
    const [newsArticle] = [...site.page("/news/hostile-story/").querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
    assert.equal(newsArticle.headline, TITLE);
    assert.equal(newsArticle.description, DEK);
    assert.equal(newsArticle.author[0].name, AUTHOR);
    assert.equal(newsArticle.publisher.name, SITE_NAME);
  });

  test("every feed format gives the words back as text, to rss-parser and the JSON reader", async () => {
    const parser = new Parser<Record<string, unknown>, Record<string, any>>({ customFields: { item: [["content:encoded", "body"]] } });
    for (const feed of ["/feed.xml", "/tags/security/feed.xml"]) {
      const entry = (await parser.parseString(site.html(feed))).items.find((item) => item.link?.endsWith("/news/hostile-story/"))!;
      // RSS descriptions are HTML by the spec: no markup in it, and its text is the dek.
      assert.equal(hasLiveMarkup(entry.content!), false, `${feed}: ${entry.content}`);
      assert.equal(textOfHtml(entry.content!), DEK, feed);
    }
    for (const feed of ["/atom.xml", "/authors/mallory/atom.xml"]) {
      const entry = (await parser.parseString(site.html(feed))).items.find((item) => item.link?.endsWith("/news/hostile-story/"))!;
      assert.equal(entry.title, TITLE, feed);
      assert.equal(entry.summary, DEK, feed);
    }
    // The full body in the site's feeds is the sanitised body: no script or handler came through it.
    const body = (await parser.parseString(site.html("/feed.xml"))).items.find((item) => item.link?.endsWith("/news/hostile-story/"))!.body as string;
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    assert.equal(document.querySelector("script, iframe, svg, style, form, object, embed"), null);
    for (const element of document.querySelectorAll("*")) for (const name of element.getAttributeNames()) assert.ok(!/^on/i.test(name), `<${element.localName} ${name}>`);
    const json = JSON.parse(site.html("/feed.json"));
    const item = json.items.find((entry: { url: string }) => entry.url.endsWith("/news/hostile-story/"));
    assert.equal(item.title, TITLE);
    assert.equal(item.summary, DEK);
    assert.equal(item.authors[0].name, AUTHOR);
    assert.ok(item.tags.includes(TAG));
  });

  test("feedparser shows the title, dek, author and tag as the characters written, with no live markup", { skip: feedparserSkipReason() }, () => {
    const dir = temporaryFolder("hostile-feeds-");
    const files = ["feed.xml", "atom.xml"].map((name) => {
      const file = path.join(dir, name);
      writeFileSync(file, site.html(`/${name}`));
      return file;
    });
    const feeds = readWithFeedparser(files);
    for (const file of files) {
      const entry = feeds[file]!.entries!.find((candidate) => candidate.title?.shown.startsWith("<script>alert('title')"))!;
      assert.ok(entry, `${file}: the story`);
      assert.equal(entry.title!.shown, TITLE, file);
      assert.equal(entry.title!.has_live_markup, false, file);
      assert.equal(entry.summary!.shown, DEK, file);
      assert.equal(entry.summary!.has_live_markup, false, file);
      assert.equal(entry.authors[0]!.shown, AUTHOR, file);
      assert.ok(entry.tags.some((tag) => tag.label === TAG || tag.term === TAG), `${file}: ${JSON.stringify(entry.tags)}`);
    }
  });

  test("the sitemaps are valid and carry the headline as text", { skip: xmllintSkipReason() }, () => {
    validateXml(path.join(site.outputDir, "sitemap.xml"), path.join(SCHEMAS, "urlset-driver.xsd"));
    validateXml(path.join(site.outputDir, "news-sitemap.xml"), path.join(SCHEMAS, "urlset-driver.xsd"));
    const news = site.html("/news-sitemap.xml");
    assert.ok(news.includes("<news:title>&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt; &quot;Quoted&quot; &amp; &apos;single&apos; &lt;/title&gt;&lt;img src=x onerror=alert(&apos;t2&apos;)&gt;</news:title>"), news);
  });

  test("every element and attribute the sanitiser removed is reported where it was written", async () => {
    const { diagnostics } = await checkSite({ rootDir: path.join(FIXTURE_SITES, "hostile"), checkOnly: true });
    const removals = sortDiagnostics(diagnostics.filter((d) => d.ruleId.startsWith("html/"))).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message.split(":")[0]}`);
    assert.deepEqual(removals, [
      "content/articles/hostile-story.md:26:13 html/removed-script removed <script>",
      "content/articles/hostile-story.md:28:16 html/removed-script removed the onerror attribute of <img> (2 times)",
      "content/articles/hostile-story.md:28:110 html/removed-script removed the onclick attribute of <b>",
      "content/articles/hostile-story.md:30:1 html/iframe-not-trusted an <iframe> from evil.example.test is shown as a link, not embedded",
      "content/articles/hostile-story.md:32:1 html/removed-element removed <svg>",
      "content/articles/hostile-story.md:34:1 html/removed-element removed <form> (its text is kept)",
      "content/articles/hostile-story.md:34:48 html/removed-element removed <input>",
      "content/articles/hostile-story.md:34:71 html/removed-element removed <button>",
      "content/articles/hostile-story.md:36:1 html/removed-element removed <object>",
      "content/articles/hostile-story.md:36:58 html/removed-style removed <style>",
      "content/articles/hostile-story.md:40:1 html/removed-script removed the onmouseover attribute of <div>",
      "content/articles/hostile-story.md:40:1 html/removed-style removed the style attribute of <div>",
      "content/articles/hostile-story.md:42:1 html/removed-script removed the onclick attribute of <table>",
      "content/authors/mallory.md:5:10 html/removed-script removed <script>",
      "content/authors/mallory.md:5:41 html/removed-script removed the onclick attribute of <b>",
      "content/authors/mallory.md:5:86 html/iframe-not-trusted an <iframe> from evil.example.test is shown as a link, not embedded",
      "content/pages/about.md:5:11 html/removed-style removed <style>",
      "content/pages/about.md:5:50 html/removed-script removed the onerror attribute of <img>",
      "content/pages/about.md:5:127 html/removed-script removed the onclick attribute of <a>",
    ]);
  });
});

describe("script URLs and other sites' images, #19", () => {
  test("are errors at their place, in every form they take, and nothing is written", async () => {
    const parent = temporaryFolder("newsroom-hostile-urls-");
    const outputDir = path.join(parent, "site");
    let error: unknown;
    try {
      await buildSite({ rootDir: path.join(FIXTURE_SITES, "hostile-urls"), outputDir });
    } catch (caught) {
      error = caught;
    }
    const content = unwrapContentError(error);
    assert.ok(content, `expected a content error, got ${String(error)}`);
    const lines = sortDiagnostics(content.diagnostics).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    assert.deepEqual(lines, [
      "content/articles/dangerous-links.md:8:10 frontmatter/invalid-value",
      "content/articles/dangerous-links.md:10:1 links/dangerous-url",
      "content/articles/dangerous-links.md:10:48 links/dangerous-url",
      "content/articles/dangerous-links.md:10:120 links/dangerous-url",
      "content/articles/dangerous-links.md:10:164 links/dangerous-url",
      "content/articles/dangerous-links.md:10:195 links/dangerous-url",
      "content/articles/dangerous-links.md:12:1 links/dangerous-url",
      "content/articles/dangerous-links.md:12:35 images/remote",
      "content/articles/dangerous-links.md:12:84 links/dangerous-url",
      "content/articles/dangerous-links.md:16:1 links/dangerous-url",
      "content/articles/dangerous-links.md:16:53 links/dangerous-url",
      "content/articles/dangerous-links.md:18:1 html/removed-script",
      "content/articles/dangerous-links.md:18:1 images/image-not-found",
      "content/articles/dangerous-links.md:18:1 images/missing-alt",
      "content/articles/dangerous-links.md:18:30 links/dangerous-url",
      "content/articles/dangerous-links.md:20:1 links/dangerous-url",
      "content/articles/dangerous-links.md:20:52 links/dangerous-url",
      "content/articles/dangerous-links.md:22:1 links/dangerous-url",
      "content/authors/mallory.md:4:5 links/dangerous-url",
      "content/site.yaml:8:8 frontmatter/invalid-value",
      "content/site.yaml:13:13 frontmatter/invalid-value",
    ]);
    assert.equal(formatDiagnostic(sortDiagnostics(content.diagnostics)[3]!), `content/articles/dangerous-links.md:10:120 error: "jav\\tascript:alert('obf')" is never published: a javascript: link runs code in the reader's browser (link to an https:// address) [links/dangerous-url]`);
    assert.equal(existsSync(outputDir), false, "nothing was written");
  });

  test("the built site of the hostile fixture has no file outside what the build writes", () => {
    assert.ok(siteFiles(site.outputDir).every((file) => !/\.(php|exe|sh)$/.test(file)));
  });
});
