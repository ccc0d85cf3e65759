import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { chmod, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessRunning } from "../util/processes.ts";

/** What the swap calls the output it replaces, until it is deleted. */
const PREVIOUS_SUFFIX = "-previous";

/** Staging folders this process made and has not swapped in or removed yet: concurrent builds in one process. */
const ownFolders = new Set<string>();

/**
 * Creates the folder a build writes into, beside the output folder (so that
 * the swap is a rename): `.build-staging-<output>-<pid>-XXXXXX`. The pid
 * names its owner: a later build removes it once that process has ended.
 */
export async function createStagingFolder(outputDir: string): Promise<string> {
  const stagingDir = await mkdtemp(path.join(path.dirname(outputDir), `.build-staging-${path.basename(outputDir)}-${process.pid}-`));
  ownFolders.add(stagingDir);
  return stagingDir;
}

/** The removals of replaced sites this process started, each until it ends: its process, and its end. */
const removals = new Set<{ remover: ChildProcess; done: Promise<void> }>();

/**
 * Replaces the output folder with the finished staging folder: two renames;
 * the old site is then removed in the background (`removeInBackground`). A
 * build killed between the renames leaves the old site as
 * `<staging>-previous` and no output; the next build puts it back
 * (removeStaleStagingFolders).
 */
export async function swapIn(stagingDir: string, outputDir: string): Promise<void> {
  await chmod(stagingDir, 0o755); // mkdtemp creates it private
  const previous = existsSync(outputDir) ? `${stagingDir}${PREVIOUS_SUFFIX}` : undefined;
  if (previous) await rename(outputDir, previous);
  await rename(stagingDir, outputDir);
  ownFolders.delete(stagingDir);
  if (previous) removeInBackground(previous);
}

/**
 * Removes the site a swap replaced without waiting for it: a process of its
 * own does it, and goes on once this one has exited. Removing a
 * 10,000-article site (23,000 files in 10,000 folders) took 4-6 s here,
 * most of it removing folders, at the end of a build whose site was already
 * in place. The remover first renames the folder after itself (its pid in
 * place of the build's), so that a build starting meanwhile leaves it alone
 * as a live owner's; if it is killed, the next build removes the rest.
 */
function removeInBackground(dir: string): void {
  // Not the build's Node options (its module hooks): this process needs none.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const remover = spawn(process.execPath, ["-e", REMOVER, dir], { detached: true, stdio: "ignore", env });
  // Not waited for: this process may exit first.
  remover.unref();
  const removal = {
    remover,
    done: new Promise<void>((resolve) => {
      remover.once("exit", () => resolve());
      // No process could be started: removed by this one, as before.
      remover.once("error", () => void rm(dir, { recursive: true, force: true }).then(resolve, resolve));
    }).finally(() => removals.delete(removal)),
  };
  removals.add(removal);
}

/** The remover's script: `<staging>-<pid>-XXXXXX-previous` renamed with its own pid, then removed. */
const REMOVER = `
const fs = require("node:fs");
const dir = process.argv[1];
const own = dir.replace(/-\\d+(-[A-Za-z0-9]{6}${PREVIOUS_SUFFIX})$/, "-" + process.pid + "$1");
let target = dir;
try { fs.renameSync(dir, own); target = own; } catch {}
fs.rmSync(target, { recursive: true, force: true, maxRetries: 3 });
`;

/** Resolves once the folders this process is removing in the background are gone (tests wait for it). */
export async function backgroundRemovals(): Promise<void> {
  // Waited for now: the processes keep this one running until they end.
  for (const { remover } of removals) remover.ref();
  await Promise.all([...removals].map(({ done }) => done));
}

/** Removes a staging folder of this process (a failed build). */
export async function discardStagingFolder(stagingDir: string): Promise<void> {
  await rm(stagingDir, { recursive: true, force: true });
  ownFolders.delete(stagingDir);
}

/**
 * Removes what killed builds left beside `outputDir`: staging folders (and
 * `-previous` folders of an interrupted swap) whose owner process has ended,
 * and those named before owners were recorded (no pid). A folder of a build
 * still running, in this process or another, is left alone. When the output
 * folder is missing and a killed swap left the previous site, that site is
 * put back first, so that a failing build still leaves a site to deploy.
 * Resolves with the folders removed.
 */
export async function removeStaleStagingFolders(outputDir: string): Promise<string[]> {
  const parent = path.dirname(outputDir);
  const stale = staleStagingFolders(parent, path.basename(outputDir));
  const previous = stale.filter((dir) => dir.endsWith(PREVIOUS_SUFFIX)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!existsSync(outputDir) && previous[0]) {
    await rename(previous[0], outputDir);
    stale.splice(stale.indexOf(previous[0]), 1);
  }
  for (const dir of stale) await rm(dir, { recursive: true, force: true });
  return stale;
}

/** The staging folders for `outputName` in `parent` whose owner no longer runs. */
function staleStagingFolders(parent: string, outputName: string): string[] {
  const escaped = outputName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // `.build-staging-<output>-<pid>-XXXXXX[-previous]`, or without the pid from before owners were recorded.
  const name = new RegExp(`^\\.build-staging-${escaped}-(?:(\\d+)-)?[A-Za-z0-9]{6}(?:${PREVIOUS_SUFFIX})?$`);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  return entries
    .map((entry) => ({ entry, match: name.exec(entry) }))
    .filter(({ entry, match }) => match && !isOwnerRunning(path.join(parent, entry), match[1]))
    .map(({ entry }) => path.join(parent, entry));
}

function isOwnerRunning(dir: string, pid: string | undefined): boolean {
  if (pid === undefined) return false;
  // This process's pid may be that of a killed build's before it (a container starts every build as the same pid).
  if (Number(pid) === process.pid) return ownFolders.has(dir.endsWith(PREVIOUS_SUFFIX) ? dir.slice(0, -PREVIOUS_SUFFIX.length) : dir);
  return isProcessRunning(Number(pid));
}
