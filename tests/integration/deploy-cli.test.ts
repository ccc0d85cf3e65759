import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { rcloneEnv, rcloneSkipReason, temporaryDir } from "./rclone-target.ts";
import { RUN_COMMAND } from "../../src/loader/node-flags.ts";

const CLI = fileURLToPath(new URL("../../src/deploy/cli.ts", import.meta.url));
const SCHEDULE = { builtAt: "2026-11-28T09:00:00.000Z", nextPublication: null, scheduled: [] };

/** A built site as the build leaves it: `site/` with `schedule.json` beside it. */
function builtSite(): string {
  const root = temporaryDir("deploy-cli");
  mkdirSync(path.join(root, "site", "news", "x"), { recursive: true });
  writeFileSync(path.join(root, "site", "index.html"), "<!doctype html><title>Home</title>");
  writeFileSync(path.join(root, "site", "news", "x", "index.html"), "<!doctype html><title>X</title>");
  writeFileSync(path.join(root, "schedule.json"), JSON.stringify(SCHEDULE));
  return path.join(root, "site");
}

const deploy = (args: string[]) => spawnSync(process.execPath, [RUN_COMMAND, CLI, ...args], { encoding: "utf8", env: rcloneEnv() });

describe("npm run deploy", () => {
  test("--pages fails on a site over 1 GB, naming its size and the way to object storage, and writes nothing", () => {
    const site = builtSite();
    writeFileSync(path.join(site, "video.mp4"), "");
    truncateSync(path.join(site, "video.mp4"), 1_100_000_000);
    const result = deploy(["--pages", "--site", site, "--commit", "abc"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is 1\.10 GB in 3 files .*over GitHub Pages' limit of 1\.00 GB/s);
    assert.match(result.stderr, /npm run deploy -- --to <rclone remote:path>/);
  });

  test("--pages on a small site adds the record of its commit and schedule for the scheduled runs", () => {
    const site = builtSite();
    const result = deploy(["--pages", "--site", site, "--commit", "abc"]);
    assert.equal(result.status, 0, result.stderr);
    const record = JSON.parse(readFileSync(path.join(site, "newsroom-deployment.json"), "utf8"));
    assert.deepEqual([record.commit, record.schedule], ["abc", SCHEDULE]);
  });

  test("--to a folder uploads the site and says what it did", { skip: rcloneSkipReason() }, () => {
    const site = builtSite();
    const target = path.join(temporaryDir("deploy-cli-target"), "bucket");
    const first = deploy(["--to", target, "--site", site, "--commit", "abc"]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /deployed to .*: 2 uploaded, 0 deleted/);
    assert.equal(readFileSync(path.join(target, "news", "x", "index.html"), "utf8"), "<!doctype html><title>X</title>");
    assert.match(deploy(["--to", target, "--site", site]).stdout, /0 uploaded, 0 deleted/);
  });

  test("without a target it says how to give one", () => {
    const result = deploy(["--site", builtSite()]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--to <remote:path> or --pages/);
  });
});
