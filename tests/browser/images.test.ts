import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { copyFormatsSite } from "../fixtures/images/formats-site.ts";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(ROOT, "tests/output/screenshots");
const skip = skipReason();

const sample = useSampleSite(skip);
mkdirSync(SCREENSHOTS, { recursive: true });

/** Layout-shift entries without recent input, as Chromium reports them: their sum (CLS) and what moved, to say so when it is not 0. */
const CLS_SCRIPT = () =>
  new Promise<{ total: number; moved: string[] }>((resolve) => {
    let total = 0;
    const moved: string[] = [];
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        total += entry.value;
        for (const { node, previousRect: from, currentRect: to } of entry.sources) {
          const element = node instanceof Element ? node : node?.parentElement;
          const name = element ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}` : "(a removed node)";
          moved.push(`${name} at ${Math.round(entry.startTime)} ms: ${Math.round(from.y)},${Math.round(from.height)} -> ${Math.round(to.y)},${Math.round(to.height)}`);
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve({ total, moved }), 300);
  });

async function assertNoShift(page: { evaluate: (script: typeof CLS_SCRIPT) => Promise<{ total: number; moved: string[] }> }): Promise<void> {
  const { total, moved } = await page.evaluate(CLS_SCRIPT);
  assert.equal(total, 0, `cumulative layout shift; moved (y,height before -> after): ${moved.join("; ")}`);
}

describe("responsive hero in Chromium", { skip }, () => {
  for (const deviceScaleFactor of [1, 2]) {
    test(`at 390 px and ${deviceScaleFactor}x the hero candidate is at most about 2x its rendered width, in a modern format, and nothing shifts`, async () => {
      const context = await sample.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor });
      const page = await context.newPage();
      try {
        await page.goto(`${sample.server.origin}${sample.articleUrl}`, { waitUntil: "load" });
        const hero = await page.locator('[data-component="hero"] img').evaluate((img: HTMLImageElement) => ({
          currentSrc: img.currentSrc,
          naturalWidth: img.naturalWidth,
          renderedWidth: img.getBoundingClientRect().width,
          complete: img.complete,
        }));
        assert.ok(hero.complete && hero.naturalWidth > 0, "the hero loaded");
        assert.match(hero.currentSrc, /\/images\/derived\/[0-9a-f]{20}-\d+\.avif$/, "Chromium picks the AVIF source");
        const candidateWidth = Number(/-(\d+)\.avif$/.exec(hero.currentSrc)![1]);
        assert.ok(candidateWidth >= hero.renderedWidth * deviceScaleFactor * 0.95, `candidate ${candidateWidth}px is sharp enough for ${hero.renderedWidth}px at ${deviceScaleFactor}x`);
        assert.ok(candidateWidth <= hero.renderedWidth * 2 * deviceScaleFactor, `candidate ${candidateWidth}px for ${hero.renderedWidth}px rendered at ${deviceScaleFactor}x`);
        // Lazy body images and thumbnails load as the reader scrolls; their boxes were reserved.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 400) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 30));
          }
        });
        await page.waitForLoadState("networkidle");
        await assertNoShift(page);
        if (deviceScaleFactor === 1) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: path.join(SCREENSHOTS, "images-article-390.png"), fullPage: true });
        }
      } finally {
        await context.close();
      }
    });
  }

  test("at 1280 px the hero takes the 800 px candidate for its ~800 px column", async () => {
    const context = await sample.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${sample.server.origin}${sample.articleUrl}`, { waitUntil: "load" });
      const hero = await page.locator('[data-component="hero"] img').evaluate((img: HTMLImageElement) => ({ currentSrc: img.currentSrc, renderedWidth: img.getBoundingClientRect().width }));
      const candidateWidth = Number(/-(\d+)\.avif$/.exec(hero.currentSrc)?.[1]);
      assert.ok(candidateWidth >= hero.renderedWidth && candidateWidth <= hero.renderedWidth * 2, `candidate ${candidateWidth}px for ${hero.renderedWidth}px`);
      await assertNoShift(page);
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(SCREENSHOTS, "images-article-1280.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });
});

describe("GIF, SVG and small images in Chromium", { skip }, () => {
  let formats: StaticServer | undefined;
  before(async () => {
    if (skip) return;
    const rootDir = await copyFormatsSite({ buildable: true });
    await buildSite({ rootDir, outputDir: path.join(rootDir, "_site") });
    formats = await serveStatic(path.join(rootDir, "_site"));
  });
  after(async () => {
    await formats?.close();
  });

  /** Every image in the page's main content once loaded: its file, shown width and natural width. */
  async function shownImages(url: string, width: number) {
    const context = await sample.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${formats!.origin}${url}`, { waitUntil: "load" });
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForLoadState("networkidle");
    const images = await page.locator("main img").evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({ alt: img.alt, file: img.currentSrc.split("/").pop()!, shown: img.getBoundingClientRect().width, intrinsic: Number(img.getAttribute("width")), loaded: img.complete && img.naturalWidth > 0 })),
    );
    return { images, page, close: () => context.close() };
  }

  test("at 1280 px a 500 px hero and a 300 px body image are shown at their own width, never stretched", async () => {
    for (const [url, alt, width] of [["/news/narrow-hero/", "A narrow photo", 500], ["/news/small-hero/", "A small photo", 600], ["/news/chart-story/", "The party's logo", 300]] as const) {
      const { images, page, close } = await shownImages(url, 1280);
      try {
        const image = images.find((img) => img.alt === alt)!;
        assert.ok(image.loaded, `${alt} loaded`);
        assert.equal(image.intrinsic, width);
        assert.ok(image.shown <= width, `${alt} is ${image.shown} px wide on the page, its own width is ${width} px`);
        assert.ok(image.shown >= width - 1, `${alt} is shown at its own width (${image.shown} px), not shrunk`);
        if (url === "/news/narrow-hero/") await page.screenshot({ path: path.join(SCREENSHOTS, "images-narrow-hero-1280.png"), fullPage: true });
      } finally {
        await close();
      }
    }
  });

  test("the animated GIF hero is shown as animated WebP and moves; the SVG charts are shown", async () => {
    for (const width of [390, 1280]) {
      const animated = await shownImages("/news/animated-demo/", width);
      try {
        const hero = animated.images[0]!;
        assert.ok(hero.loaded, "the animated hero loaded");
        assert.match(hero.file, /^[0-9a-f]{20}-\d+\.webp$/, "Chromium takes the animated WebP");
        const heroElement = animated.page.locator('[data-component="hero"] img');
        // Frames change every 120 ms; a loaded machine may take a while between screenshots, so look several times.
        const first = await heroElement.screenshot();
        let changed = false;
        for (let attempt = 0; attempt < 8 && !changed; attempt++) {
          await animated.page.waitForTimeout(150);
          changed = !(await heroElement.screenshot()).equals(first);
        }
        assert.ok(changed, "the picture changed: it is animated");
        await animated.page.screenshot({ path: path.join(SCREENSHOTS, `images-animated-${width}.png`) });
      } finally {
        await animated.close();
      }
      const charts = await shownImages("/news/chart-story/", width);
      try {
        const svgs = charts.images.filter((img) => img.file.endsWith(".svg"));
        assert.equal(svgs.length, 3, "the hero chart, the same chart in the body and the reader's chart");
        for (const svg of svgs) assert.ok(svg.loaded, `${svg.alt} is shown`);
        await charts.page.screenshot({ path: path.join(SCREENSHOTS, `images-charts-${width}.png`), fullPage: true });
      } finally {
        await charts.close();
      }
    }
  });
});
