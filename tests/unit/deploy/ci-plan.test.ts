import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isCodePath, parseCodePaths, planCiRun, type CiPlanInput } from "../../../src/deploy/ci-plan.ts";

const CODE = parseCodePaths("src/\nlayouts/ public/  # comment\npackage*.json\n.eleventy.ts\n.github/workflows/");
const base: CiPlanInput = { event: "push", changedFiles: [], codePaths: CODE, lastDeployment: undefined, commit: "abc", now: new Date("2026-11-28T12:00:00Z") };

describe("planCiRun", () => {
  test("a push of articles and images only builds and deploys without the code tests", () => {
    const plan = planCiRun({ ...base, changedFiles: ["content/articles/x.md", "content/images/y.jpg"] });
    assert.deepEqual([plan.runTests, plan.build], [false, true]);
  });

  test("a push touching code, the lock file or a workflow runs the tests", () => {
    for (const file of ["src/site-builder/build.ts", "package-lock.json", ".github/workflows/site.yml", ".eleventy.ts"]) assert.equal(planCiRun({ ...base, changedFiles: ["content/a.md", file] }).runTests, true, file);
  });

  test("a push whose changes are unknown runs the tests", () => {
    assert.equal(planCiRun({ ...base, changedFiles: undefined }).runTests, true);
  });

  test("a scheduled run builds only without a record, after main moved, or when an article is due", () => {
    const record = { commit: "abc", deployedAt: "x", schedule: { builtAt: "x", nextPublication: "2026-11-28T12:00:00Z", scheduled: [] } };
    const schedule = (input: Partial<CiPlanInput>) => planCiRun({ ...base, event: "schedule", ...input });
    assert.equal(schedule({}).build, true);
    assert.equal(schedule({ lastDeployment: record, now: new Date("2026-11-28T11:59:00Z") }).build, false);
    assert.equal(schedule({ lastDeployment: record }).build, true);
    assert.equal(schedule({ lastDeployment: { ...record, schedule: null }, now: new Date("2026-11-28T11:59:00Z") }).build, false);
    assert.equal(schedule({ lastDeployment: record, commit: "def", now: new Date("2026-11-28T11:59:00Z") }).build, true);
    assert.equal(schedule({ lastDeployment: record }).runTests, false);
  });
});

describe("isCodePath", () => {
  test("folders hold everything below them; a star matches within one name only", () => {
    assert.equal(isCodePath("src/a/b.ts", CODE), true);
    assert.equal(isCodePath("srcs/a.ts", CODE), false);
    assert.equal(isCodePath("package.json", CODE), true);
    assert.equal(isCodePath("content/package.json", CODE), false);
    assert.equal(isCodePath("content/articles/src.md", CODE), false);
  });
});
