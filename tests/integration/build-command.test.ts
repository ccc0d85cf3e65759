import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { BASIC_IMAGE_CACHE, ROOT } from "./preview-process.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { TYPESCRIPT_FLAGS } from "../../src/loader/node-flags.ts";

const run = promisify(execFile);

describe("npm run build", () => {
  test("builds a new folder, then finds nothing changed, and with --fresh builds everything again", async () => {
    const rootDir = temporaryFolder("newsroom-build-command-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    const build = async (...args: string[]) => {
      const { stdout } = await run(process.execPath, [...TYPESCRIPT_FLAGS, path.join(ROOT, "src/site-builder/cli.ts"), "--now", "2026-11-27T12:00:00Z", ...args], {
        cwd: rootDir,
        env: { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE },
      });
      return stdout.trim();
    };

    const first = await build();
    assert.match(first, /^Built \d+ files into _site\/ in [\d.]+ s$/);
    assert.match(await build(), /^Nothing changed since the last build: _site\/ is up to date in [\d.]+ s$/);
    const fresh = await build("--fresh");
    assert.match(fresh, /^Built \d+ files into _site\/ in [\d.]+ s$/);
    assert.equal(fresh.match(/\d+ files/)![0], first.match(/\d+ files/)![0], "the same files as the first build");
  });

  test("renders without Eleventy's module resolve hook, which would send every later import through a loader thread", async () => {
    const rootDir = temporaryFolder("newsroom-build-hooks-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    // Imported before the TypeScript hooks: tells of every module hook registered after it, ours first.
    const probe = 'import m from "node:module"; const register = m.register; m.register = (specifier, ...rest) => { process.stderr.write("module hook: " + specifier + "\\n"); return register.call(m, specifier, ...rest); }; m.syncBuiltinESMExports();';
    const { ELEVENTY_SKIP_ESM_RESOLVER: _inherited, ...env } = process.env;
    const { stdout, stderr } = await run(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, ...TYPESCRIPT_FLAGS, path.join(ROOT, "src/site-builder/cli.ts"), "--now", "2026-11-27T12:00:00Z"], {
      cwd: rootDir,
      env: { ...env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE },
    });
    assert.match(stdout, /^Built \d+ files into _site\//);
    const hooks = stderr.split("\n").filter((line) => line.startsWith("module hook: "));
    assert.deepEqual(hooks, ["module hook: ./typescript-hooks.mjs"]);
  });
});
