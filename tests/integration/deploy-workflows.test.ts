import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { temporaryDir } from "./rclone-target.ts";
import { TYPESCRIPT_FLAGS } from "../../src/loader/node-flags.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CODE_PATHS = ["src/", "layouts/", "public/", "tests/", "bench/", "package*.json", "tsconfig.json", ".eleventy.ts", ".github/workflows/", ".ci/"];

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}

const readWorkflow = (file: string) => parse(readFileSync(path.join(ROOT, ".github/workflows", file), "utf8")) as { on: any; permissions: Record<string, string>; jobs: Record<string, Job> };
const pages = readWorkflow("site.yml");
const objectStorage = readWorkflow("site-object-storage.yml");

/** Positions of the steps matching each predicate, asserting that all are present and in this order. */
function assertStepOrder(steps: Step[], predicates: ((step: Step) => boolean)[], label: string): number[] {
  const order = predicates.map((predicate) => steps.findIndex(predicate));
  assert.ok(order.every((position) => position >= 0), `${label}: all steps present (${order})`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, `${label}: steps in order`);
  return order;
}

const isRun = (command: string) => (step: Step) => step.run === command;
const isCache = (action: "restore" | "save", ...dirs: string[]) => (step: Step) => step.uses?.startsWith(`actions/cache/${action}@`) === true && dirs.every((dir) => step.with?.path?.split("\n").includes(dir) === true);
// The build checks everything a check does, and stops before writing: a check step of its own would load the content twice.
// The commands' compiled form is restored with the content's caches, after `npm ci` (which empties node_modules/).
const CONTENT_CACHES = [".cache/state", "node_modules/.cache/newsroom-commands"];
const BUILD_STEPS = [isRun("npm ci"), isCache("restore", ".cache/images"), isCache("restore", ...CONTENT_CACHES), isRun("npm run build"), isCache("save", ".cache/images"), isCache("save", ...CONTENT_CACHES)];

for (const [file, workflow] of [["site.yml", pages], ["site-object-storage.yml", objectStorage]] as const) {
  describe(`the ${file} workflow`, () => {
    test("runs on pushes to main, every 15 minutes and by hand, one deployment at a time", () => {
      assert.deepEqual(workflow.on.push.branches, ["main"]);
      assert.deepEqual(workflow.on.schedule, [{ cron: "*/15 * * * *" }]);
      assert.ok("workflow_dispatch" in workflow.on);
    });

    test("plans first, from a sparse checkout and Node's type stripping, with the code paths that make a push run the tests", () => {
      const plan = workflow.jobs.plan!;
      assert.equal(plan.needs, undefined);
      assert.deepEqual(plan.steps[0]!.with?.["sparse-checkout"], "src/deploy");
      assert.ok(plan.steps.every((step) => step.run !== "npm ci"), "nothing is installed before the plan");
      const step = plan.steps.find((candidate) => candidate.id === "plan" || candidate.name === "Plan")!;
      assert.equal(step.run, "node --experimental-strip-types src/deploy/ci-plan-cli.ts");
      assert.deepEqual(step.env!.CODE_PATHS!.trim().split("\n"), CODE_PATHS);
      assert.equal(step.env!.BEFORE, "${{ github.event.before }}");
      assert.deepEqual(Object.keys(plan.outputs!).sort(), ["build", "tests"]);
    });

    test("runs the code tests in a job of their own, only when the plan says code changed", () => {
      const tests = workflow.jobs.test!;
      assert.equal(tests.needs, "plan");
      assert.equal(tests.if, "needs.plan.outputs.tests == 'true'");
      assertStepOrder(tests.steps, [isRun("npm ci"), (step) => step.run?.includes("rclone") === true, isRun("npm test")], "test job");
      const others = Object.entries(workflow.jobs).filter(([name]) => name !== "test");
      assert.ok(others.every(([, job]) => job.steps.every((step) => step.run !== "npm test")), "no other job runs the tests");
    });
  });
}

describe("the GitHub Pages workflow (site.yml)", () => {
  test("builds beside the tests: checks, builds with restored caches, saves them, checks the Pages size, uploads", () => {
    const build = pages.jobs.build!;
    assert.equal(build.needs, "plan");
    assert.equal(build.if, "needs.plan.outputs.build == 'true'");
    const order = assertStepOrder(build.steps, [...BUILD_STEPS, isRun("npm run deploy -- --pages"), (step) => step.uses?.startsWith("actions/upload-pages-artifact@") === true && step.with?.path === "_site"], "build job");
    assert.equal(build.steps[order[1]!]!.with!.key, build.steps[order[4]!]!.with!.key, "the image cache is saved under the key it is restored with");
    assert.equal(build.steps[order[2]!]!.with!["restore-keys"], "content-", "the newest content cache is restored");
  });

  test("deploys after the build when the tests passed or were not needed", () => {
    const deploy = pages.jobs.deploy!;
    assert.deepEqual(deploy.needs, ["plan", "test", "build"]);
    assert.match(deploy.if!, /needs\.build\.result == 'success'/);
    assert.match(deploy.if!, /needs\.test\.result != 'failure'/);
    assert.equal(deploy.environment!.name, "github-pages");
    assert.ok(deploy.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
    assert.equal(pages.permissions.pages, "write");
    assert.equal(pages.permissions["id-token"], "write");
  });

  test("a scheduled run reads the record the last deployment published, and stands down when a bucket is configured", () => {
    const plan = pages.jobs.plan!;
    assert.equal(plan.if, "vars.SITE_BUCKET == ''");
    const download = plan.steps.find((step) => step.run?.includes("newsroom-deployment.json"))!;
    assert.equal(download.if, "github.event_name == 'schedule'");
    assert.match(download.run!, /-o last-deployment\.json/);
  });
});

describe("the object storage workflow (site-object-storage.yml)", () => {
  const job = objectStorage.jobs["build-and-deploy"]!;

  test("builds and deploys with rclone after the tests when they ran, at once when they did not", () => {
    assert.deepEqual(job.needs, ["plan", "test"]);
    assert.match(job.if!, /needs\.plan\.outputs\.build == 'true'/);
    assert.match(job.if!, /needs\.test\.result == 'success' \|\| needs\.test\.result == 'skipped'/);
    assertStepOrder(job.steps, [isRun("npm ci"), (step) => step.name === "Install rclone", ...BUILD_STEPS.slice(1), isRun('npm run deploy -- --to "$DEPLOY_TARGET"')], "build-and-deploy job");
  });

  test("configures the rclone remote from variables and secrets, and reads the last record from the bucket on schedule", () => {
    for (const env of [job.env!, objectStorage.jobs.plan!.env!]) {
      assert.equal(env.DEPLOY_TARGET, "site:${{ vars.SITE_BUCKET }}");
      assert.equal(env.RCLONE_CONFIG_SITE_TYPE, "s3");
      assert.equal(env.RCLONE_CONFIG_SITE_SECRET_ACCESS_KEY, "${{ secrets.S3_SECRET_ACCESS_KEY }}");
    }
    assert.equal(objectStorage.jobs.test!.env?.RCLONE_CONFIG_SITE_SECRET_ACCESS_KEY, undefined, "the tests never see the bucket's keys");
    const read = objectStorage.jobs.plan!.steps.find((step) => step.run?.includes("rclone cat"))!;
    assert.equal(read.if, "github.event_name == 'schedule'");
    assert.equal(read.run, 'rclone cat "$DEPLOY_TARGET/.newsroom/deployment.json" > last-deployment.json || true');
    assert.equal(objectStorage.jobs.plan!.if, "vars.SITE_BUCKET != ''");
  });
});

describe("the plan step (src/deploy/ci-plan-cli.ts) as the workflow runs it", () => {
  const cli = path.join(ROOT, "src/deploy/ci-plan-cli.ts");
  const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], { cwd, encoding: "utf8" }).trim();
  const runPlan = (cwd: string, env: Record<string, string>) => {
    const output = path.join(cwd, "github-output");
    writeFileSync(output, "");
    execFileSync(process.execPath, [...TYPESCRIPT_FLAGS, cli], { cwd, env: { ...process.env, GITHUB_OUTPUT: output, CODE_PATHS: CODE_PATHS.join("\n"), ...env }, stdio: "ignore" });
    return Object.fromEntries(readFileSync(output, "utf8").trim().split("\n").map((line) => line.split("=")));
  };

  test("a content-only push skips the tests and builds; a push that touches code runs them", () => {
    const repo = temporaryDir("ci-plan");
    git(repo, "init", "-q");
    writeFileSync(path.join(repo, "story.md"), "one\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first");
    const first = git(repo, "rev-parse", "HEAD");
    writeFileSync(path.join(repo, "story.md"), "two\n");
    git(repo, "commit", "-qam", "content");
    const content = git(repo, "rev-parse", "HEAD");
    assert.deepEqual(runPlan(repo, { GITHUB_EVENT_NAME: "push", BEFORE: first, GITHUB_SHA: content }), { tests: "false", build: "true" });
    writeFileSync(path.join(repo, "package-lock.json"), "{}\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "code");
    const code = git(repo, "rev-parse", "HEAD");
    assert.deepEqual(runPlan(repo, { GITHUB_EVENT_NAME: "push", BEFORE: content, GITHUB_SHA: code }), { tests: "true", build: "true" });
    assert.deepEqual(runPlan(repo, { GITHUB_EVENT_NAME: "push", BEFORE: "0000000000000000000000000000000000000000", GITHUB_SHA: code }), { tests: "true", build: "true" });
  });

  test("a scheduled run builds nothing when nothing is due and main is where the deployment was built, and builds when an article is due", () => {
    const dir = temporaryDir("ci-schedule");
    const record = path.join(dir, "last-deployment.json");
    writeFileSync(record, JSON.stringify({ commit: "abc123", deployedAt: "2026-11-28T09:00:00Z", schedule: { builtAt: "2026-11-28T09:00:00Z", nextPublication: "2026-11-28T12:00:00Z", scheduled: [] } }));
    const schedule = (now: string, sha = "abc123") => runPlan(dir, { GITHUB_EVENT_NAME: "schedule", GITHUB_SHA: sha, LAST_DEPLOYMENT: record, NOW: now });
    assert.deepEqual(schedule("2026-11-28T11:45:00Z"), { tests: "false", build: "false" });
    assert.deepEqual(schedule("2026-11-28T12:00:00Z"), { tests: "false", build: "true" });
    assert.deepEqual(schedule("2026-11-28T11:45:00Z", "def456"), { tests: "false", build: "true" });
    writeFileSync(record, "");
    assert.deepEqual(schedule("2026-11-28T11:45:00Z"), { tests: "false", build: "true" }, "no record: build");
  });
});
