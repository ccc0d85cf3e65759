import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { DevBuilder, type DevUpdate } from "../../src/dev/dev-builder.ts";
import { PREVIEW_OUTPUT_DIR } from "../../src/dev/preview-options.ts";
import { assertLikeFreshPreview, FIXTURE_SITES } from "./build-fixture.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const NOW = new Date("2026-11-27T12:00:00Z");
const BRIDGE = "articles/bridge-repairs.md";
const BRIDGE_PAGE = "/news/bridge-repairs/";

/** A preview of the basic fixture, its first build done, and what each save's update said and in which order. */
async function startPreview(name: string) {
  const rootDir = temporaryFolder(`newsroom-${name}-`);
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  const previewDir = path.join(rootDir, PREVIEW_OUTPUT_DIR);
  const builder = new DevBuilder({ rootDir, contentDir: "content", isPreview: true, now: () => NOW, warn: () => {} }, previewDir);
  await builder.update("all");
  const file = (name: string) => path.join(rootDir, "content", name);
  const page = (url: string) => readFileSync(path.join(previewDir, url, "index.html"), "utf8");
  let fresh = 0;
  return {
    file,
    page,
    edit: (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), "utf8"))),
    /** Saves one file; `events` says whether its page was written before the content was loaded again ("saved", "content") or after. */
    async save(name: string, onSaved: (urls: string[]) => void = () => {}, alsoReported: string[] = []): Promise<{ events: string[]; result: DevUpdate }> {
      const events: string[] = [];
      const result = await builder.update([file(name), ...alsoReported.map(file)], {
        onSavedPages: (urls) => {
          events.push("saved");
          onSaved(urls);
        },
        onContentLoaded: () => events.push("content"),
      });
      return { events, result };
    },
    async assertLikeFreshBuild(step: string) {
      const outputDir = path.join(rootDir, `fresh-${fresh++}`);
      await buildSite({ rootDir, outputDir, isPreview: true, now: NOW });
      assertLikeFreshPreview(previewDir, outputDir, step);
    },
  };
}

describe("the preview writes a saved article's page before it loads the content again", () => {
  test("a save that keeps the article's place: its page first, as the whole load would write it, and the output then as a fresh build's", async () => {
    const preview = await startPreview("saved-first");

    preview.edit(BRIDGE, (text) => `${text.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    const body = await preview.save(BRIDGE, (urls) => {
      assert.deepEqual(urls, [BRIDGE_PAGE]);
      assert.match(preview.page(BRIDGE_PAGE), /the lane reopens on Monday/, "written when announced");
    });
    assert.deepEqual(body.events, ["saved", "content"], "the page is written before the content is loaded again");
    assert.deepEqual(body.result.saved, [BRIDGE_PAGE]);
    // The plan's key for the page is the early page's: it is not rendered again (no other page shows a body).
    assert.equal(body.result.articlesRendered, 0);
    await preview.assertLikeFreshBuild("after a body edit");

    // A headline and dek: the page first; the lists that show them follow.
    preview.edit(BRIDGE, (text) => text.replace(/^title: .*$/m, 'title: "Bridge repairs close two lanes"').replace(/^dek: .*$/m, 'dek: "Works last until April."'));
    const headline = await preview.save(BRIDGE, () => assert.match(preview.page(BRIDGE_PAGE), /Bridge repairs close two lanes/));
    assert.deepEqual(headline.events, ["saved", "content"]);
    assert.ok(headline.result.articlesRendered > 0, "article pages that list the headline are rendered again");
    assert.match(preview.page("/"), /Bridge repairs close two lanes/);
    await preview.assertLikeFreshBuild("after a headline edit");

    // A save by rename: the watcher reports the editor's temporary file too, gone by then.
    preview.edit(BRIDGE, (text) => text.replace("on Monday", "on Tuesday"));
    const renamed = await preview.save(BRIDGE, undefined, [`${BRIDGE}.tmp`, `${BRIDGE}___jb_tmp___`]);
    assert.deepEqual(renamed.events, ["saved", "content"]);
    assert.match(preview.page(BRIDGE_PAGE), /the lane reopens on Tuesday/);
    await preview.assertLikeFreshBuild("after a save by rename");
  });

  test("a save that moves the article in the site, or has a problem, waits for the whole load; a problem leaves the last good page", async () => {
    const preview = await startPreview("saved-later");

    // Another tag: the listings that show it change, so the page waits for the site as it now is.
    preview.edit(BRIDGE, (text) => text.replace(/^tags: .*$/m, "tags: [transport, council]"));
    const moved = await preview.save(BRIDGE);
    assert.deepEqual(moved.events, ["content", "saved"]);
    await preview.assertLikeFreshBuild("after a tag edit");

    // A link to a page the site does not have: nothing of this save is written.
    const good = readFileSync(preview.file(BRIDGE), "utf8");
    preview.edit(BRIDGE, (text) => `${text.trimEnd()}\n\nSee [the closures](/news/no-such-story/) for more.\n`);
    const events: string[] = [];
    await assert.rejects(preview.save(BRIDGE, () => events.push("saved")), /no-such-story/);
    assert.deepEqual(events, []);
    assert.doesNotMatch(preview.page(BRIDGE_PAGE), /the closures/, "the last good page stays");

    // After a load with problems there is no good load to build against: the fix waits for the whole load, the next save does not.
    writeFileSync(preview.file(BRIDGE), `${good.trimEnd()}\n\nUpdate: the lane reopens on Monday.\n`);
    assert.deepEqual((await preview.save(BRIDGE)).events, ["content", "saved"]);
    preview.edit(BRIDGE, (text) => text.replace("on Monday", "on Tuesday"));
    assert.deepEqual((await preview.save(BRIDGE)).events, ["saved", "content"]);
    assert.match(preview.page(BRIDGE_PAGE), /the lane reopens on Tuesday/);
    await preview.assertLikeFreshBuild("after the fix");
  });

  test("an early page the whole load would write otherwise is rendered again, and its open tab told when the update ends", async () => {
    const preview = await startPreview("saved-redone");
    // A card of the article in its own body shows its headline as the last load knew it.
    preview.edit(BRIDGE, (text) => `${text.trimEnd()}\n\n::related{id=bridge-repairs}\n`);
    await preview.save(BRIDGE);
    preview.edit(BRIDGE, (text) => text.replace(/^title: .*$/m, 'title: "Bridge repairs close two lanes"'));
    const renamed = await preview.save(BRIDGE);
    assert.deepEqual(renamed.events, ["saved", "content"]);
    assert.deepEqual(renamed.result.saved, [], "not counted as shown: the tab reloads with the rest");
    assert.ok(renamed.result.articlesRendered >= 1);
    assert.match(preview.page(BRIDGE_PAGE), /related-card__title">Bridge repairs close two lanes</);
    await preview.assertLikeFreshBuild("after a headline its own card shows");
  });
});
