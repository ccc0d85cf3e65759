import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { FIXTURE_SITES } from "./build-fixture.ts";
import { BASIC_IMAGE_CACHE, ROOT } from "./preview-process.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { RUN_COMMAND, TYPESCRIPT_FLAGS } from "../../src/loader/node-flags.ts";

const run = promisify(execFile);
/** What `npm run build` runs: the command's compiled form (src/loader/run.mjs). */
const BUILD_COMMAND = [RUN_COMMAND, path.join(ROOT, "src/site-builder/cli.ts")];
/** Imported first (`--import`): tells on stderr of every module hook registered after it ("module hook: <specifier>"). */
const HOOK_PROBE = `data:text/javascript,${encodeURIComponent('import m from "node:module"; const register = m.register; m.register = (specifier, ...rest) => { process.stderr.write("module hook: " + specifier + "\\n"); return register.call(m, specifier, ...rest); }; m.syncBuiltinESMExports();')}`;

describe("npm run build", () => {
  test("builds a new folder, then finds nothing changed, and with --fresh builds everything again", async () => {
    const rootDir = temporaryFolder("newsroom-build-command-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    const build = async (...args: string[]) => {
      const { stdout } = await run(process.execPath, [...BUILD_COMMAND, "--now", "2026-11-27T12:00:00Z", ...args], {
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

  test("a mistyped option is told in a line with the option meant, and --help prints the usage", async () => {
    const rootDir = temporaryFolder("newsroom-build-usage-");
    const mistyped = await run(process.execPath, [...BUILD_COMMAND, "--prevew"], { cwd: rootDir }).then(
      () => assert.fail("the build ran"),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.equal(mistyped.code, 2);
    assert.match(mistyped.stderr, /^unknown option --prevew \(did you mean --preview\?\); the options are --preview, --strict/);
    assert.match(mistyped.stderr, /\nusage: npm run build \[-- --fresh\]/);
    assert.doesNotMatch(mistyped.stderr, /\n\s+at /, "no stack trace");
    assert.ok(!existsSync(path.join(rootDir, "_site")), "nothing built");
    const help = await run(process.execPath, [...BUILD_COMMAND, "--help"], { cwd: rootDir });
    assert.match(help.stdout, /^usage: npm run build/);
  });

  test("renders without Eleventy's module resolve hook, which would send every later import through a loader thread", async () => {
    const rootDir = temporaryFolder("newsroom-build-hooks-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    const { ELEVENTY_SKIP_ESM_RESOLVER: _inherited, ...env } = process.env;
    const { stdout, stderr } = await run(process.execPath, ["--import", HOOK_PROBE, ...TYPESCRIPT_FLAGS, path.join(ROOT, "src/site-builder/cli.ts"), "--now", "2026-11-27T12:00:00Z"], {
      cwd: rootDir,
      env: { ...env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE },
    });
    assert.match(stdout, /^Built \d+ files into _site\//);
    const hooks = stderr.split("\n").filter((line) => line.startsWith("module hook: "));
    assert.deepEqual(hooks, ["module hook: ./typescript-hooks.mjs"]);
  });

  test("runs compiled, with no module hook, and writes the files the sources write through the hooks", async () => {
    const rootDir = temporaryFolder("newsroom-build-compiled-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    // Eleventy's own resolve hook would show too, were the build not to keep it out.
    const { ELEVENTY_SKIP_ESM_RESOLVER: _inherited, ...inherited } = process.env;
    const env = { ...inherited, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE };
    const compiled = await run(process.execPath, ["--import", HOOK_PROBE, ...BUILD_COMMAND, "--now", "2026-11-27T12:00:00Z", "--output", "compiled"], { cwd: rootDir, env });
    assert.match(compiled.stdout, /^Built \d+ files into compiled\//);
    assert.deepEqual(compiled.stderr.split("\n").filter((line) => line.startsWith("module hook: ")), [], "no module hook: every module loads as Node loads it");
    await run(process.execPath, [...TYPESCRIPT_FLAGS, path.join(ROOT, "src/site-builder/cli.ts"), "--now", "2026-11-27T12:00:00Z", "--output", "sources"], { cwd: rootDir, env });
    const compiledFiles = filesUnder(path.join(rootDir, "compiled"));
    assert.ok(compiledFiles.includes("news/council-budget/index.html"), "the article pages are rendered by the compiled layouts");
    assert.deepEqual(compiledFiles, filesUnder(path.join(rootDir, "sources")));
    for (const file of compiledFiles) {
      assert.ok(readFileSync(path.join(rootDir, "compiled", file)).equals(readFileSync(path.join(rootDir, "sources", file))), `${file} is the same`);
    }
  });

  test("runs from its sources, with a note, where its compiled form cannot be kept", async () => {
    const rootDir = temporaryFolder("newsroom-build-uncompiled-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    // A folder inside a file: no user can write there, root included.
    writeFileSync(path.join(rootDir, "not-a-folder"), "");
    const { stdout, stderr } = await run(process.execPath, [...BUILD_COMMAND, "--now", "2026-11-27T12:00:00Z"], {
      cwd: rootDir,
      env: { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE, NEWSROOM_COMMANDS_CACHE: path.join(rootDir, "not-a-folder", "commands") },
    });
    assert.match(stdout, /^Built \d+ files into _site\//);
    assert.match(stderr, /note: the compiled form of .*cli\.ts could not be kept \(ENOTDIR\); running it from its sources/);
  });

  test("an edit of a site whose content state is large is built in a child process with larger young-generation semi-spaces", async () => {
    const rootDir = temporaryFolder("newsroom-build-edit-heap-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    // Tells of each process's semi-space flag, the child's included (it is started with this process's flags).
    const probe = 'const flag = process.execArgv.find((arg) => arg.startsWith("--max-semi-space-size")); if (flag) process.stderr.write("semi-space: " + flag + "\\n");';
    const build = async (...args: string[]) => {
      const { stdout, stderr } = await run(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, ...BUILD_COMMAND, "--now", "2026-11-27T12:00:00Z", ...args], {
        cwd: rootDir,
        // Every state is large here.
        env: { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE, NEWSROOM_LARGE_STATE_BYTES: "1" },
      });
      return { stdout: stdout.trim(), flags: stderr.split("\n").filter((line) => line.startsWith("semi-space: ")) };
    };

    const cold = await build();
    assert.match(cold.stdout, /^Built \d+ files into _site\//);
    assert.deepEqual(cold.flags, [], "a cold build reads no state: it runs as started");
    const article = path.join(rootDir, "content", "articles", "council-budget.md");
    writeFileSync(article, readFileSync(article, "utf8").replace(/^dek: .*$/m, 'dek: "The council agreed its budget late on Thursday."'));
    const edit = await build();
    assert.match(edit.stdout, /^Updated _site\/: \d+ files written, \d+ deleted, \d+ unchanged in [\d.]+ s$/, "the child's report, once");
    assert.deepEqual(edit.flags, ["semi-space: --max-semi-space-size=128"]);
    assert.deepEqual((await build("--fresh")).flags, [], "--fresh reads no state");
  });

  test("a signal that stops a relaunched build stops its child too", async () => {
    const rootDir = temporaryFolder("newsroom-build-edit-heap-signal-");
    cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
    const cli = [...BUILD_COMMAND, "--now", "2026-11-27T12:00:00Z"];
    const env = { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE, NEWSROOM_LARGE_STATE_BYTES: "1" };
    await run(process.execPath, cli, { cwd: rootDir, env });
    // The relaunched child tells its pid, then waits there for ever (before it builds anything).
    const pidFile = path.join(rootDir, "child.pid");
    const probe = `import { writeFileSync } from "node:fs"; if (process.env.NEWSROOM_EDIT_HEAP) { writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000); await new Promise(() => {}); }`;
    const parent = spawn(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, ...cli], { cwd: rootDir, env, stdio: "ignore" });
    const exited = once(parent, "exit");
    // Read once it holds a pid: the file exists, empty, for a moment before it is written, and Number("") is 0, which
    // `process.kill` takes as this whole process group (the test runner and the CI job around it).
    const childPid = await eventually(() => (existsSync(pidFile) ? positivePid(readFileSync(pidFile, "utf8")) : undefined));
    try {
      parent.kill("SIGTERM");
      const [code] = await exited;
      assert.equal(code, 128 + 15, "the parent exits as its child did: stopped by SIGTERM");
      await eventually(() => (isRunning(childPid) ? undefined : true));
    } finally {
      // A child left running would wait for ever.
      if (isRunning(childPid)) process.kill(childPid, "SIGKILL");
    }
  });
});

/** Every file under `dir`, as paths relative to it, in order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The value `check` gives once it gives one (checked every 50 ms, for up to 30 s). */
async function eventually<T>(check: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("timed out waiting");
}

/** A pid as written, or undefined while it is not one (an empty file). */
function positivePid(text: string): number | undefined {
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
