import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildFixture } from "../integration/build-fixture.ts";
import { launchChromium, skipReason } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const skip = skipReason();
let browser: Browser;
let server: StaticServer;

before(async () => {
  if (skip) return;
  const site = await buildFixture("aliases");
  // A host that reads no _redirects file (as GitHub Pages): only the redirect pages send readers on.
  server = await serveStatic(site.outputDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("old addresses in Chromium, #23", { skip }, () => {
  for (const [old, target] of [["/2015/07/08/ferry-strike/", "/news/ferry-strike/"], ["/2015/07/08/ferry-strike.html", "/news/ferry-strike/"], ["/author/maria/", "/authors/maria-okafor/"]]) {
    test(`a reader who follows ${old} lands on ${target}`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.origin}${old}`);
        await page.waitForURL(`${server.origin}${target}`, { timeout: 10_000 });
        assert.equal(new URL(page.url()).pathname, target);
        assert.ok((await page.locator("h1").textContent())!.length > 0);
      } finally {
        await page.close();
      }
    });
  }
});
