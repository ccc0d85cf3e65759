import type { DeploymentRecord } from "./deployment-record.ts";

/**
 * What one CI run has to do, decided in seconds before anything is installed:
 * - a push runs the code tests only when it changed code (a breaking story
 *   does not wait for tests of code nobody touched), and always builds and deploys;
 * - a scheduled run builds only when something is due: no deployment yet,
 *   main moved since the deployed build, or a scheduled article's time has come.
 * Other triggers (a manual run) do everything.
 *
 * No runtime imports: run by Node's type stripping before `npm ci`.
 */
export interface CiPlanInput {
  event: string;
  /** Files the push changed; undefined when unknown (a new branch, a force push): then tests run. */
  changedFiles: readonly string[] | undefined;
  /** Code path patterns: "src/" a folder, "package*.json" a glob within one folder level. */
  codePaths: readonly string[];
  /** The last deployment's record; undefined when there is none or it cannot be read. */
  lastDeployment: DeploymentRecord | undefined;
  /** The commit this run is for. */
  commit: string;
  now: Date;
}

export interface CiPlan {
  runTests: boolean;
  build: boolean;
  reason: string;
}

export function planCiRun(input: CiPlanInput): CiPlan {
  if (input.event === "schedule") return { runTests: false, ...scheduledBuild(input) };
  if (input.event !== "push") return { runTests: true, build: true, reason: `${input.event}: tests, build and deploy` };
  if (input.changedFiles === undefined) return { runTests: true, build: true, reason: "push: changed files unknown, so the tests run" };
  const code = input.changedFiles.filter((file) => isCodePath(file, input.codePaths));
  return code.length > 0
    ? { runTests: true, build: true, reason: `push changed code (${code.slice(0, 3).join(", ")}${code.length > 3 ? ", ..." : ""}): tests, build and deploy` }
    : { runTests: false, build: true, reason: `push changed content only (${input.changedFiles.length} files): build and deploy without the code tests` };
}

function scheduledBuild({ lastDeployment, commit, now }: CiPlanInput): { build: boolean; reason: string } {
  if (!lastDeployment) return { build: true, reason: "no deployment record found: build and deploy" };
  if (lastDeployment.commit !== commit) return { build: true, reason: `the deployed site was built from ${lastDeployment.commit.slice(0, 12)}, main is at ${commit.slice(0, 12)}: build and deploy` };
  const next = lastDeployment.schedule?.nextPublication;
  if (next && Date.parse(next) <= now.getTime()) return { build: true, reason: `a scheduled article is due (${next}): build and deploy` };
  return { build: false, reason: `nothing to publish: main unchanged since the deployed build, next scheduled article ${next ?? "none"}` };
}

/** Whether a repository path is code by the patterns: "dir/" holds everything below it; "*" matches within one name. */
export function isCodePath(file: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith("/") ? file.startsWith(pattern) : globToRegExp(pattern).test(file)));
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*");
  return new RegExp(`^${source}$`);
}

/** Patterns as written in the workflow: one per line or separated by spaces; "#" starts a comment. */
export function parseCodePaths(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, ""))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean);
}
