import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { buildSite, unwrapContentError } from "../../src/site-builder/build-site.ts";
import { loadContent } from "../../src/assembly/load-content.ts";
import { SITE_CARD } from "../../src/discovery/brand-images.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { matchingRules, SVG_CONTENT_SECURITY_POLICY } from "../../src/feeds/headers.ts";
import { sanitizeSvg } from "../../src/images/svg-sanitizer.ts";
import { copyFormatsSite } from "../fixtures/images/formats-site.ts";

const BASE = "https://formats.example.test";
const SOFT_HERO = "so on large screens it is shown narrower than the column (use a photo at least 672 px wide; 1344 px stays sharp on high-density screens too) [images/hero-low-resolution]";

const attributesOf = (elements: Iterable<Element>, name: string) => [...elements].map((element) => element.getAttribute(name));
const meta = (document: Document, property: string) => document.querySelector(`meta[property="${property}"]`)?.getAttribute("content");

describe("GIF, SVG and PNG sources in a built site", () => {
  let rootDir: string;
  let outputDir: string;
  const page = (url: string) => parseHTML(readFileSync(path.join(outputDir, url, "index.html"), "utf8")).document as unknown as Document;
  const file = (url: string) => path.join(outputDir, url);
  before(async () => {
    rootDir = await copyFormatsSite({ buildable: true });
    outputDir = path.join(rootDir, "_site");
    await buildSite({ rootDir, outputDir });
  });

  test("an animated GIF hero stays animated: WebP sources with every frame, a GIF <img>, no AVIF", async () => {
    const picture = page("news/animated-demo").querySelector('[data-component="hero"] picture')!;
    assert.deepEqual(attributesOf(picture.querySelectorAll("source"), "type"), ["image/webp"]);
    const img = picture.querySelector("img")!;
    assert.match(img.getAttribute("src")!, /^\/images\/derived\/[0-9a-f]{20}-800\.gif$/);
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["960", "540"]);
    const candidates = picture.querySelector("source")!.getAttribute("srcset")!.split(", ").map((entry) => entry.split(" ")[0]!);
    assert.equal(candidates.length, 3);
    for (const url of [...candidates, img.getAttribute("src")!]) {
      const metadata = await sharp(file(url), { animated: true }).metadata();
      assert.equal(metadata.pages, 4, `${url} keeps the 4 frames`);
      assert.deepEqual(metadata.delay, [150, 150, 150, 150], `${url} keeps the timing`);
    }
  });

  test("an animated hero's card thumbnail and social card are stills in the usual formats", async () => {
    const card = page("tags/graphics").querySelector('[data-component="article-card"] a[href="/news/animated-demo/"]')!.closest('[data-component="article-card"]')!;
    assert.deepEqual(attributesOf(card.querySelectorAll("source"), "type"), ["image/avif", "image/webp"]);
    const social = new URL(meta(page("news/animated-demo"), "og:image")!).pathname;
    const metadata = await sharp(file(social)).metadata();
    assert.deepEqual([metadata.format, metadata.pages, metadata.width, metadata.height], ["jpeg", undefined, 960, 504]);
  });

  test("an SVG hero is one sanitised file shown with <img> at its own size; its social card and crops are JPEGs", async () => {
    const document = page("news/chart-story");
    const picture = document.querySelector('[data-component="hero"] picture')!;
    assert.equal(picture.querySelectorAll("source").length, 0);
    const img = picture.querySelector("img")!;
    assert.match(img.getAttribute("src")!, /^\/images\/svg\/[0-9a-f]{20}\.svg$/);
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height"), img.getAttribute("srcset")], ["640", "360", null]);
    assert.equal(document.querySelector("main svg"), null, "never inlined");
    const chart = readFileSync(path.join(rootDir, "content/images/turnout-chart.svg"), "utf8");
    const expected = sanitizeSvg(chart);
    assert.ok(expected.ok);
    assert.equal(readFileSync(file(img.getAttribute("src")!), "utf8"), expected.svg);
    for (const kept of ["<linearGradient", "<polyline", ">Harbour</text>", 'fill="url(#bar-fill)"', ".label { font: 14px sans-serif"]) assert.ok(expected.svg.includes(kept), kept);
    const social = new URL(meta(document, "og:image")!).pathname;
    assert.deepEqual(await sharp(file(social)).metadata().then((m) => [m.format, m.width, m.height]), ["jpeg", 1200, 630]);
    const [article] = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
    const crops = article.image.map((image: { url: string; width: number; height: number }) => `${image.width}x${image.height}`);
    assert.deepEqual(crops, ["1200x675", "1200x900", "1200x1200"]);
  });

  test("a hostile SVG in a body is published without scripts, handlers, HTML or references to other files", () => {
    const images = [...page("news/chart-story").querySelectorAll('[data-component="article-body"] img')];
    const hostile = images.find((img) => img.getAttribute("alt") === "A reader's chart of votes by ward")!;
    const published = readFileSync(file(hostile.getAttribute("src")!), "utf8");
    for (const pattern of [/<script/i, /\son\w+=/i, /foreignObject/i, /<div|<iframe/i, /javascript:/i, /evil\.example/, /@import/, /<set/]) {
      assert.doesNotMatch(published, pattern);
    }
    assert.match(published, /<text x="10" y="30">Votes by ward<\/text>/);
  });

  test("_headers serves every SVG with a Content-Security-Policy that lets nothing run or load", () => {
    const headers = readFileSync(file("_headers"), "utf8");
    assert.ok(headers.includes(`/images/svg/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: ${SVG_CONTENT_SECURITY_POLICY}\n`));
    const svgs = readdirSync(file("images/svg"));
    assert.equal(svgs.length, 2);
    for (const name of svgs) assert.deepEqual(matchingRules(`/images/svg/${name}`).map((rule) => rule.contentSecurityPolicy), [SVG_CONTENT_SECURITY_POLICY]);
  });

  test("a still GIF is published like a PNG: AVIF, WebP and JPEG of one frame", async () => {
    const picture = [...page("news/chart-story").querySelectorAll('[data-component="article-body"] picture')].find((p) => p.querySelector('img[alt="Map of the wards"]'))!;
    assert.deepEqual(attributesOf(picture.querySelectorAll("source"), "type"), ["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    assert.match(img.getAttribute("src")!, /-600\.jpg$/);
    assert.equal((await sharp(file(img.getAttribute("src")!)).metadata()).pages, undefined);
  });

  test("a PNG keeps its transparency in AVIF and WebP, and is white where it was transparent in JPEG", async () => {
    const picture = [...page("news/chart-story").querySelectorAll('[data-component="article-body"] picture')].find((p) => p.querySelector('img[alt="The party\'s logo"]'))!;
    const urls = [...attributesOf(picture.querySelectorAll("source"), "srcset"), picture.querySelector("img")!.getAttribute("src")].map((value) => value!.split(" ")[0]!);
    const corner = async (url: string) => {
      const { data } = await sharp(file(url)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 4)];
    };
    assert.deepEqual(urls.map((url) => url.split(".").pop()), ["avif", "webp", "jpg"]);
    assert.equal((await corner(urls[0]!))[3], 0, "AVIF is transparent at the corner");
    assert.equal((await corner(urls[1]!))[3], 0, "WebP is transparent at the corner");
    assert.deepEqual(await corner(urls[2]!), [255, 255, 255, 255], "JPEG is white at the corner");
  });

  test("a hero too small for Facebook's and X's cards gives way to the site's card; a large enough one does not", () => {
    assert.equal(meta(page("news/square-hero"), "og:image"), `${BASE}${SITE_CARD.url}`);
    assert.match(meta(page("news/small-hero"), "og:image")!, /^https:\/\/formats\.example\.test\/images\/derived\/[0-9a-f]{20}-600x315\.jpg$/);
  });
});

describe("heroes too small to publish", () => {
  test("a 1x1 and a 150 px hero fail the build at hero.src and nothing is written; heroes narrower than the page are warnings", async () => {
    const rootDir = await copyFormatsSite({ buildable: false });
    const parent = path.join(rootDir, "out");
    mkdirSync(parent);
    let failure: unknown;
    try {
      await buildSite({ rootDir, outputDir: path.join(parent, "site") });
    } catch (error) {
      failure = error;
    }
    const error = unwrapContentError(failure);
    assert.ok(error, `expected a content error, got ${String(failure)}`);
    assert.deepEqual(sortDiagnostics(error.diagnostics).filter((d) => d.ruleId.startsWith("images/hero")).map(formatDiagnostic), [
      `content/articles/narrow-hero.md:8:8 warning: hero is 500 px wide; the page shows heroes up to 672 px wide, ${SOFT_HERO}`,
      `content/articles/small-hero.md:8:8 warning: hero is 600 px wide; the page shows heroes up to 672 px wide, ${SOFT_HERO}`,
      `content/articles/square-hero.md:8:8 warning: hero is 320 px wide; the page shows heroes up to 672 px wide, ${SOFT_HERO}`,
      "content/articles/thumbnail-hero.md:7:8 error: hero is 150x100 px; a hero must be at least 200 px wide and 100 px tall (use a larger photo, put a small picture in the body instead, or leave hero: out for a text-only brief) [images/hero-too-small]",
      "content/articles/tiny-hero.md:7:8 error: hero is 1x1 px: a tracking pixel or a placeholder, not a picture (use the real photo, or leave hero: out for a text-only brief) [images/hero-too-small]",
    ]);
    assert.deepEqual(readdirSync(parent), [], "nothing was written: no output, no staging folder");
  });

  test("npm run check reports what sanitising an SVG removed, at the image in the body", async () => {
    const rootDir = await copyFormatsSite({ buildable: true });
    const { diagnostics } = await loadContent({ rootDir, checkOnly: true });
    const sanitized = diagnostics.filter((d) => d.ruleId === "images/svg-sanitized");
    assert.deepEqual(sanitized.map((d) => [d.file, d.line, d.column, d.severity]), [["content/articles/chart-story.md", 18, 1, "warning"]]);
    assert.match(sanitized[0]!.message, /^"\.\.\/images\/hostile\.svg": removed what a published picture may not contain: stylesheet from another file, onload handler, <script> \(2\), /);
    assert.equal(existsSync(path.join(rootDir, "_site")), false);
  });
});
