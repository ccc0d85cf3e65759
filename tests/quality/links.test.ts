import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { htmlPages } from "../integration/build-fixture.ts";
import { buildSampleSite } from "./sample-site.ts";

let siteDir: string;
before(async () => {
  siteDir = await buildSampleSite();
});

/** The file a root-relative URL is served from, as a static host resolves it. */
function fileFor(url: string): string {
  const pathname = decodeURIComponent(new URL(url, "https://site.invalid").pathname);
  const file = path.join(siteDir, pathname);
  return existsSync(file) && statSync(file).isDirectory() ? path.join(file, "index.html") : file;
}

/** Every URL a page makes the browser fetch or offers as a link: href, src and each srcset candidate. */
function urlsIn(document: Document): string[] {
  const urls: string[] = [];
  for (const element of document.querySelectorAll("[href], [src], [srcset]")) {
    for (const name of ["href", "src"]) {
      const value = element.getAttribute(name);
      if (value) urls.push(value);
    }
    const srcset = element.getAttribute("srcset");
    if (srcset) urls.push(...srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean));
  }
  return urls;
}

const isInternal = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

describe("links", () => {
  test("every internal href, src and srcset candidate of every page resolves to a built file or an id on the page", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of htmlPages(siteDir)) {
      const { document } = parseHTML(readFileSync(path.join(siteDir, page), "utf8"));
      const base = `/${page}`;
      for (const url of urlsIn(document as unknown as Document).filter(isInternal)) {
        checked++;
        if (url.startsWith("#")) {
          if (url.length > 1 && !document.getElementById(decodeURIComponent(url.slice(1)))) broken.push(`${page}: ${url} (no such id)`);
          continue;
        }
        const resolved = new URL(url, `https://site.invalid${base}`).pathname;
        if (!existsSync(fileFor(resolved))) broken.push(`${page}: ${url}`);
      }
    }
    assert.ok(checked > 1000, `checked ${checked} URLs`);
    assert.deepEqual(broken, []);
  });

  test("the checker notices a broken link (the gate can fail)", () => {
    assert.equal(existsSync(fileFor("/news/no-such-story/")), false);
    assert.equal(existsSync(fileFor("/news-feed/")), true);
  });
});
