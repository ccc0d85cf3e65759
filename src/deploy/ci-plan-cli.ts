import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { planCiRun, parseCodePaths } from "./ci-plan.ts";
import { parseDeploymentRecord } from "./deployment-record.ts";

/**
 * The workflow's first step, before `npm ci` (Node 22: `node --experimental-strip-types src/deploy/ci-plan-cli.ts`).
 * Reads GITHUB_EVENT_NAME, GITHUB_SHA, BEFORE (the push's previous commit),
 * CODE_PATHS, LAST_DEPLOYMENT (a file holding the last deployment's record,
 * possibly empty) and NOW (for tests); writes `tests=` and `build=` to
 * GITHUB_OUTPUT (or prints them).
 */
const env = process.env;
const recordFile = env.LAST_DEPLOYMENT;
const plan = planCiRun({
  event: env.GITHUB_EVENT_NAME ?? "workflow_dispatch",
  changedFiles: changedFiles(env.BEFORE, env.GITHUB_SHA),
  codePaths: parseCodePaths(env.CODE_PATHS ?? ""),
  lastDeployment: recordFile && existsSync(recordFile) ? parseDeploymentRecord(readFileSync(recordFile, "utf8")) : undefined,
  commit: env.GITHUB_SHA ?? "",
  now: env.NOW ? new Date(env.NOW) : new Date(),
});
console.log(plan.reason);
const outputs = `tests=${plan.runTests}\nbuild=${plan.build}\n`;
if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, outputs);
else process.stdout.write(outputs);

/** `git diff --name-only before..sha`: needs only the two commits' trees (a shallow fetch of `before` is enough). */
function changedFiles(before: string | undefined, sha: string | undefined): string[] | undefined {
  if (!before || !sha || /^0+$/.test(before)) return undefined;
  try {
    return execFileSync("git", ["diff", "--name-only", "--no-renames", before, sha], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").filter(Boolean);
  } catch {
    return undefined;
  }
}
