import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, describe, test } from "node:test";
import { parse } from "yaml";
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

describe("GitHub Actions workflow", () => {
  const workflow = parse(readFileSync(path.join(ROOT, ".github/workflows/site.yml"), "utf8"));
  const steps: { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }[] = workflow.jobs.build.steps;
  const index = (predicate: (step: (typeof steps)[number]) => boolean) => steps.findIndex(predicate);

  test("runs on pushes to main and every 15 minutes, with Pages permissions", () => {
    assert.deepEqual(workflow.on.push.branches, ["main"]);
    assert.deepEqual(workflow.on.schedule, [{ cron: "*/15 * * * *" }]);
    assert.equal(workflow.permissions.pages, "write");
    assert.equal(workflow.permissions["id-token"], "write");
  });

  test("installs with npm ci, restores the caches, checks, tests, builds, saves the caches, in that order", () => {
    const order = [
      index((step) => step.run === "npm ci"),
      index((step) => step.uses?.startsWith("actions/cache/restore@") === true && step.with?.path === ".cache/images"),
      index((step) => step.run === "npm run check"),
      index((step) => step.run === "npm test"),
      index((step) => step.run === "npm run build"),
      index((step) => step.uses?.startsWith("actions/cache/save@") === true && step.with?.path === ".cache/images"),
      index((step) => step.uses?.startsWith("actions/upload-pages-artifact@") === true && step.with?.path === "_site"),
    ];
    assert.ok(order.every((position) => position >= 0), `all steps present: ${order}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.equal(steps[order[1]!]!.with!.key, steps[order[5]!]!.with!.key, "the cache is saved under the key it is restored with");
    // The content caches (rendered Markdown, parsed frontmatter, search bundles, article pages) likewise, around check and build.
    const contentCaches = (action: string) =>
      index((step) => step.uses?.startsWith(`actions/cache/${action}@`) === true && step.with?.path?.split("\n").includes(".cache/render") === true && step.with.path.includes(".cache/frontmatter") && step.with.path.includes(".cache/search") && step.with.path.includes(".cache/pages"));
    assert.ok(contentCaches("restore") > order[0]! && contentCaches("restore") < order[2]!, "content caches restored before the check");
    assert.ok(contentCaches("save") > order[4]!, "content caches saved after the build");
    assert.equal(steps[contentCaches("restore")]!.with!["restore-keys"], "content-", "the newest content cache is restored");
    const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
    for (const script of ["check", "test", "build"]) assert.ok(scripts[script], `npm run ${script} exists`);
  });

  test("deploys the built site to GitHub Pages after the build", () => {
    assert.deepEqual(workflow.jobs.deploy.needs, "build");
    assert.equal(workflow.jobs.deploy.environment.name, "github-pages");
    assert.ok(workflow.jobs.deploy.steps.some((step: { uses?: string }) => step.uses?.startsWith("actions/deploy-pages@")));
  });
});
