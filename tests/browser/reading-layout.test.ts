import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { skipReason } from "./chromium.ts";
import { useSampleSite } from "./sample-session.ts";

const skip = skipReason();
const sample = useSampleSite(skip);
/** Every published article of the sample site, from the news feed's first page. */
let known: string[] | undefined;
async function sampleArticles(): Promise<string[]> {
  if (!known) {
    const page = await sample.browser.newPage();
    await page.goto(`${sample.server.origin}/news-feed/`);
    known = await page.locator('[data-component="feed-item"] h3 a').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    await page.close();
  }
  return known;
}

async function open(width: number, height = 900, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await sample.browser.newContext({ viewport: { width, height }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  return {
    page,
    /** `networkidle` waits for the news column's refresh as well. */
    goto: (url: string, waitUntil: "load" | "networkidle" = "load") => page.goto(`${sample.server.origin}${url}`, { waitUntil }),
    close: () => context.close(),
  };
}

/** The darkest pixel of a region of the page, as luminance 0 (black) to 255 (white). */
async function darkest(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let min = 255;
  for (let at = 0; at < info.width * info.height * 3; at += 3) min = Math.min(min, 0.2126 * data[at]! + 0.7152 * data[at + 1]! + 0.0722 * data[at + 2]!);
  return min;
}

describe("the lists around an article in Chromium", { skip }, () => {
  test("at 390 px no story appears twice below the article body, nor the article itself, and More news is as full as the stories before it allow", async () => {
    const { page, goto, close } = await open(390);
    try {
      const problems: string[] = [];
      for (const url of await sampleArticles()) {
        await goto(url, "networkidle");
        const lists = await page.evaluate(() => {
          const hrefs = (selector: string) => [...document.querySelectorAll(selector)].map((link) => link.getAttribute("href") ?? "").filter((href) => href.startsWith("/news/"));
          return {
            Related: hrefs('[data-component="related"] li > a'),
            "More news": hrefs('[data-component="more-news"] .card__title a'),
            "Editors' picks": hrefs('[data-component="editors-picks"] .card__title a'),
            "News feed": hrefs('[data-component="news-feed-column"] li a'),
          };
        });
        const seen = new Map<string, string>([[url, "the page itself"]]);
        for (const [list, hrefs] of Object.entries(lists)) {
          for (const href of hrefs) {
            if (seen.has(href)) problems.push(`${url}: ${href} in ${list} and in ${seen.get(href)}`);
            else seen.set(href, list);
          }
        }
        // The lists draw on the stories published before the page's own (later in the newest-first feed), less those under Related.
        const all = await sampleArticles();
        const earlier = all.slice(all.indexOf(url) + 1).filter((href) => !lists.Related.includes(href));
        if (lists["More news"].length !== Math.min(4, earlier.length)) problems.push(`${url}: More news shows ${lists["More news"].length} stories of ${earlier.length} earlier ones`);
        // (Related keeps the editor's choices, newer or not; the refreshed news column brings the latest.)
        for (const href of [...lists["More news"], ...lists["Editors' picks"]]) {
          if (all.indexOf(href) < all.indexOf(url)) problems.push(`${url}: lists ${href}, published after it`);
        }
      }
      assert.ok((await sampleArticles()).length > 5, "the sample site's articles were found");
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});

describe("the article page at 1280 px in Chromium", { skip }, () => {
  test("the hero and the body share one column: same left edge, no gap beside the body", async () => {
    const { page, goto, close } = await open(1280);
    try {
      const problems: string[] = [];
      for (const url of await sampleArticles()) {
        await goto(url);
        const boxes = await page.evaluate(() => {
          const image = document.querySelector<HTMLImageElement>('[data-component="hero"] img');
          const hero = image?.getBoundingClientRect();
          const paragraphs = [...document.querySelectorAll('[data-component="article-body"] > p')].map((p) => p.getBoundingClientRect());
          return hero ? { hero: { left: hero.left, right: hero.right }, intrinsicWidth: Number(image!.getAttribute("width")), body: { left: Math.min(...paragraphs.map((p) => p.left)), right: Math.max(...paragraphs.map((p) => p.right)) } } : undefined;
        });
        if (!boxes) continue;
        const { hero, body, intrinsicWidth } = boxes;
        if (Math.abs(hero.left - body.left) > 2) problems.push(`${url}: hero starts at ${hero.left}, body at ${body.left}`);
        // A photo smaller than the column is shown at its own size (the check warns about it), never stretched.
        if (intrinsicWidth < 560) {
          if (Math.abs(hero.right - hero.left - intrinsicWidth) > 1) problems.push(`${url}: a ${intrinsicWidth} px hero is shown ${Math.round(hero.right - hero.left)} px wide`);
          continue;
        }
        if (hero.right - body.right > 24) problems.push(`${url}: ${Math.round(hero.right - body.right)} px empty beside the body under the ${Math.round(hero.right - hero.left)} px hero`);
        if (hero.right - hero.left < 560) problems.push(`${url}: the hero is only ${Math.round(hero.right - hero.left)} px wide`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test("neither the article column nor the side column is empty for a whole screen while scrolling", async () => {
    const { page, goto, close } = await open(1280, 900);
    try {
      const problems: string[] = [];
      for (const url of await sampleArticles()) {
        await goto(url);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < height; y += 300) {
          const empty = await page.evaluate((y) => {
            window.scrollTo(0, y);
            const screen = window.innerHeight;
            const content = "h1, h2, h3, p, li, img, figure, blockquote, table, time, a, audio, input, button";
            return [".layout-article__main", ".layout-article__side"].flatMap((selector) => {
              const column = document.querySelector(selector);
              if (!column) return [];
              const box = column.getBoundingClientRect();
              if (box.top > 0 || box.bottom < screen) return []; // not a whole screen of this column
              const shown = [...column.querySelectorAll(content)].some((element) =>
                [...element.getClientRects()].some((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < screen),
              );
              return shown ? [] : [selector];
            });
          }, y);
          for (const selector of empty) problems.push(`${url}: ${selector} shows nothing on the screen scrolled to ${y} px`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test("photo credits appear as the editor wrote them, not in capitals", async () => {
    const { page, goto, close } = await open(1280);
    try {
      const credits: { shown: string; written: string }[] = [];
      for (const url of await sampleArticles()) {
        await goto(url);
        const credit = page.locator(".hero__credit");
        if ((await credit.count()) === 0) continue;
        credits.push({ shown: await credit.innerText(), written: ((await credit.textContent()) ?? "").trim() });
      }
      assert.ok(credits.length > 0, "some hero has a credit");
      for (const { shown, written } of credits) assert.equal(shown, written);
    } finally {
      await close();
    }
  });
});

/**
 * Where each line of `root` starts and ends: the visible characters
 * (measured with Ranges) and separators drawn by CSS (measured at their
 * element's edge), grouped into lines by their vertical centre. Characters
 * outside a clipping ancestor are not visible.
 */
function lineEnds(root: Element): { first: string; last: string; text: string }[] {
  const SEPARATOR = /[·•|]/;
  type Token = { char: string; left: number; y: number };
  const tokens: Token[] = [];
  const isVisible = (element: Element, x: number, y: number) => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.visibility === "hidden" || style.display === "none") return false;
      if (style.overflowX !== "visible" || style.overflowY !== "visible") {
        const box = at.getBoundingClientRect();
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
      }
    }
    return true;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    for (let index = 0; index < text.length; index++) {
      if (/\s/.test(text[index]!)) continue;
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = [...range.getClientRects()].find((box) => box.width > 0);
      if (!rect) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (isVisible(node.parentElement!, x, y)) tokens.push({ char: text[index]!, left: rect.left, y });
    }
  }
  for (const element of root.querySelectorAll("*")) {
    for (const which of ["::before", "::after"] as const) {
      const content = getComputedStyle(element, which).content;
      if (!/^".*"$/.test(content) || !SEPARATOR.test(content)) continue;
      const rects = [...element.getClientRects()];
      const rect = which === "::after" ? rects[rects.length - 1] : rects[0];
      if (rect) tokens.push({ char: content.slice(1, -1).trim(), left: which === "::after" ? rect.right - 0.1 : rect.left - 0.1, y: rect.top + rect.height / 2 });
    }
  }
  tokens.sort((a, b) => a.y - b.y);
  const lines: Token[][] = [];
  for (const token of tokens) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(token.y - line[0]!.y) < 6) line.push(token);
    else lines.push([token]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.left - b.left);
    return { first: line[0]!.char, last: line[line.length - 1]!.char, text: line.map((token) => token.char).join("") };
  });
}

describe("the byline in Chromium", { skip }, () => {
  test("no line of a byline starts or ends with a separator, at any width from 320 to 1280 px", async () => {
    const { page, goto, close } = await open(1280);
    try {
      // The bylines with the most parts: people and a desk, and an update time; and the home page's lead.
      const pages: string[] = ["/"];
      for (const url of await sampleArticles()) {
        await goto(url);
        const kinds = await page.locator('[data-component="byline"] [data-author-kind]').evaluateAll((links) => new Set(links.map((link) => link.getAttribute("data-author-kind"))).size);
        const updated = await page.locator('[data-component="byline"] [data-component="updated"]').count();
        if (kinds === 2 || (updated > 0 && !pages.some((known) => known !== "/"))) pages.push(url);
      }
      assert.ok(pages.length >= 3, `bylines to measure: ${pages.join(", ")}`);
      const problems: string[] = [];
      for (const url of pages) {
        await goto(url);
        for (let width = 320; width <= 1280; width += 10) {
          await page.setViewportSize({ width, height: 900 });
          const lines = await page.locator('[data-component="byline"]').first().evaluate(lineEnds);
          for (const line of lines) {
            if (/[·•|]/.test(line.first) || /[·•|]/.test(line.last)) problems.push(`${url} at ${width} px: "${line.text}"`);
          }
        }
      }
      assert.deepEqual(problems.slice(0, 10), []);
    } finally {
      await close();
    }
  });
});

describe("the section navigation in Chromium", { skip }, () => {
  test("on a phone the row scrolls and its cut-off end fades out, hinting at more", async () => {
    const { page, goto, close } = await open(390);
    try {
      await goto("/");
      const checked: string[] = [];
      for (let width = 360; width <= 430; width += 5) {
        await page.setViewportSize({ width, height: 900 });
        const edge = await page.locator(".sections__list").evaluate((list) => {
          const box = list.getBoundingClientRect();
          const strip = { left: box.left + list.clientWidth - 12, right: box.left + list.clientWidth - 2 };
          const range = document.createRange();
          let inked = false;
          for (const link of list.querySelectorAll("a")) {
            range.selectNodeContents(link);
            for (const rect of range.getClientRects()) if (rect.left < strip.right && rect.right > strip.left) inked = true;
          }
          return { scrolls: list.scrollWidth > list.clientWidth, inked, strip, top: box.top, height: box.height };
        });
        assert.ok(edge.scrolls, `at ${width} px the navigation is wider than the screen`);
        if (!edge.inked) continue; // no letter under the edge at this width
        const ink = await darkest(page, { x: edge.strip.left, y: edge.top + 8, width: edge.strip.right - edge.strip.left, height: edge.height - 16 });
        checked.push(`${width}`);
        assert.ok(ink > 140, `at ${width} px the link cut off at the edge is drawn at full strength (darkest ${Math.round(ink)} of 255)`);
      }
      assert.ok(checked.length > 0, "some width puts a link under the edge");
    } finally {
      await close();
    }
  });

  test("every section link is reached by Tab and Shift+Tab and shown whole and legible when focused, at 390 and 768 px", async () => {
    for (const width of [390, 768]) {
      const { page, goto, close } = await open(width);
      try {
        await goto("/news-feed/");
        const count = await page.locator(".sections__list a").count();
        await page.focus(".masthead__search-button");
        const forward = Array.from({ length: count }, (_, index) => ({ index, key: "Tab" }));
        const back = forward.slice(0, -1).reverse().map(({ index }) => ({ index, key: "Shift+Tab" }));
        for (const { index, key } of [...forward, ...back]) {
          await page.keyboard.press(key);
          await page.waitForTimeout(50);
          const focused = await page.evaluate((index) => {
            const link = document.querySelectorAll(".sections__list a")[index]!;
            const list = link.closest(".sections__list")!;
            const range = document.createRange();
            range.selectNodeContents(link);
            const text = range.getBoundingClientRect();
            const box = list.getBoundingClientRect();
            return {
              isFocused: document.activeElement === link,
              label: link.textContent,
              text: { x: text.left, y: text.top, width: text.width, height: text.height },
              inside: text.left >= box.left && text.right <= box.left + list.clientWidth,
            };
          }, index);
          assert.ok(focused.isFocused, `${key} reaches "${focused.label}" at ${width} px`);
          assert.ok(focused.inside, `"${focused.label}" is shown whole when focused by ${key} at ${width} px`);
          // Its first and last letters are drawn at full strength, not under a fade.
          for (const x of [focused.text.x, focused.text.x + focused.text.width - 6]) {
            const ink = await darkest(page, { x, y: focused.text.y, width: 6, height: focused.text.height });
            assert.ok(ink < 100, `"${focused.label}" is legible when focused by ${key} at ${width} px (darkest ${Math.round(ink)} of 255 at x ${Math.round(x)})`);
          }
        }
      } finally {
        await close();
      }
    }
  });
});
