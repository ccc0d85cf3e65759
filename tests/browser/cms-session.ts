import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { parse } from "yaml";
import { startLocalBackend, type LocalBackend } from "../../src/cms/local-backend.ts";
import { publishAdmin } from "../../src/cms/publish-admin.ts";
import { siteSchema } from "../../src/content/site-schema.ts";
import { PUBLIC_DIR } from "../../src/eleventy/static-assets.ts";
import { readPublicAssets, writePublicAssets } from "../../src/eleventy/static-assets.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURE_CONTENT = path.join(ROOT, "tests/fixtures/cms/content");

/**
 * A CMS session as an editor has one on their own machine: the admin page
 * as the build publishes it (its local backend pointed at this session's
 * port) with the site's stylesheet, served on 127.0.0.1; decap-server on
 * 127.0.0.1 over a temporary copy of the fixture content (a git repository
 * for the editorial workflow); and Chromium, in which every request to
 * anywhere but 127.0.0.1 is refused and recorded.
 */
export interface CmsSession {
  repoDir: string;
  siteDir: string;
  origin: string;
  browser: Browser;
  /** Requests refused because they left 127.0.0.1. */
  offOrigin: string[];
  /** Console errors and page errors. */
  problems: string[];
  openPage(): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Test repositories commit as this, whatever the machine's git configuration says. */
const GIT_IDENTITY = ["-c", "user.name=Newsroom tests", "-c", "user.email=tests@newsroom.invalid", "-c", "commit.gpgsign=false"];

export function git(repoDir: string, ...args: string[]): string {
  return execFileSync("git", [...GIT_IDENTITY, ...args], { cwd: repoDir, encoding: "utf8" });
}

export async function startCmsSession(mode: "fs" | "git"): Promise<CmsSession> {
  const temp = temporaryFolder("newsroom-cms-");
  const repoDir = path.join(temp, "repo");
  const siteDir = path.join(temp, "site");
  cpSync(FIXTURE_CONTENT, path.join(repoDir, "content"), { recursive: true });
  if (mode === "git") {
    git(repoDir, "init", "--quiet", "--initial-branch=main");
    git(repoDir, "add", ".");
    git(repoDir, "commit", "--quiet", "-m", "Fixture content");
  }
  const backend: LocalBackend = await startLocalBackend({ repoDir, mode });
  const site = siteSchema.parse(parse(readFileSync(path.join(repoDir, "content/site.yaml"), "utf8")));
  const { manifest, files } = await readPublicAssets(PUBLIC_DIR);
  await writePublicAssets(siteDir, files);
  // As a preview publishes it (on an editor's machine, with npm run cms), its local backend at this session's port.
  await publishAdmin(siteDir, { site, assets: manifest, env: {}, isPreview: true, localBackendUrl: backend.url });
  // The static server answers what does not exist with the site's 404 page; this site is the admin alone.
  writeFileSync(path.join(siteDir, "404.html"), "<!doctype html><title>Not found</title>");
  const server: StaticServer = await serveStatic(siteDir);
  const browser = await launchChromium();
  const offOrigin: string[] = [];
  const problems: string[] = [];
  return {
    repoDir,
    siteDir,
    origin: server.origin,
    browser,
    offOrigin,
    problems,
    async openPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:") return route.continue();
        offOrigin.push(url.href);
        return route.abort();
      });
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()} ${response.request().postData()?.slice(0, 200) ?? ""}`);
      });
      return { page, context };
    },
    async close() {
      await browser.close();
      await server.close();
      await backend.stop();
    },
  };
}
