import assert from "node:assert/strict";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { writeBuildInputs } from "../../../src/site-builder/input-digest.ts";
import { checkInputs, startInputsCheck, type InputsCheck, type InputsCheckJob } from "../../../src/site-builder/inputs-check.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

const SETTINGS = { isPreview: false, isStrict: false, search: null, outputDir: "/site" };

/** A content folder of `count` articles, and where its record is kept (none yet). */
function contentFolder(count: number): InputsCheckJob {
  const root = temporaryFolder("newsroom-inputs-check-");
  const contentDir = path.join(root, "content");
  mkdirSync(path.join(contentDir, "articles"), { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(path.join(contentDir, "articles", `story-${n}.md`), `---\ntitle: "Story ${n}"\n---\nBody ${n}.\n`);
  return { inputsFile: path.join(root, "inputs.json"), contentDir, settings: SETTINGS };
}

/** Records the check's inputs as a build does, so that the next check compares with them. */
function record(job: InputsCheckJob, check: InputsCheck): void {
  writeBuildInputs(job.inputsFile, { ...check.inputs, validUntil: null });
}

/** The check on its own thread (every record counts as large), with the files it told of. */
async function checkOnThread(job: InputsCheckJob): Promise<{ check: InputsCheck; told: number; total: number; onThread: boolean }> {
  process.env.NEWSROOM_LARGE_INPUTS_BYTES = "1";
  try {
    let told = 0;
    let total = 0;
    const started = startInputsCheck(job, (files, count) => {
      total = files;
      told += count;
    });
    return { check: await started.check, told, total, onThread: started.onThread };
  } finally {
    delete process.env.NEWSROOM_LARGE_INPUTS_BYTES;
  }
}

after(() => {
  delete process.env.NEWSROOM_LARGE_INPUTS_BYTES;
});

describe("the check of a build's inputs", () => {
  test("on its own thread finds what the check here finds, and tells of every file", async () => {
    const job = contentFolder(4500);
    record(job, checkInputs(job));
    const story = path.join(job.contentDir, "articles", "story-7.md");
    writeFileSync(story, readFileSync(story, "utf8").replace("Body 7.", "Body 7, edited."));
    const here = checkInputs(job);
    const there = await checkOnThread(job);
    assert.equal(there.onThread, true);
    assert.deepEqual(there.check, here);
    // Each public file counts too: the total is every file the build reads.
    assert.equal(there.told, here.inputs.files.length);
    assert.equal(there.total, here.inputs.files.length);
    assert.ok(here.inputs.files.length > 4500);
  });

  test("a small record is checked here, before the check is returned, each file told of alone", async () => {
    const job = contentFolder(3);
    record(job, checkInputs(job));
    const told: number[] = [];
    const started = startInputsCheck(job, (_total, count) => told.push(count));
    assert.equal(started.onThread, false);
    assert.ok(told.length > 3 && told.every((count) => count === 1), `told of each file before returning (${told.join(", ")})`);
    assert.deepEqual(await started.check, checkInputs(job));
  });

  test("tells the same bytes under new stamps apart from a change: the digest is the record's, the stamps are not", async () => {
    const job = contentFolder(5);
    const first = checkInputs(job);
    record(job, first);
    assert.equal(checkInputs(job).stampsChanged, false);
    const story = path.join(job.contentDir, "articles", "story-2.md");
    utimesSync(story, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
    const { check } = await checkOnThread(job);
    assert.equal(check.inputs.digest, first.inputs.digest);
    assert.deepEqual(check.recorded, { digest: first.inputs.digest, validUntil: null });
    assert.equal(check.stampsChanged, true);
  });

  test("a check that fails on its thread rejects with its error", async () => {
    const job = contentFolder(2);
    record(job, checkInputs(job));
    // Settings the digest cannot write down: the thread's own error comes back.
    await assert.rejects(checkOnThread({ ...job, settings: { ...SETTINGS, limit: 10n } }), /BigInt/);
  });
});
