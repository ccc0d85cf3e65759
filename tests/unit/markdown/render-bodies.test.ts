import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { htmlHash } from "../../../src/markdown/html-hash.ts";
import type { MarkdownSource } from "../../../src/markdown/pipeline.ts";
import type { LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import type { RelatedCardTarget } from "../../../src/markdown/remark-related-card.ts";
import { renderBodies, type RenderBodiesOptions } from "../../../src/markdown/render-bodies.ts";
import { RenderCache } from "../../../src/markdown/render-cache.ts";
import { RenderPool } from "../../../src/markdown/render-pool.ts";
import { testRenderSettings } from "./helpers.ts";
import { TextSpool } from "../../../src/util/text-spool.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

const SITE_ORIGIN = "https://herald.example.org";
const okImage = (width: number): LocalImageResult => ({
  ok: true,
  image: { url: `/images/derived/ok-${width}.jpg`, width, height: 30, sources: [{ format: "jpeg", mimeType: "image/jpeg", candidates: [{ url: `/images/derived/ok-${width}.jpg`, width, height: 30 }] }] },
});

function options(overrides: Partial<RenderBodiesOptions> & { imageWidth?: number; tram?: RelatedCardTarget } = {}): RenderBodiesOptions & { imageCalls: string[] } {
  const imageCalls: string[] = [];
  const tram = overrides.tram ?? { title: "Tram line to the harbour", dek: "By 2029.", url: "/news/tram/" };
  return {
    settings: testRenderSettings({ siteOrigin: SITE_ORIGIN }),
    articles: new Map([["tram", tram]]),
    resolveImage: async (written) => {
      imageCalls.push(written);
      return written === "../images/missing.jpg" ? { ok: false, problem: `"${written}" not found`, hint: "check the path", ruleId: "images/image-not-found" as const } : okImage(overrides.imageWidth ?? 40);
    },
    workers: 0,
    imageCalls,
    ...overrides,
  };
}

const source = (body: string, file = "content/articles/a.md"): MarkdownSource => ({ body, path: file, bodyLineOffset: 5 });
/** A fresh folder for a render cache, removed when the test file ends. */
const cacheDir = () => temporaryFolder("newsroom-render-cache-");
const newCache = () => new RenderCache(cacheDir());

describe("renderBodies with a render cache", () => {
  it("serves an unchanged body from the cache, with the same HTML and word count", async () => {
    const cache = newCache();
    const sources = [source("# Title\n\nSome *words* here, a [link](https://example.com/).\n\n::related{id=tram}\n"), source("Plain text.", "content/articles/b.md")];
    const first = await renderBodies(sources, { ...options(), cache });
    assert.deepEqual(first.summary, { fromCache: 0, rendered: 2, skipped: 0, workers: 0 });
    const second = await renderBodies(sources, { ...options(), cache: new RenderCache(cache.dir) });
    assert.deepEqual(second.summary, { fromCache: 2, rendered: 0, skipped: 0, workers: 0 });
    assert.deepEqual(second.bodies, first.bodies);
    assert.equal(first.bodies[0]!.wordCount, 6);
  });

  it("with a spool, a body's HTML leaves the heap and reads back the same, rendered or from the cache", async () => {
    const cache = newCache();
    const sources = [source("Some “curly” *words* and ::related{id=tram}\n"), source("Plain text.", "content/articles/b.md")];
    const plain = await renderBodies(sources, options());
    const spooled = await renderBodies(sources, { ...options(), cache, spool: new TextSpool() });
    const fromCache = await renderBodies(sources, { ...options(), cache: new RenderCache(cache.dir), spool: new TextSpool() });
    assert.equal(fromCache.summary.fromCache, 2);
    for (const run of [spooled, fromCache]) {
      assert.deepEqual(run.bodies.map((body) => body.html), ["", ""]);
      assert.deepEqual(run.bodies.map((body) => body.readHtml?.()), plain.bodies.map((body) => body.html));
    }
    assert.match(plain.bodies[0]!.html, /“curly”/);
  });

  it("renders again when the body, its file or its line offset changes", async () => {
    const cache = newCache();
    await renderBodies([source("One.")], { ...options(), cache });
    const changed = await renderBodies([source("One!"), source("One.", "content/articles/other.md"), { ...source("One."), bodyLineOffset: 6 }], { ...options(), cache });
    assert.equal(changed.summary.rendered, 3);
  });

  it("renders again when a related card's target changed its headline", async () => {
    const cache = newCache();
    const body = [source("Before.\n\n::related{id=tram}\n")];
    await renderBodies(body, { ...options(), cache });
    const renamed = await renderBodies(body, { ...options({ tram: { title: "Tram line delayed", dek: "By 2031.", url: "/news/tram/" } }), cache });
    assert.equal(renamed.summary.rendered, 1);
    assert.match(renamed.bodies[0]!.html, /Tram line delayed/);
  });

  it("resolves a cached body's images again (so the image pipeline plans them) and renders again when they changed", async () => {
    const cache = newCache();
    const body = [source("![A ferry](../images/ferry.jpg)\n")];
    await renderBodies(body, { ...options(), cache });
    const same = options();
    const hit = await renderBodies(body, { ...same, cache });
    assert.equal(hit.summary.fromCache, 1);
    assert.deepEqual(same.imageCalls, ["../images/ferry.jpg"]);
    const resized = await renderBodies(body, { ...options({ imageWidth: 80 }), cache });
    assert.equal(resized.summary.rendered, 1);
    assert.match(resized.bodies[0]!.html, /ok-80\.jpg/);
  });

  it("never caches a body with errors: its hint may depend on every other article", async () => {
    const cache = newCache();
    const body = [source("::related{id=tarm}\n")];
    const first = await renderBodies(body, { ...options(), cache });
    assert.equal(first.bodies[0]!.diagnostics[0]?.severity, "error");
    const second = await renderBodies(body, { ...options(), cache });
    assert.equal(second.summary.rendered, 1);
  });

  it("treats a damaged entry as a miss", async () => {
    const cache = newCache();
    await renderBodies([source("One.")], { ...options(), cache });
    const dir = cache.dir;
    // Cut short, as a killed copy of the cache would be.
    for (const name of readdirSync(dir).filter((name) => name.endsWith(".pack"))) writeFileSync(path.join(dir, name), '{"key":');
    const again = await renderBodies([source("One.")], { ...options(), cache: new RenderCache(dir) });
    assert.equal(again.summary.rendered, 1);
    assert.match(again.bodies[0]!.html, /One\./);
  });

  it("prunes entries a build no longer uses once they outnumber the used ones", async () => {
    const dir = cacheDir();
    const old = Array.from({ length: 1200 }, (_, i) => source(`Old ${i}.`));
    const writer = new RenderCache(dir);
    for (const entry of old) writer.write(writer.key(entry, testRenderSettings({ siteOrigin: SITE_ORIGIN })), { html: "<p>x</p>", htmlHash: htmlHash("<p>x</p>"), wordCount: 1, diagnostics: [], dependencies: { relatedCards: {}, localImages: [], media: [], siteLinks: [] } });
    await writer.flush();
    const build = new RenderCache(dir);
    await renderBodies([source("New.")], { ...options(), cache: build });
    assert.equal(build.prune(), 1200);
    const indexed = readdirSync(dir).filter((name) => name.endsWith(".index")).flatMap((name) => (JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { entries: unknown[] }).entries);
    assert.equal(indexed.length, 1);
  });
});

describe("renderBodies when only checking", () => {
  it("renders only the bodies that can report a problem, and reports those problems", async () => {
    const sources = [source("Plain prose: nothing to check."), source("::related{id=tarm}\n", "content/articles/b.md"), source("![](../images/x.jpg)\n", "content/articles/c.md")];
    const { bodies, summary } = await renderBodies(sources, { ...options(), checkOnly: true });
    assert.deepEqual(summary, { fromCache: 0, rendered: 2, skipped: 1, workers: 0 });
    assert.deepEqual(bodies[0]!.diagnostics, []);
    assert.deepEqual(bodies.slice(1).map((body) => body.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)), [
      ['content/articles/b.md:6 unknown article "tarm" in ::related'],
      ["content/articles/c.md:6 image has no alt text"],
    ]);
  });
});

describe("renderBodies on worker threads", () => {
  it("renders the same HTML as this thread, resolving images through this thread", async () => {
    const sources = Array.from({ length: 400 }, (_, i) => source(`## Part ${i}\n\nText with [a link](https://example.com/${i}).\n\n![A ferry](../images/ferry.jpg)\n\n::related{id=tram}\n`, `content/articles/a${i}.md`));
    const onThread = await renderBodies(sources, options());
    const pooled = options({ workers: 2 });
    const onWorkers = await renderBodies(sources, pooled);
    assert.equal(onWorkers.summary.workers, 2);
    assert.deepEqual(onWorkers.bodies, onThread.bodies);
    assert.equal(pooled.imageCalls.length, 400);
  });

  it("uses a pool started before the articles were known, and leaves it running", async () => {
    const sources = [source("::related{id=tram}\n"), source("::related{id=ferry}\n", "content/articles/b.md")];
    const onThread = await renderBodies(sources, options());
    const pool = new RenderPool({ settings: testRenderSettings({ siteOrigin: SITE_ORIGIN }), resolveImage: options().resolveImage, size: 2 });
    try {
      const first = await renderBodies(sources, { ...options(), pool });
      assert.equal(first.summary.workers, 2);
      assert.deepEqual(first.bodies, onThread.bodies, "the pool renders with the articles it was given by renderBodies");
      const ferry = { title: "Ferry strike ends", dek: "Boats sail at six.", url: "/news/ferry/" };
      const second = await renderBodies(sources, { ...options(), articles: new Map([["ferry", ferry]]), pool });
      assert.match(second.bodies[1]!.html, /Ferry strike ends/);
      assert.deepEqual(second.bodies[0]!.diagnostics.map((d) => d.message), ['unknown article "tram" in ::related'], "the articles of the call before are gone");
    } finally {
      await pool.close();
    }
  });
});
