import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { BASIC_IMAGE_CACHE, ROOT } from "./preview-process.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { TYPESCRIPT_FLAGS } from "../../src/loader/node-flags.ts";

const stagingFolders = (parent: string) => readdirSync(parent).filter((name) => name.startsWith(".build-staging-"));

describe("what killed builds leave beside the output", () => {
  test("the next build removes a killed build's staging folder, and keeps the one of a build still running", async () => {
    const rootDir = temporaryFolder("newsroom-killed-build-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    const env = { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE };

    // `npm run build`, killed outright once it has started writing its staging folder.
    const killed = spawn(process.execPath, [...TYPESCRIPT_FLAGS, path.join(ROOT, "src/site-builder/cli.ts")], { cwd: rootDir, env, stdio: "ignore" });
    const exited = new Promise((resolve) => killed.once("exit", resolve));
    const started = Date.now();
    while (stagingFolders(rootDir).length === 0 && Date.now() - started < 60_000) await delay(5);
    killed.kill("SIGKILL");
    await exited;
    const left = stagingFolders(rootDir);
    assert.equal(left.length, 1, "the killed build left its staging folder");
    assert.match(left[0]!, new RegExp(`^\\.build-staging-_site-${killed.pid}-`));

    // A build that still runs, in another process.
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
    after(() => running.kill("SIGKILL"));
    const runningFolder = `.build-staging-_site-${running.pid}-Ab12Cd`;
    mkdirSync(path.join(rootDir, runningFolder));
    writeFileSync(path.join(rootDir, runningFolder, "index.html"), "being built");

    await buildSite({ rootDir, now: new Date("2026-11-27T12:00:00Z") });
    assert.deepEqual(stagingFolders(rootDir), [runningFolder]);
    assert.ok(readdirSync(path.join(rootDir, "_site")).includes("index.html"), "the build itself succeeded");
  });
});
