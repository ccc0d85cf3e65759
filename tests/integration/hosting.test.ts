import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, describe, test } from "node:test";
import { headerRules, matchingRules } from "../../src/feeds/headers.ts";
import { buildFixture, siteFiles, type BuiltSite } from "./build-fixture.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let site: BuiltSite;
before(async () => {
  site = await buildFixture("basic");
});

/** `_headers` as Netlify and Cloudflare read it: a path line, then indented "Name: value" lines. */
function parseHeaders(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = {}));
    else if (current) {
      const [name, ...value] = line.trim().split(":");
      current[name!.toLowerCase()] = value.join(":").trim();
    }
  }
  return rules;
}

describe("hosting", () => {
  test("CSS and JS are published under content-hashed names, and pages link those names", () => {
    const assets = siteFiles(site.outputDir).filter((file) => /^\/(css|js)\//.test(file));
    assert.ok(assets.length >= 4);
    for (const asset of assets) {
      const match = /^(.*)\.([0-9a-f]{10})\.(css|js)$/.exec(asset);
      assert.ok(match, `${asset} carries a content hash`);
      const source = path.join(ROOT, "public", `${match[1]}.${match[3]}`);
      assert.equal(createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 10), match[2], `${asset} is named after its content`);
    }
    const article = site.page("/news/council-budget/");
    const stylesheet = article.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    const scripts = [...article.querySelectorAll("script[src]")].map((script) => script.getAttribute("src")!);
    for (const url of [stylesheet, ...scripts]) assert.ok(assets.includes(url), `${url} is published`);
  });

  test("_headers gives every file at most one caching policy: a year for hashed files, minutes for pages and feeds", () => {
    const rules = parseHeaders(site.html("/_headers"));
    const policy = (file: string) => {
      // The rules as written in the site's _headers, standalone pages' included.
      const matches = matchingRules(file, headerRules(["/support/"]));
      assert.ok(matches.length <= 1, `${file} matches ${matches.length} rules`);
      return matches[0] ? rules.get(matches[0].path)?.["cache-control"] : undefined;
    };
    for (const file of siteFiles(site.outputDir)) {
      if (/^\/(css|js)\/|^\/images\/derived\//.test(file)) assert.equal(policy(file), "public, max-age=31536000, immutable", file);
      if (file.endsWith(".html") || /\.(xml|json|txt)$/.test(file)) assert.equal(policy(file.replace(/index\.html$/, "")), "public, max-age=300, must-revalidate", file);
    }
    assert.equal(policy("/"), "public, max-age=300, must-revalidate");
    assert.equal(rules.get("/css/*")?.["x-content-type-options"], "nosniff");
  });
});
