import assert from "node:assert/strict";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { checkSite } from "../../src/check/check-site.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { buildFixture, FIXTURE_SITES, type BuiltSite } from "./build-fixture.ts";
import { temporaryFolder } from "../temporary-folder.ts";

let site: BuiltSite;
before(async () => {
  site = await buildFixture("aliases");
});

describe("old addresses (aliases), #23", () => {
  test("_redirects sends every old address of articles and authors to the page it now is, permanently", () => {
    assert.equal(site.html("/_redirects"), [
      "/2015/07/08/ferry-strike.html /news/ferry-strike/ 301",
      "/2015/07/08/ferry-strike/ /news/ferry-strike/ 301",
      "/author/maria/ /authors/maria-okafor/ 301",
      "",
    ].join("\n"));
  });

  test("a page at each old address says where the page went, for hosts that read no redirect file", () => {
    for (const [file, target] of [["/2015/07/08/ferry-strike/index.html", "/news/ferry-strike/"], ["/2015/07/08/ferry-strike.html", "/news/ferry-strike/"], ["/author/maria/index.html", "/authors/maria-okafor/"]]) {
      const page = site.page(file!);
      assert.equal(page.querySelector('link[rel="canonical"]')!.getAttribute("href"), `https://moved.example.test${target}`, file);
      assert.equal(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute("content"), `0; url=${target}`, file);
      assert.equal(page.querySelector("body a")!.getAttribute("href"), target, file);
      assert.equal(page.querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex", file);
    }
  });

  test("body links to an old address lead straight to the page, keeping their fragment, in Markdown and raw HTML", () => {
    const links = [...site.page("/news/strike-ends/").querySelectorAll('[data-component="article-body"] a')].map((a) => a.getAttribute("href"));
    assert.deepEqual(links, ["/news/ferry-strike/", "/news/ferry-strike/#crews", "/news/ferry-strike/", "/authors/maria-okafor/"]);
  });

  test("old addresses are left out of the sitemap", () => {
    assert.doesNotMatch(site.html("/sitemap.xml"), /2015\/07\/08|\/author\/maria/);
  });

  test("an alias that is a page's address, or that two files claim, is an error at the alias", async () => {
    const root = temporaryFolder("newsroom-alias-clash-");
    cpSync(path.join(FIXTURE_SITES, "aliases", "content"), path.join(root, "content"), { recursive: true });
    writeFileSync(
      path.join(root, "content/articles/third.md"),
      ["---", 'title: "Third"', 'dek: "Dek."', "authors: [maria-okafor]", "date: 2015-07-11T09:00:00+01:00", "aliases:", "  - /tags/transport/", "  - /2015/07/08/ferry-strike/", "---", "Body.", ""].join("\n"),
    );
    const { diagnostics } = await checkSite({ rootDir: root, checkOnly: true });
    assert.deepEqual(sortDiagnostics(diagnostics.filter((d) => d.severity === "error")).map(formatDiagnostic), [
      "content/articles/third.md:7:5 error: the alias /tags/transport/ is the address of a page the site publishes, so it cannot redirect (remove the alias, or rename the page that has that address) [alias/collides]",
      "content/articles/third.md:8:5 error: the alias /2015/07/08/ferry-strike/ is also claimed by content/articles/ferry-strike.md (an old address can redirect to one page only: keep it in one file) [alias/duplicate]",
    ]);
  });

  test("an alias must be a path on the site", async () => {
    const root = temporaryFolder("newsroom-alias-bad-");
    cpSync(path.join(FIXTURE_SITES, "aliases", "content"), path.join(root, "content"), { recursive: true });
    writeFileSync(path.join(root, "content/articles/bad.md"), ["---", 'title: "Bad"', 'dek: "Dek."', "authors: [maria-okafor]", "date: 2015-07-11T09:00:00+01:00", "aliases: [https://old.example/x]", "---", "Body.", ""].join("\n"));
    const { diagnostics } = await checkSite({ rootDir: root, checkOnly: true });
    assert.deepEqual(diagnostics.filter((d) => d.severity === "error").map((d) => [d.line, d.column, d.ruleId]), [[6, 11, "frontmatter/invalid-value"]]);
  });
});
