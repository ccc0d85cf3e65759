import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import type { BundleSizes } from "../../src/search/bundle-plan.ts";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { temporaryFolder } from "../temporary-folder.ts";

export const FIXTURE_SITES = fileURLToPath(new URL("../fixtures/sites/", import.meta.url));

export interface BuiltSite {
  outputDir: string;
  /** The built page at a site URL ("/news/x/"), parsed. */
  page(url: string): Document;
  html(url: string): string;
}

/** Builds `tests/fixtures/sites/<name>` into a fresh temporary folder, removed when the test file ends. */
export async function buildFixture(name: string, options: { isPreview?: boolean; now?: Date; pagesPerBatch?: number; searchBundleSizes?: Partial<BundleSizes> } = {}): Promise<BuiltSite> {
  const outputDir = path.join(temporaryFolder(`newsroom-${name}-`), "site");
  await buildSite({ rootDir: path.join(FIXTURE_SITES, name), outputDir, isPreview: options.isPreview ?? false, ...options });
  const html = (url: string) => readFileSync(path.join(outputDir, url.endsWith("/") ? `${url}index.html` : url), "utf8");
  return { outputDir, html, page: (url) => parseHTML(html(url)).document as unknown as Document };
}

/**
 * A copy of the basic fixture's content in a new folder (the test removes
 * it), to edit and build again; its images from the fixture's cache.
 */
export function copyOfBasicSite(now: Date) {
  const rootDir = mkdtempSync(path.join(tmpdir(), "newsroom-state-"));
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  const outputDir = path.join(rootDir, "_site");
  const build = () => buildSite({ rootDir, outputDir, now });
  const file = (name: string) => path.join(rootDir, "content", name);
  const page = (url: string) => readFileSync(path.join(outputDir, url, "index.html"), "utf8");
  const markdownFiles = readdirSync(path.join(rootDir, "content"), { recursive: true }).filter((name) => String(name).endsWith(".md")).length;
  return { rootDir, outputDir, build, file, page, markdownFiles };
}

export function texts(document: Document, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim());
}

export function attributes(document: Document, selector: string, name: string): (string | null)[] {
  return [...document.querySelectorAll(selector)].map((element) => element.getAttribute(name));
}

/** Every file of a built site as a root-relative path ("/news/x/index.html"), sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => `/${name.split(path.sep).join("/")}`)
    .sort();
}

/** Every file of a built site with a SHA-256 of its bytes, for byte-for-byte comparisons. */
export function siteContents(dir: string): Map<string, string> {
  return new Map(siteFiles(dir).map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]));
}

/** Every HTML page of a built site, relative to its root ("news/x/index.html"). */
export function htmlPages(dir: string): string[] {
  return siteFiles(dir).filter((file) => file.endsWith(".html")).map((file) => file.slice(1));
}

/** A preview's files and their hashes, without the search index (a preview has none). */
function previewContents(dir: string): Map<string, string> {
  return new Map([...siteContents(dir)].filter(([sitePath]) => !sitePath.startsWith("/pagefind")));
}

/** Asserts that a preview folder holds, byte for byte, what a fresh preview build wrote into `freshDir` (the search index aside). */
export function assertLikeFreshPreview(previewDir: string, freshDir: string, step: string): void {
  const expected = previewContents(freshDir);
  const actual = previewContents(previewDir);
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${step}: the same files`);
  assert.deepEqual([...expected].filter(([sitePath, hash]) => actual.get(sitePath) !== hash).map(([sitePath]) => sitePath), [], `${step}: the same bytes`);
}
