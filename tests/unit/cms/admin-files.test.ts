import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { adminPage, adminScripts, ADMIN_SCRIPTS_DIR } from "../../../src/cms/admin-files.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("the files of /admin/ (src/cms/admin-files.ts)", () => {
  it("loads Decap, the yaml package and our scripts from the site's own origin, versioned by folder", async () => {
    const scripts = await adminScripts();
    assert.match(scripts.decap, /^\/admin\/decap-cms-\d+\.\d+\.\d+\/$/);
    assert.match(scripts.yaml, /^\/admin\/yaml-\d+\.\d+\.\d+\/$/);
    assert.match(scripts.newsroom, /^\/admin\/newsroom-[0-9a-f]{10}\/$/);
    const { document } = parseHTML(adminPage('The <Harbour> "Herald"', scripts));
    const urls = [...document.querySelectorAll("script[src]")].map((script) => script.getAttribute("src")!);
    const importMap = JSON.parse(document.querySelector('script[type="importmap"]')!.textContent!) as { imports: Record<string, string> };
    for (const url of [...urls, ...Object.values(importMap.imports)]) {
      assert.match(url, /^\/admin\//, `${url} is on the site's origin`);
      assert.ok(scripts.files.some((file) => `/${file.url}` === url), `${url} is published`);
    }
    assert.equal(document.querySelector("title")!.textContent, 'Content manager · The <Harbour> "Herald"');
    assert.equal(document.querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
  });

  it("publishes Decap's bundle with its chunks and licence notice but not its source maps, and every file it names exists", async () => {
    const { files } = await adminScripts();
    const names = files.map((file) => file.url);
    assert.ok(names.some((name) => name.endsWith("/decap-cms.js")));
    assert.ok(names.some((name) => name.endsWith("/decap-cms.js.LICENSE.txt")));
    assert.ok(names.filter((name) => /\/\d+\.decap-cms\.js$/.test(name)).length > 10, "the lazily loaded chunks");
    assert.ok(!names.some((name) => name.endsWith(".map")));
    for (const file of files) assert.ok(file.source && existsSync(file.source), file.source);
  });

  it("draws previews with the markup classes of the site's own layouts and related card, which its stylesheet styles", () => {
    const scripts = ["previews.js", "related-card-component.js"].map((name) => readFileSync(path.join(ADMIN_SCRIPTS_DIR, name), "utf8")).join("\n");
    // `className: "a b"`, `className: condition ? "a" : "a b"` (React's h) and `class="a"` (the card's HTML).
    const written = [
      ...[...scripts.matchAll(/className: (?:[^"\n]*\? )?"([^"]+)"(?: : "([^"]+)")?/g)].flatMap((match) => [match[1]!, match[2] ?? ""]),
      ...[...scripts.matchAll(/class="([^"]+)"/g)].map((match) => match[1]!),
    ];
    const used = new Set(written.flatMap((value) => value.split(" ")).filter(Boolean));
    assert.ok(used.size > 20, [...used].join(" "));
    const siteMarkup = [
      ...readdirSync(path.join(ROOT, "layouts"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".tsx")).map((name) => readFileSync(path.join(ROOT, "layouts", name), "utf8")),
      readFileSync(path.join(ROOT, "src/markdown/remark-related-card.ts"), "utf8"),
    ].join("\n");
    assert.deepEqual([...used].filter((name) => !new RegExp(`["\\s]${name}["\\s]`).test(siteMarkup)), []);
    const css = readFileSync(path.join(ROOT, "public/css/site.css"), "utf8");
    assert.ok(["article__headline", "article__dek", "byline", "hero__caption", "related-card", "chip"].every((name) => css.includes(`.${name}`)));
  });
});
