import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EarlyRenders } from "../../../src/markdown/early-renders.ts";
import type { MarkdownSource } from "../../../src/markdown/pipeline.ts";
import type { LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import { renderBodies, type RenderBodiesOptions, type SettledBody } from "../../../src/markdown/render-bodies.ts";
import { RenderCache } from "../../../src/markdown/render-cache.ts";
import { RenderPool } from "../../../src/markdown/render-pool.ts";
import { TextSpool } from "../../../src/util/text-spool.ts";

const SITE_ORIGIN = "https://herald.example.org";
const resolveImage: RenderBodiesOptions["resolveImage"] = async (written): Promise<LocalImageResult> =>
  written.includes("missing")
    ? { ok: false, problem: `"${written}" not found`, hint: "check the path" }
    : { ok: true, image: { url: "/images/derived/ok-40.jpg", width: 40, height: 30, sources: [{ format: "jpeg", mimeType: "image/jpeg", candidates: [{ url: "/images/derived/ok-40.jpg", width: 40, height: 30 }] }] } };
const articles = new Map([["tram", { title: "Tram line to the harbour", dek: "By 2029.", url: "/news/tram/" }]]);
const source = (body: string, name: string): MarkdownSource => ({ body, path: `content/articles/${name}.md`, bodyLineOffset: 4 });
const newCache = () => new RenderCache(mkdtempSync(path.join(tmpdir(), "newsroom-early-renders-")));
const shown = (body: SettledBody) => ({ html: body.readHtml?.() ?? body.html, wordCount: body.wordCount, diagnostics: body.diagnostics, dependencies: body.dependencies });

describe("bodies rendered while the frontmatter is still being parsed", () => {
  // Started without articles, as a cold load starts it; one worker, so that at most four bodies are in flight.
  let pool: RenderPool;
  const rendered: string[] = [];
  before(() => {
    pool = new RenderPool({ siteOrigin: SITE_ORIGIN, resolveImage, size: 1 });
    const render = pool.render.bind(pool);
    pool.render = (body) => {
      rendered.push(path.basename(body.path, ".md"));
      return render(body);
    };
  });
  after(() => pool.close());

  it("come out as renderBodies alone renders them, each rendered once; ::related and errors wait for the articles", async () => {
    rendered.length = 0;
    const cache = newCache();
    const spool = new TextSpool();
    const sources = [
      source("# Plain\n\nSome “curly” *words*.\n", "plain"),
      source("Read this:\n\n::related{id=tram}\n", "card"),
      source("![Gone](../images/missing.jpg)\n", "broken"),
      source("Text with [a link](https://example.com/).\n", "link"),
    ];
    const early = new EarlyRenders(pool, { siteOrigin: SITE_ORIGIN, spool, cache });
    for (const body of sources) early.offer(body);
    assert.deepEqual(sources.map((body) => early.holds(body)), [true, false, true, true], "::related reads other articles: not rendered early");
    const settled = await renderBodies(sources, { siteOrigin: SITE_ORIGIN, resolveImage, articles, pool, cache, spool, early });
    const alone = await renderBodies(sources, { siteOrigin: SITE_ORIGIN, resolveImage, articles, workers: 0 });
    assert.deepEqual(settled.bodies.map(shown), alone.bodies.map(shown));
    assert.match(shown(settled.bodies[1]!).html, /Tram line to the harbour/);
    assert.deepEqual(rendered.sort(), ["broken", "broken", "card", "link", "plain"], "an early render with errors is rendered again with the articles known");
    assert.deepEqual(sources.map((body) => cache.has(cache.key(body, SITE_ORIGIN))), [true, true, false, true], "early renders are cached as they finish; errors never are");
  });

  it("a body edited after it was offered is rendered again as it is now", async () => {
    const spool = new TextSpool();
    const early = new EarlyRenders(pool, { siteOrigin: SITE_ORIGIN, spool });
    early.offer(source("First draft.\n", "edited"));
    const settled = await renderBodies([source("Second draft.\n", "edited")], { siteOrigin: SITE_ORIGIN, resolveImage, articles, pool, spool, early });
    assert.match(shown(settled.bodies[0]!).html, /Second draft/);
  });

  it("leaves bodies not started yet to renderBodies, and skips bodies the cache holds", async () => {
    rendered.length = 0;
    const cache = newCache();
    const cachedBody = source("Already rendered.\n", "cached");
    cache.write(cache.key(cachedBody, SITE_ORIGIN), { html: "<p>Already rendered.</p>", wordCount: 2, diagnostics: [], dependencies: { relatedCards: {}, localImages: [] } });
    const spool = new TextSpool();
    const early = new EarlyRenders(pool, { siteOrigin: SITE_ORIGIN, spool, cache });
    const sources = Array.from({ length: 10 }, (_, i) => source(`Story ${i}.\n`, `story-${i}`));
    early.offer(cachedBody);
    for (const body of sources) early.offer(body);
    assert.equal(early.holds(cachedBody), false);
    assert.equal(sources.filter((body) => early.holds(body)).length, 4, "four in flight per worker, the rest queued");
    const settled = await renderBodies([cachedBody, ...sources], { siteOrigin: SITE_ORIGIN, resolveImage, articles, pool, cache, spool, early });
    assert.equal(settled.summary.fromCache, 1);
    assert.deepEqual(rendered.sort(), sources.map((body) => path.basename(body.path, ".md")).sort(), "each story rendered once");
    assert.deepEqual(settled.bodies.map((body) => shown(body).html), ["<p>Already rendered.</p>", ...sources.map((_, i) => `<p>Story ${i}.</p>\n`)]);
  });
});
