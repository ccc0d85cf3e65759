import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { DevBuilder } from "../../src/dev/dev-builder.ts";
import { PREVIEW_OUTPUT_DIR } from "../../src/dev/preview-options.ts";
import { PreviewServer } from "../../src/dev/preview-server.ts";
import { assertLikeFreshPreview, FIXTURE_SITES } from "./build-fixture.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const NOW = new Date("2026-11-27T12:00:00Z");

describe("the preview (npm start)", () => {
  test("after every save, the preview's files are byte for byte those of a fresh preview build; the saved page comes first", async () => {
    const rootDir = temporaryFolder("newsroom-dev-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
    const previewDir = path.join(rootDir, PREVIEW_OUTPUT_DIR);
    const options = { rootDir, contentDir: "content", isPreview: true, now: () => NOW };
    const builder = new DevBuilder(options, previewDir);
    let fresh = 0;
    const assertLikeFreshBuild = async (step: string) => {
      const outputDir = path.join(rootDir, `fresh-${fresh++}`);
      await buildSite({ rootDir, outputDir, isPreview: true, now: NOW });
      assertLikeFreshPreview(previewDir, outputDir, step);
    };
    const file = (name: string) => path.join(rootDir, "content", name);
    const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), "utf8")));
    const page = (url: string) => readFileSync(path.join(previewDir, url, "index.html"), "utf8");

    const first = await builder.update("all");
    assert.equal(first.saved.length, 0);
    await assertLikeFreshBuild("first build");

    // A body edit: the saved page is written and announced before anything else.
    edit("articles/bridge-repairs.md", (text) => `${text.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    const announced: string[] = [];
    const bodyEdit = await builder.update([file("articles/bridge-repairs.md")], {
      onSavedPages: (urls) => {
        announced.push(...urls);
        assert.match(page("/news/bridge-repairs/"), /the lane reopens on Monday/, "written when announced");
      },
    });
    assert.deepEqual(announced, ["/news/bridge-repairs/"]);
    assert.deepEqual(bodyEdit.saved, ["/news/bridge-repairs/"]);
    await assertLikeFreshBuild("after a body edit");

    // A headline that other pages show (a ::related card in council-budget, lists everywhere).
    edit("articles/tram-extension.md", (text) => text.replace(/^title: .*$/m, 'title: "Tram line delayed to 2031"'));
    const headline = await builder.update([file("articles/tram-extension.md")]);
    assert.ok(headline.articlesRendered > 0, "pages that list the headline are rendered again");
    assert.match(page("/news/council-budget/"), /related-card__title">Tram line delayed to 2031</);
    await assertLikeFreshBuild("after a headline edit");

    // An author's name, outside the articles folder: every article is built again.
    const authorFile = "authors/ana-lima.md";
    edit(authorFile, (text) => text.replace(/^name: .*$/m, "name: Ana Lima Costa"));
    await builder.update([file(authorFile)]);
    await assertLikeFreshBuild("after an author edit");

    // A mistake keeps the last good pages; the fix brings the preview back.
    const good = readFileSync(file("articles/bridge-repairs.md"), "utf8");
    writeFileSync(file("articles/bridge-repairs.md"), good.replace(/^authors: .*$/m, "authors: [nobody-here]"));
    await assert.rejects(builder.update([file("articles/bridge-repairs.md")]), /unknown author "nobody-here"/);
    assert.match(page("/news/bridge-repairs/"), /the lane reopens on Monday/);
    writeFileSync(file("articles/bridge-repairs.md"), good);
    await builder.update([file("articles/bridge-repairs.md")]);

    // A deleted article takes its page, and listings only it filled, with it.
    rmSync(file("articles/late-night-ferry.md"));
    await builder.update([file("articles/late-night-ferry.md")]);
    assert.equal(existsSync(path.join(previewDir, "news/late-night-ferry/index.html")), false);
    await assertLikeFreshBuild("after a deletion");
  });

  test("a save arriving meanwhile stops the listings; the next update finishes them", async () => {
    const rootDir = temporaryFolder("newsroom-dev-stop-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
    const previewDir = path.join(rootDir, PREVIEW_OUTPUT_DIR);
    const builder = new DevBuilder({ rootDir, contentDir: "content", isPreview: true, now: () => NOW }, previewDir);
    await builder.update("all");
    const saved = path.join(rootDir, "content/articles/tram-extension.md");
    writeFileSync(saved, readFileSync(saved, "utf8").replace(/^title: .*$/m, 'title: "Tram line delayed to 2031"'));
    const stopped = await builder.update([saved], { shouldStop: () => true });
    assert.equal(stopped.interrupted, true);
    assert.match(readFileSync(path.join(previewDir, "news/tram-extension/index.html"), "utf8"), /Tram line delayed to 2031/);
    assert.doesNotMatch(readFileSync(path.join(previewDir, "index.html"), "utf8"), /Tram line delayed to 2031/, "the home page waits");
    const finished = await builder.update([]);
    assert.equal(finished.interrupted, false);
    assert.match(readFileSync(path.join(previewDir, "index.html"), "utf8"), /Tram line delayed to 2031/);
    const outputDir = path.join(rootDir, "fresh");
    await buildSite({ rootDir, outputDir, isPreview: true, now: NOW });
    assertLikeFreshPreview(previewDir, outputDir, "once the interrupted update has finished");
  });
});

describe("PreviewServer", () => {
  test("serves pages with the live-reload script, 404.html for what is missing, nothing outside the site, and announces changes", async () => {
    // The site in a folder of its own, so that the file outside it is in a temporary folder too.
    const parent = temporaryFolder("newsroom-preview-");
    const siteDir = path.join(parent, "site");
    mkdirSync(siteDir);
    writeFileSync(path.join(siteDir, "index.html"), "<!doctype html><html><body><h1>Home</h1></body></html>");
    writeFileSync(path.join(siteDir, "404.html"), "<!doctype html><html><body><h1>Not here</h1></body></html>");
    writeFileSync(path.join(siteDir, "feed.xml"), "<rss/>");
    writeFileSync(path.join(path.dirname(siteDir), "secret.txt"), "outside");
    const server = new PreviewServer(siteDir);
    const origin = (await server.listen(0)).replace(/\/$/, "");
    try {
      const home = await fetch(`${origin}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get("content-type") ?? "", /text\/html/);
      const html = await home.text();
      assert.match(html, /<h1>Home<\/h1><script>/);
      assert.match(html, /new EventSource\("\/__newsroom\/events"\)/);
      const feed = await fetch(`${origin}/feed.xml`);
      assert.equal(feed.headers.get("content-type"), "application/xml; charset=utf-8");
      assert.equal(await feed.text(), "<rss/>");
      const missing = await fetch(`${origin}/news/nothing/`);
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /Not here/);
      const outside = await fetch(`${origin}/..%2fsecret.txt`);
      assert.equal(outside.status, 404);
      assert.doesNotMatch(await outside.text(), /outside/);
      // A broken %-escape is the request's problem, not the preview's: it answers, and goes on answering.
      assert.equal((await fetch(`${origin}/news/%E0%A4%A/`)).status, 400);
      assert.equal((await fetch(`${origin}/`)).status, 200);

      const events = await fetch(`${origin}/__newsroom/events`);
      const reader = events.body!.getReader();
      await reader.read(); // ": connected"
      server.pagesChanged(["/news/x/"]);
      server.problems("content/articles/x.md:3:1 error unknown author");
      let received = "";
      while (!received.includes("event: problems")) received += new TextDecoder().decode((await reader.read()).value);
      assert.match(received, /event: pages\ndata: \["\/news\/x\/"\]\n\n/);
      assert.match(received, /event: problems\ndata: "content\/articles\/x.md:3:1 error unknown author"\n\n/);
      await reader.cancel();
    } finally {
      await server.close();
    }
  });

  test("close() ends the live-reload streams and kept-alive connections at once, and the port stops answering", async () => {
    const siteDir = temporaryFolder("newsroom-preview-close-");
    writeFileSync(path.join(siteDir, "index.html"), "<!doctype html><html><body><h1>Home</h1></body></html>");
    const server = new PreviewServer(siteDir);
    const origin = (await server.listen(0)).replace(/\/$/, "");
    const events = await fetch(`${origin}/__newsroom/events`);
    const reader = events.body!.getReader();
    await reader.read(); // ": connected"
    assert.equal((await fetch(`${origin}/`)).status, 200, "a kept-alive connection is open too");
    const closing = performance.now();
    await server.close();
    assert.ok(performance.now() - closing < 2000, "closed without waiting for the browser");
    assert.equal((await reader.read()).done, true, "the event stream ended");
    await assert.rejects(fetch(`${origin}/`), "nothing answers on the port");
  });
});
