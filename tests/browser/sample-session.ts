import path from "node:path";
import type { Browser } from "playwright-core";
import { after, before } from "node:test";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { ROOT } from "../quality/sample-site.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

export interface SampleSession {
  browser: Browser;
  server: StaticServer;
  /** The sample site's newest article, whatever the editors last published. */
  articleUrl: string;
  close(): Promise<void>;
}

/**
 * Builds the sample newsroom (through the shared image cache, warm after the
 * first build), serves it on 127.0.0.1 and launches Chromium.
 */
export async function openSampleSite(): Promise<SampleSession> {
  const outputDir = path.join(temporaryFolder("newsroom-browser-"), "site");
  await buildSite({ rootDir: ROOT, outputDir });
  const server = await serveStatic(outputDir);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${server.origin}/news-feed/`);
  const articleUrl = (await page.locator('[data-component="feed-item"] h3 a').first().getAttribute("href"))!;
  await page.close();
  return {
    browser,
    server,
    articleUrl,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Registers before/after hooks that open the sample site once for a test
 * file and close it at the end; the returned object reads the live session.
 * Does nothing when `skip` gives a reason (no browser here).
 */
export function useSampleSite(skip: string | undefined): Omit<SampleSession, "close"> {
  let session: SampleSession | undefined;
  before(async () => {
    if (!skip) session = await openSampleSite();
  });
  after(async () => {
    await session?.close();
  });
  const live = () => {
    if (!session) throw new Error("the sample site is not open: use it inside a test");
    return session;
  };
  return {
    get browser() {
      return live().browser;
    },
    get server() {
      return live().server;
    },
    get articleUrl() {
      return live().articleUrl;
    },
  };
}
