import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import { deployToObjectStorage } from "../../src/deploy/deploy.ts";
import { RcloneError, rcloneRunner, type RcloneRunner } from "../../src/deploy/rclone.ts";
import { siteContents } from "./build-fixture.ts";
import { buildSiteVersions, type SiteVersions } from "./deploy-site-versions.ts";
import { copyFolder, emptyFolders, rcloneEnv, rcloneSkipReason, targetContents, temporaryDir } from "./rclone-target.ts";

const skip = rcloneSkipReason();
let sites: SiteVersions;
let real: RcloneRunner;
before(async () => {
  if (skip) return;
  sites = await buildSiteVersions();
  real = rcloneRunner({ env: rcloneEnv() });
});

const deploy = (siteDir: string, target: string, rclone: RcloneRunner, uploadArgs: string[] = []) =>
  deployToObjectStorage({ siteDir, target, rclone, record: { commit: "c0ffee", schedule: null }, uploadArgs });

function assertTargetHolds(target: string, site: string, message: string): void {
  assert.deepEqual(targetContents(target), siteContents(site), `${message}: the target holds the site byte for byte`);
  assert.deepEqual(emptyFolders(target), [], `${message}: no empty folder is left behind`);
}

/** The real runner, but the call numbered `failAt` fails without running, as if the deploy had been stopped there. */
function failingAt(failAt: number): RcloneRunner {
  let call = 0;
  return (args, options) => (call++ === failAt ? Promise.reject(new Error(`stopped before rclone ${args[0]}`)) : real(args, options));
}

describe("an interrupted deploy, run again, converges", { skip }, () => {
  const root = temporaryDir("deploy-interrupted");
  const deployed = path.join(root, "deployed");
  const target = path.join(root, "bucket");
  let calls: string[];

  before(async () => {
    if (skip) return;
    // The target with the "added" site deployed; each case starts from a copy of it.
    await deploy(sites.added, deployed, real);
    // A deploy of "removed" from there uploads, deletes and empties folders: every kind of step.
    copyFolder(deployed, target);
    calls = [];
    await deploy(sites.removed, target, (args, options) => (calls.push(args[0]!), real(args, options)));
    assert.ok(["copy", "delete", "rmdirs", "rcat"].every((command) => calls.includes(command)), calls.join(" "));
  });

  test("stopped before any one of its rclone runs and run again, the deploy leaves the target holding the new site", async () => {
    for (let failAt = 0; failAt < calls.length; failAt++) {
      copyFolder(deployed, target);
      await assert.rejects(deploy(sites.removed, target, failingAt(failAt)), /stopped before/);
      await deploy(sites.removed, target, real);
      assertTargetHolds(target, sites.removed, `stopped before ${calls[failAt]} (run ${failAt})`);
    }
  });

  test("stopped anywhere and followed by a deploy of the previous site, the target holds the previous site", async () => {
    // The manifest on the target still describes the previous site: only the paths noted as unsettled tell what changed.
    for (let failAt = 0; failAt < calls.length; failAt++) {
      copyFolder(deployed, target);
      await assert.rejects(deploy(sites.removed, target, failingAt(failAt)), /stopped before/);
      await deploy(sites.added, target, real);
      assertTargetHolds(target, sites.added, `stopped before ${calls[failAt]} (run ${failAt})`);
    }
  });

  test("a first deploy whose rclone is killed mid-upload converges when run again", async () => {
    const fresh = path.join(root, "fresh-bucket");
    // Every upload still running 300 ms after it started is killed: the images' one at least.
    const killing = rcloneRunner({
      env: rcloneEnv(),
      onSpawn: (child, args) => {
        if (args[0] === "copy") setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 300);
      },
    });
    // Slowed down, so that the kill lands while the images are being written.
    const error = await deploy(sites.added, fresh, killing, ["--bwlimit", "50k", "--transfers", "1"]).catch((caught: unknown) => caught);
    assert.ok(error instanceof RcloneError && error.exitCode === null, `rclone was killed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    const report = await deploy(sites.added, fresh, real);
    assert.ok(report.uploaded.length > 0 && report.isFirstDeploy);
    assertTargetHolds(fresh, sites.added, "after the kill");
  });
});
