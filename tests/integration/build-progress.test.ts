import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, test } from "node:test";
import { buildSite } from "../../src/site-builder/build-site.ts";
import type { Progress } from "../../src/site-builder/progress.ts";
import { copyOfBasicSite } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00Z");

interface StageRecord {
  name: string;
  total: number | undefined;
  advanced: number;
  /** How many times it was ended (once, always). */
  ended: number;
}

/** A progress that records every stage, and the order stages began and ended in. */
function recordingProgress() {
  const stages: StageRecord[] = [];
  const events: string[] = [];
  const progress: Progress = {
    stage(name, total) {
      const record: StageRecord = { name, total, advanced: 0, ended: 0 };
      stages.push(record);
      events.push(`+${name}`);
      return {
        advance: (count = 1) => void (record.advanced += count),
        done: () => {
          record.ended++;
          events.push(`-${name}`);
        },
      };
    },
  };
  return { progress, stages, events, stage: (name: string) => stages.find((stage) => stage.name === name) };
}

describe("what a build says it is doing", () => {
  test("a cold build: every stage that works item by item counts to its total and ends once, each as its work ends", async () => {
    const { rootDir, outputDir, markdownFiles } = copyOfBasicSite(NOW);
    const { progress, stages, events, stage } = recordingProgress();
    const result = await buildSite({ rootDir, outputDir, now: NOW, progress });
    assert.equal(result.mode, "cold");
    // The stages of a 100,000-article build that last more than a few seconds, each with done/total.
    const counted = ["inputs", "read", "frontmatter", "markdown", "articles", "plan", "state", "pages", "search", "files"];
    for (const name of counted) {
      const found = stage(name);
      assert.ok(found, `the build reports a "${name}" stage`);
      assert.ok(found.total !== undefined && found.total > 0, `"${name}" says how much it has to do`);
      assert.equal(found.advanced, found.total, `"${name}" counts to its total`);
    }
    for (const found of stages) assert.equal(found.ended, 1, `"${found.name}" ends once`);
    // Every Markdown file is read, then parsed: every folder is read before any is parsed.
    assert.equal(stage("read")!.total, markdownFiles);
    assert.equal(stage("frontmatter")!.total, markdownFiles);
    // The plan hashes each article built, then keys each page.
    assert.equal(stage("plan")!.total, stage("articles")!.total! + result.rendered);
    assert.equal(stage("pages")!.total, result.rendered);
    const at = (event: string) => events.indexOf(event);
    // With no record of the last build's inputs, every file is read to know it again (2-18 s at 100,000 articles).
    assert.ok(at("-inputs") < at("+content"), "the inputs are checked before the content is loaded");
    assert.ok(at("-read") < at("+frontmatter"), "reading ends before parsing begins");
    // Once the last body is rendered, not when the plan is made.
    assert.ok(at("-markdown") < at("+articles") && at("-articles") < at("-content"), "the Markdown stage ends within the content's, then the articles are built");
    assert.ok(at("-content") < at("+plan") && at("-plan") < at("+pages"), "the plan is its own stage, between the content and the pages");
    assert.ok(at("-pages") < at("+files") && at("-files") < at("+commit"), "the other files are written after the pages, before the commit");
    rmSync(rootDir, { recursive: true, force: true });
  });

  test("an edit's build: the files kept from the last build count towards the frontmatter's total too", async () => {
    const { rootDir, outputDir, markdownFiles, file } = copyOfBasicSite(NOW);
    await buildSite({ rootDir, outputDir, now: NOW });
    writeFileSync(file("articles/bridge-repairs.md"), `${readFileSync(file("articles/bridge-repairs.md"), "utf8").trimEnd()}\n\nUpdate.\n`);
    const { progress, stages, stage } = recordingProgress();
    assert.equal((await buildSite({ rootDir, outputDir, now: NOW, progress })).mode, "incremental");
    for (const name of ["inputs", "read", "frontmatter"]) assert.ok(stage(name), `an edit's build reports a "${name}" stage`);
    for (const name of ["read", "frontmatter"]) assert.deepEqual({ total: stage(name)?.total, advanced: stage(name)?.advanced }, { total: markdownFiles, advanced: markdownFiles }, name);
    for (const found of stages) {
      assert.equal(found.ended, 1, `"${found.name}" ends once`);
      if (found.total !== undefined) assert.equal(found.advanced, found.total, `"${found.name}" counts to its total`);
    }
    rmSync(rootDir, { recursive: true, force: true });
  });
});
