import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildFixture, htmlPages, texts, type BuiltSite } from "./build-fixture.ts";

let site: BuiltSite;
before(async () => {
  site = await buildFixture("hostile");
});

const DANGEROUS_URL = /^\s*(javascript|data|vbscript):/i;

describe("hostile input", () => {
  test("no page holds a script, event handler, frame or dangerous URL that the site did not put there itself", () => {
    const found: string[] = [];
    const pages = htmlPages(site.outputDir).map((page) => `/${page}`);
    assert.ok(pages.length >= 10);
    for (const page of pages) {
      const document = site.page(page);
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of [...element.attributes]) {
          if (/^on/i.test(attribute.name)) found.push(`${page}: <${element.tagName.toLowerCase()} ${attribute.name}>`);
          if (["href", "src", "action", "formaction", "srcset", "poster", "data"].includes(attribute.name) && DANGEROUS_URL.test(attribute.value)) {
            found.push(`${page}: ${attribute.name}="${attribute.value}"`);
          }
        }
      }
      for (const tag of ["iframe", "object", "embed", "svg", "form:not([data-newsletter]):not([role=search])", "base", "meta[http-equiv]"]) {
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

  test("HTML and quotes in titles, alt texts, captions, names and settings are shown as text", () => {
    const article = site.page("/news/hostile-story/");
    assert.equal(texts(article, "h1")[0], `<script>alert('title')</script> "Quoted" & 'single' </title><img src=x onerror=alert('t2')>`);
    assert.equal(article.querySelector('[data-component="hero"] img')!.getAttribute("alt"), `Alt"><script>alert('alt')</script>`);
    assert.match(texts(article, '[data-component="hero"] figcaption')[0]!, /^Caption <img src=x onerror=alert\('caption'\)> Credit' onmouseover='alert\(1\)$/);
    assert.equal(texts(article, ".byline__author")[0], "Mallory <img src=x onerror=alert('author')>");
    assert.equal(texts(article, ".masthead__name")[0], 'The <script>alert("name")</script> "Hostile" Times');
    assert.equal(article.querySelector("title")!.textContent, `<script>alert('title')</script> "Quoted" & 'single' </title><img src=x onerror=alert('t2')> | The <script>alert("name")</script> "Hostile" Times`);
    const card = site.page("/news/second-story/").querySelector('[data-component="related-card"]')!;
    assert.match(card.textContent!, /<script>alert\('title'\)<\/script>/);
  });

  test("template syntax in article text is shown literally, never evaluated", () => {
    const body = texts(site.page("/news/hostile-story/"), '[data-component="article-body"]')[0]!;
    assert.match(body, /Template syntax: \{\{ constructor\.constructor\('alert\(1\)'\)\(\) \}\} and \{% raw %\}\{% endraw %\} and \$\{alert\('tpl'\)\}/);
    assert.equal(texts(site.page("/news/hostile-story/"), '[data-component="dek"]')[0], "Dek </p><script>alert('dek')</script> {{ 7*7 }}");
    assert.match(texts(site.page("/"), ".masthead__tagline")[0]!, /\{\{ site\.name \}\} \{% raw %\}/);
  });

  test("links with dangerous schemes keep their text but lose their target", () => {
    const links = [...site.page("/news/hostile-story/").querySelectorAll('[data-component="article-body"] a')].map((a) => [a.textContent, a.getAttribute("href")]);
    for (const text of ["javascript link", "data link", "obfuscated", "vbscript", "reference link"]) {
      const link = links.find(([label]) => label === text);
      assert.ok(link, `${text} is still there as text`);
      assert.equal(link[1], null, `${text} has no href`);
    }
  });
});
