import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture, htmlPages } from "../build/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let browser: Browser;
let server: StaticServer;
let pages: string[] = [];

before(async () => {
  if (skip) return;
  const site = await buildFixture("hostile");
  pages = htmlPages(site.outputDir).map((page) => `/${page.replace(/index\.html$/, "")}`);
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("hostile input in Chromium", { skip }, () => {
  test("no dialog fires and the DOM holds no inline handler or javascript: URL, on any page, even after interaction", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    try {
      const found: string[] = [];
      for (const url of pages) {
        await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
        // Hover, focus and click everything that could carry a handler.
        for (const element of await page.locator("main b, main img, main figcaption span, a.byline__author").all()) {
          await element.hover({ timeout: 1000 }).catch(() => {});
        }
        await page.keyboard.press("Tab");
        await page.waitForTimeout(100);
        found.push(
          ...(await page.evaluate(() => {
            const problems: string[] = [];
            for (const element of document.querySelectorAll("*")) {
              // Pagefind's own search form uses action="javascript:void(0);" by design.
              if (element.closest(".pagefind-ui")) continue;
              for (const attribute of element.getAttributeNames()) {
                const value = element.getAttribute(attribute) ?? "";
                if (attribute.startsWith("on")) problems.push(`<${element.localName} ${attribute}>`);
                if (/^\s*(javascript|vbscript|data):/i.test(value) && ["href", "src", "action", "formaction"].includes(attribute)) problems.push(`${attribute}=${value}`);
              }
            }
            return problems;
          })).map((problem) => `${url}: ${problem}`),
        );
      }
      assert.ok(pages.length >= 10, `opened ${pages.length} pages`);
      assert.deepEqual(found, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });

  test("the check itself sees a handler that does fire (the gate can fail)", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      await page.setContent('<img src="x" onerror="alert(\'fired\')">');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, ["fired"]);
    } finally {
      await page.close();
    }
  });
});
