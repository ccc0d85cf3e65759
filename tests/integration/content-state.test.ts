import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import v8 from "node:v8";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { siteStateFiles } from "../../src/site-builder/site-state.ts";
import { readContentState, readContentStateWhileWanted } from "../../src/site-builder/content-state.ts";
import { PageKeys } from "../../src/site-builder/page-keys.ts";
import { ContentStore } from "../../src/eleventy/content-store.ts";
import { copyOfBasicSite as copyOfFixture, siteContents } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00Z");
const copyOfBasicSite = () => copyOfFixture(NOW);

/** How many objects of the class named `className` this process holds, after a full collection (a heap snapshot takes one first). */
function liveInstancesOf(className: string): number {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-heap-"));
  try {
    const snapshot = JSON.parse(readFileSync(v8.writeHeapSnapshot(path.join(dir, "heap.heapsnapshot")), "utf8")) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
    const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
    const [typeAt, nameAt] = [fields.indexOf("type"), fields.indexOf("name")];
    let count = 0;
    for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
      if (types[snapshot.nodes[node + typeAt]!] === "object" && snapshot.strings[snapshot.nodes[node + nameAt]!] === className) count++;
    }
    return count;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the content state kept between builds", () => {
  test("a file whose stamp is unchanged is not read again; one whose stamp changed is", async () => {
    const { rootDir, build, file, page } = copyOfBasicSite();
    const ferry = file("articles/late-night-ferry.md");
    // A whole second: the stamp keeps the file system's precision, which utimes cannot set back.
    const time = new Date("2026-11-01T00:00:00Z");
    utimesSync(ferry, time, time);
    await build();
    // The same length, the same modification time, the same inode: to the build, the same file.
    const text = readFileSync(ferry, "utf8");
    const title = /^title: "(.*)"$/m.exec(text)![1]!;
    writeFileSync(ferry, text.replace(title, "X".repeat(title.length)));
    utimesSync(ferry, time, time);
    // Something else changed, so that the build runs.
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    await build();
    assert.match(page("news/late-night-ferry"), new RegExp(title), "kept from the state");
    // Touched: read again.
    utimesSync(ferry, time, new Date(time.getTime() + 5000));
    await build();
    assert.match(page("news/late-night-ferry"), /XXXXXXXX/);
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a problem another file causes in a kept file is placed at its line, read again for it", async () => {
    const { rootDir, build, file } = copyOfBasicSite();
    await build();
    unlinkSync(file("authors/city-desk.md"));
    await assert.rejects(build(), (error: Error) => {
      assert.match(error.message, /content\/articles\/late-night-ferry\.md:4:\d+ error: unknown author "city-desk"/);
      return true;
    });
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("an edit writes again only the shard that keeps the edited file's entry, and removes the one it replaces", async () => {
    const { rootDir, outputDir, build, file, page } = copyOfBasicSite();
    await build();
    const stateFile = siteStateFiles(rootDir, outputDir).content;
    const shards = () => readdirSync(path.dirname(stateFile)).filter((name) => /^content-\d+-[0-9a-z]+\.bin$/.test(name));
    const before = shards();
    assert.ok(before.length > 3, `the entries are spread over shards (${before.join(", ")})`);
    const ferry = file("articles/late-night-ferry.md");
    writeFileSync(ferry, `${readFileSync(ferry, "utf8").trimEnd()}\n\nThe last sailing left at 23:40.\n`);
    const result = await build();
    assert.equal(result.mode, "incremental");
    const after = shards();
    const written = after.filter((name) => !before.includes(name));
    const replaced = before.filter((name) => !after.includes(name));
    assert.equal(written.length, 1, `one shard written again (${written.join(", ")})`);
    assert.equal(replaced.length, 1, "the shard it replaces removed");
    const shardOf = (name: string) => name.split("-")[1];
    assert.equal(shardOf(written[0]!), shardOf(replaced[0]!));
    // What the next build reads: the edited body, and every other file's entry from the shards left as they were.
    const state = readContentState(stateFile);
    state.close();
    assert.equal(state.memo.files.size, readdirSync(file("articles")).length + readdirSync(file("authors")).length + readdirSync(file("pages")).length);
    const edited = state.memo.bodies.get(state.memo.files.get(ferry)!.outcome as object)!;
    assert.match(edited.body.readHtml!(), /The last sailing left at 23:40\./);
    assert.match(page("news/late-night-ferry"), /The last sailing left at 23:40\./);
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("the hashes it keeps of each article are the ones a build without it works out", async () => {
    const { rootDir, outputDir, build } = copyOfBasicSite();
    await build();
    const state = readContentState(siteStateFiles(rootDir, outputDir).content);
    state.close();
    const keptBySource = new Map<string, unknown>();
    for (const [file, entry] of state.memo.files) {
      const kept = state.memo.kept.get(entry.outcome as object);
      if (kept) keptBySource.set(path.relative(rootDir, file), kept.hashes);
    }
    const model = await new ContentStore({ rootDir, contentDir: "content", isPreview: false, isStrict: false, now: () => NOW }).reload();
    const keys = new PageKeys("any");
    assert.ok(model.articles.length > 3);
    for (const article of model.articles) {
      keys.articleHash(article);
      assert.deepEqual(keptBySource.get(article.sourcePath), keys.known.get(article), article.sourcePath);
    }
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a build that loads every file asks for a collection once, when its parses are let go (before the plan); an edit's build never does; one that renders every page from its state, once it knows", async () => {
    const { rootDir, outputDir, file } = copyOfBasicSite();
    let events: string[] = [];
    const progress = { stage: (name: string) => {
      events.push(name);
      return { advance() {}, done() {} };
    } };
    const build = () => {
      events = [];
      return buildSite({ rootDir, outputDir, now: NOW, progress, collectGarbage: () => events.push("collect") });
    };
    assert.equal((await build()).mode, "cold");
    assert.equal(events.filter((event) => event === "collect").length, 1);
    const at = (event: string) => events.indexOf(event);
    assert.ok(at("content") < at("collect") && at("collect") < at("plan"), events.join(", "));
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    assert.equal((await build()).mode, "incremental");
    assert.ok(!events.includes("collect"), "an edit's build lets little go");
    // New settings: every page again, from the state, known once the plan is made; the heap's growth is limited from then.
    writeFileSync(file("site.yaml"), readFileSync(file("site.yaml"), "utf8").replace(/^name: .*$/m, "name: The Renamed Gazette"));
    assert.equal((await build()).mode, "incremental");
    assert.equal(events.filter((event) => event === "collect").length, 1);
    assert.ok(at("plan") < at("collect") && at("collect") < at("pages"), events.join(", "));
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a build is told it is large when it is cold, loads every file or renders most pages, not for an edit", async () => {
    const { rootDir, outputDir, file } = copyOfBasicSite();
    let told = 0;
    const build = () => buildSite({ rootDir, outputDir, now: NOW, beforeLargeBuild: () => told++ });
    assert.equal((await build()).mode, "cold");
    assert.equal(told, 1);
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    assert.equal((await build()).mode, "incremental");
    assert.equal(told, 1, "an edit is small");
    // The site's name is on every page.
    writeFileSync(file("site.yaml"), readFileSync(file("site.yaml"), "utf8").replace(/^name: .*$/m, "name: The Renamed Gazette"));
    const renamed = await build();
    assert.ok(renamed.rendered > renamed.fileCount / 4);
    assert.equal(told, 2, "new settings render every page");
    // No state (new code discards it): every file is loaded again, however little is rendered.
    rmSync(siteStateFiles(rootDir, outputDir).content);
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nAnother update.\n`);
    assert.equal((await build()).mode, "incremental");
    assert.equal(told, 3, "loading every file is large");
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a build that loads every file writes its state before the pages and holds no memo while they render; an edit's build writes it after them", async () => {
    const { rootDir, outputDir, file, markdownFiles: files } = copyOfBasicSite();
    const stateFile = siteStateFiles(rootDir, outputDir).content;
    let atPages: { state: Buffer | undefined; memos: number } = { state: undefined, memos: -1 };
    let stages: string[] = [];
    const progress = { stage: (name: string, total?: number) => {
      if (name === "pages") atPages = { state: existsSync(stateFile) ? readFileSync(stateFile) : undefined, memos: liveInstancesOf("ContentMemo") };
      let done = 0;
      // The two stages whose order this is about, the state's with how far it counted.
      return {
        advance: () => void done++,
        done: () => {
          if (name === "state") stages.push(`state ${done}/${total}`);
          else if (name === "pages") stages.push(name);
        },
      };
    } };
    const build = () => {
      stages = [];
      return buildSite({ rootDir, outputDir, now: NOW, progress });
    };
    assert.equal((await build()).mode, "cold");
    const written = readFileSync(stateFile);
    assert.ok(atPages.state?.equals(written), "the state is written before the pages, once");
    // Said as a stage, Markdown file by file (the settings are read afresh each build): at 100,000 articles it takes 10 s.
    assert.deepEqual(stages, [`state ${files}/${files}`, "pages"]);
    // At 10,000 articles the memo was a third of the heap the pages started with.
    assert.equal(atPages.memos, 0, "no content memo is held while the pages render");
    // An edit's build reads the bodies the last state kept as it renders their pages.
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    assert.equal((await build()).mode, "incremental");
    assert.ok(atPages.state?.equals(written), "the last state is as it was when the pages begin");
    assert.equal(atPages.memos, 1, "the memo the state is written from is held");
    assert.ok(!readFileSync(stateFile).equals(written), "written once the pages are rendered");
    assert.deepEqual(stages, ["pages", `state ${files}/${files}`]);
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a cold build that fails as its pages render, its state written, leaves a state the next build rightly starts from", async () => {
    const { rootDir, outputDir, file, page } = copyOfBasicSite();
    const failingRender = { stage: (name: string) => ({
      advance() {
        if (name === "pages") throw new Error("no space left on device");
      },
      done() {},
    }) };
    await assert.rejects(buildSite({ rootDir, outputDir, now: NOW, progress: failingRender }), (error: unknown) => {
      // Eleventy wraps what a render throws.
      const messages: string[] = [];
      for (let current = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined; current; current = (current.originalError ?? current.cause) as typeof current) messages.push(String(current.message));
      return messages.some((message) => message.includes("no space left on device"));
    });
    assert.ok(existsSync(siteStateFiles(rootDir, outputDir).content), "the state was written before the pages");
    writeFileSync(file("articles/tram-extension.md"), readFileSync(file("articles/tram-extension.md"), "utf8").replace(/^title: .*$/m, 'title: "Tram line delayed again"'));
    const result = await buildSite({ rootDir, outputDir, now: NOW });
    assert.equal(result.mode, "cold", "nothing was committed");
    assert.match(page("news/tram-extension"), /Tram line delayed again/);
    const fresh = path.join(rootDir, "_fresh");
    await buildSite({ rootDir, outputDir: fresh, now: NOW, incremental: false });
    assert.deepEqual(siteContents(outputDir), siteContents(fresh), "what a build from nothing writes");
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("the content is read by the stamps the build's input digest took: a file saved during a build is read by the next", async () => {
    const { rootDir, outputDir, build, file, page } = copyOfBasicSite();
    await build();
    const ferry = file("articles/late-night-ferry.md");
    const text = readFileSync(ferry, "utf8");
    const title = /^title: "(.*)"$/m.exec(text)![1]!;
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    // Saved once the build has taken its inputs' stamps, before its content is loaded.
    const saveDuringLoad = { stage: (name: string) => {
      if (name === "content") writeFileSync(ferry, text.replace(title, "Ferry timetable changes tonight"));
      return { advance() {}, done() {} };
    } };
    await buildSite({ rootDir, outputDir, now: NOW, progress: saveDuringLoad });
    // What the build recorded as its inputs is what it showed: the file as it was when its stamp was taken.
    assert.match(page("news/late-night-ferry"), new RegExp(title));
    const next = await build();
    assert.equal(next.mode, "incremental");
    assert.match(page("news/late-night-ferry"), /Ferry timetable changes tonight/);
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a large site's inputs are checked on their own thread while its state is read: nothing changed does nothing, an edit writes what a build from nothing writes", async () => {
    const { rootDir, outputDir, build, file, page, markdownFiles } = copyOfBasicSite();
    await build();
    process.env.NEWSROOM_LARGE_INPUTS_BYTES = "1";
    try {
      // The check's progress, as told: the thread tells of fewer than 2,000 files in one batch, a check here of each file alone.
      const buildTellingChecks = async () => {
        const told: number[] = [];
        const progress = { stage: (name: string) => ({
          advance(count = 1) {
            if (name === "inputs") told.push(count);
          },
          done() {},
        }) };
        return { result: await buildSite({ rootDir, outputDir, now: NOW, progress }), told };
      };
      const unchanged = await buildTellingChecks();
      assert.equal(unchanged.result.mode, "unchanged");
      assert.equal(unchanged.told.length, 1, "checked on the thread");
      assert.ok(unchanged.told[0]! > markdownFiles, `every file checked and told of (${unchanged.told[0]})`);
      const ferry = file("articles/late-night-ferry.md");
      writeFileSync(ferry, `${readFileSync(ferry, "utf8").trimEnd()}\n\nThe last sailing left at 23:40.\n`);
      const { result: edited, told } = await buildTellingChecks();
      assert.deepEqual(told, unchanged.told, "checked on the thread");
      assert.equal(edited.mode, "incremental");
      assert.ok(edited.rendered < 20, `only what the edit changed is rendered (${edited.rendered})`);
      assert.match(page("news/late-night-ferry"), /The last sailing left at 23:40\./);
      const fresh = path.join(rootDir, "_fresh");
      await buildSite({ rootDir, outputDir: fresh, now: NOW, incremental: false });
      assert.deepEqual(siteContents(outputDir), siteContents(fresh), "what a build from nothing writes");
    } finally {
      delete process.env.NEWSROOM_LARGE_INPUTS_BYTES;
      rmSync(rootDir, { recursive: true, force: true });
    }
  });

  test("the state read a shard at a time is the state read at once, and is let go when no longer wanted", async () => {
    const { rootDir, outputDir, build } = copyOfBasicSite();
    await build();
    const stateFile = siteStateFiles(rootDir, outputDir).content;
    const atOnce = readContentState(stateFile);
    atOnce.close();
    const inSteps = await readContentStateWhileWanted(stateFile, () => true);
    assert.ok(inSteps);
    inSteps.close();
    assert.deepEqual([...inSteps.memo.files.keys()].sort(), [...atOnce.memo.files.keys()].sort());
    assert.deepEqual(inSteps.shards.names, atOnce.shards.names);
    const bodiesKept = (state: typeof atOnce) => [...state.memo.files.values()].filter((entry) => state.memo.bodies.has(entry.outcome as object)).length;
    assert.equal(bodiesKept(inSteps), bodiesKept(atOnce));
    assert.ok(atOnce.memo.files.size > 3);
    let asked = 0;
    assert.equal(await readContentStateWhileWanted(stateFile, () => ++asked < 3), undefined);
    assert.equal(asked, 3, "asked before each shard, stopped at the first no");
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("a damaged state is set aside: the content is loaded afresh and the site is still right", async () => {
    const { rootDir, outputDir, build, file, page } = copyOfBasicSite();
    await build();
    writeFileSync(siteStateFiles(rootDir, outputDir).content, "not a state");
    writeFileSync(file("articles/tram-extension.md"), readFileSync(file("articles/tram-extension.md"), "utf8").replace(/^title: .*$/m, 'title: "Tram line delayed again"'));
    const result = await build();
    assert.equal(result.mode, "incremental");
    assert.match(page("news/tram-extension"), /Tram line delayed again/);
    rmSync(rootDir, { recursive: true, force: true });
  });
});
