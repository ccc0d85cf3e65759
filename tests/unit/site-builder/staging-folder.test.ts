import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { createStagingFolder, removeStaleStagingFolders, swapIn } from "../../../src/site-builder/staging-folder.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

/** The pid of a process that has run and ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

/** The pid of a process that runs until the test file ends. */
function livePid(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
  after(() => child.kill("SIGKILL"));
  return child.pid!;
}

/** A folder beside which `site` is built, with folders named as given, each holding one file. */
function parentWith(...names: string[]): { parent: string; outputDir: string } {
  const parent = temporaryFolder("newsroom-staging-");
  for (const name of names) {
    mkdirSync(path.join(parent, name));
    writeFileSync(path.join(parent, name, "index.html"), name);
  }
  return { parent, outputDir: path.join(parent, "site") };
}

describe("staging folders", () => {
  test("are named after their output and their owner's pid", async () => {
    const { parent, outputDir } = parentWith();
    const stagingDir = await createStagingFolder(outputDir);
    assert.match(path.basename(stagingDir), new RegExp(`^\\.build-staging-site-${process.pid}-[A-Za-z0-9]{6}$`));
    await swapIn(stagingDir, outputDir);
    assert.deepEqual(readdirSync(parent), ["site"]);
  });

  test("a dead owner's staging and -previous folders are removed; a live owner's, another output's and this process's own are kept", async () => {
    const dead = deadPid();
    const live = livePid();
    const { parent, outputDir } = parentWith("site", `.build-staging-site-${dead}-abc123`, `.build-staging-site-${dead}-abc123-previous`, `.build-staging-site-${live}-def456`, `.build-staging-other-${dead}-ghi789`);
    const own = await createStagingFolder(outputDir);
    const removed = await removeStaleStagingFolders(outputDir);
    assert.deepEqual(removed.map((dir) => path.basename(dir)).sort(), [`.build-staging-site-${dead}-abc123`, `.build-staging-site-${dead}-abc123-previous`]);
    assert.deepEqual(readdirSync(parent).sort(), [`.build-staging-other-${dead}-ghi789`, `.build-staging-site-${live}-def456`, path.basename(own), "site"].sort());
    assert.equal(readFileSync(path.join(outputDir, "index.html"), "utf8"), "site", "the output is untouched");
  });

  test("folders named before owners were recorded are removed", async () => {
    const { parent, outputDir } = parentWith("site", ".build-staging-site-Xy12Zq", ".build-staging-site-Xy12Zq-previous");
    await removeStaleStagingFolders(outputDir);
    assert.deepEqual(readdirSync(parent), ["site"]);
  });

  test("a folder with this process's pid that this process did not make is a killed build's (containers reuse pids)", async () => {
    const { parent, outputDir } = parentWith(`.build-staging-site-${process.pid}-abc123`);
    await removeStaleStagingFolders(outputDir);
    assert.deepEqual(readdirSync(parent), []);
  });

  test("a swap killed between its renames: the previous site is put back as the output, the unfinished one removed", async () => {
    const dead = deadPid();
    const { parent, outputDir } = parentWith(`.build-staging-site-${dead}-abc123`, `.build-staging-site-${dead}-abc123-previous`);
    await removeStaleStagingFolders(outputDir);
    assert.deepEqual(readdirSync(parent), ["site"]);
    assert.equal(readFileSync(path.join(outputDir, "index.html"), "utf8"), `.build-staging-site-${dead}-abc123-previous`);
    assert.equal(existsSync(path.join(parent, `.build-staging-site-${dead}-abc123`)), false);
  });
});
