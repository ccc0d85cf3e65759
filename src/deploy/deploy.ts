import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HEADER_RULES, type HeaderRule } from "../feeds/headers.ts";
import { planDeploy, type DeployPlan, type UploadBatch } from "./deploy-plan.ts";
import type { DeploymentRecord } from "./deployment-record.ts";
import { parseHeadersFile, UPLOAD_PHASES, uploadHeadersOf } from "./file-headers.ts";
import { EMPTY_MANIFEST, manifestOfFolder } from "./output-manifest.ts";
import { remotePath, RcloneError, type RcloneRunner } from "./rclone.ts";
import { readRemoteState, writeDeploymentRecord, writeManifest, writeUnsettled } from "./remote-state.ts";

export interface DeployOptions {
  /** The built site (`_site`). */
  siteDir: string;
  /** An rclone path: `remote:bucket/prefix`, or a local folder. */
  target: string;
  rclone: RcloneRunner;
  /** Stored with the deployment for the scheduled run (`deployedAt` is added). */
  record: Omit<DeploymentRecord, "deployedAt">;
  /** Files rclone uploads at once (default 32: object stores answer many small PUTs in parallel well). */
  transfers?: number;
  /** More rclone flags for uploads (a test slows one down with --bwlimit). */
  uploadArgs?: readonly string[];
  log?: (line: string) => void;
  now?: () => Date;
}

export interface DeployReport {
  /** Site paths uploaded, in upload order. */
  uploaded: string[];
  deleted: string[];
  fileCount: number;
  isFirstDeploy: boolean;
  /** Seconds: hashing the site and reading the target's state (at once), uploads, deletes, writing the new state; and in all. */
  seconds: { hash: number; read: number; upload: number; delete: number; finish: number; total: number };
}

/**
 * Makes the target hold exactly the site, uploading only what changed since
 * the last deploy by the manifest stored there. Order, so that a deploy cut
 * off anywhere and run again (with this site or another) ends right:
 * 1. note on the target every path it will change (`unsettled.json`);
 * 2. upload: assets, then data, then pages, so pages never point at files not yet there;
 * 3. delete what the site no longer has;
 * 4. write the new manifest, clear the unsettled paths, write the deployment record.
 * Until 4, the old manifest is on the target and the changing paths are
 * noted: the next deploy uploads or deletes them again whatever they hold.
 */
export async function deployToObjectStorage(options: DeployOptions): Promise<DeployReport> {
  const { rclone, target } = options;
  const log = options.log ?? (() => {});
  const timer = stopwatch();
  // The target's state is read while the site is hashed: one waits on the network, the other on the disk.
  // Its failure is held until the hashing is done, so that it is never an unhandled rejection.
  const reading = readRemoteState(rclone, target).then(
    (state) => ({ state, seconds: timer.since() }),
    (error: unknown) => ({ error }),
  );
  const site = await manifestOfFolder(options.siteDir);
  const hash = timer.since();
  const rules = await headerRulesOf(options.siteDir);
  const read = await reading;
  if ("error" in read) throw read.error;
  const { state } = read;
  timer.lap();
  const plan = planDeploy(site, state.manifest ?? EMPTY_MANIFEST, state.unsettled, (file) => uploadHeadersOf(file, rules));
  const fileCount = Object.keys(site.files).length;
  log(`${fileCount} files in ${options.siteDir}; ${state.manifest ? `${Object.keys(state.manifest.files).length} deployed` : "first deploy"}: ${plan.changing.length - plan.deletes.length} to upload, ${plan.deletes.length} to delete${state.unsettled.length ? ` (${state.unsettled.length} left unsettled by an interrupted deploy)` : ""}`);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "newsroom-deploy-"));
  let upload = 0;
  let remove = 0;
  try {
    if (plan.changing.length > 0) {
      await writeUnsettled(rclone, target, plan.changing);
      await uploadInPhases(plan, options, workDir, log);
      upload = timer.lap();
      await deleteFiles(plan, options, workDir, log);
      remove = timer.lap();
      await writeManifest(rclone, target, site);
      await writeUnsettled(rclone, target, []);
    }
    await writeDeploymentRecord(rclone, target, { ...options.record, deployedAt: (options.now?.() ?? new Date()).toISOString() });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const finish = timer.lap();
  const uploaded = plan.uploads.flatMap((batch) => batch.files);
  log(`deployed to ${target}: ${uploaded.length} uploaded, ${plan.deletes.length} deleted`);
  return { uploaded, deleted: plan.deletes, fileCount, isFirstDeploy: !state.manifest, seconds: { hash, read: read.seconds, upload, delete: remove, finish, total: timer.total() } };
}

/** The rules of the site's own `_headers` (they include one per standalone page), else the fixed ones. */
async function headerRulesOf(siteDir: string): Promise<readonly HeaderRule[]> {
  const file = path.join(siteDir, "_headers");
  return existsSync(file) ? parseHeadersFile(await readFile(file, "utf8")) : HEADER_RULES;
}

/** Batches of one phase run at once; a phase starts when the one before has finished. */
async function uploadInPhases(plan: DeployPlan, options: DeployOptions, workDir: string, log: (line: string) => void): Promise<void> {
  for (const phase of UPLOAD_PHASES) {
    const batches = plan.uploads.filter((batch) => batch.phase === phase);
    // Settled, not Promise.all: when one batch fails the others still finish before the deploy returns, so that no
    // rclone is left writing to the target while the deploy is run again.
    const results = await Promise.allSettled(batches.map((batch, index) => uploadBatch(batch, options, path.join(workDir, `${phase}-${index}.txt`))));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
    const count = batches.reduce((sum, batch) => sum + batch.files.length, 0);
    if (count > 0) log(`uploaded ${count} ${phase === "assets" ? "assets" : phase === "data" ? "feeds and data files" : "pages"}`);
  }
}

/**
 * One rclone run for a batch. `--files-from-raw` names the files (any
 * character but a newline), `--no-traverse` and `--no-check-dest` keep rclone
 * from listing or even asking the target: the manifests already say these
 * files differ. `--retries 1`: a retry would send the whole batch again; an
 * interrupted deploy is run again instead. `--s3-no-check-bucket` and
 * `--s3-no-head` save two requests per run and per file on S3-like backends
 * (the PUT is checked by its Content-MD5 already); other backends ignore them.
 */
async function uploadBatch(batch: UploadBatch, options: DeployOptions, listFile: string): Promise<void> {
  await writeFile(listFile, `${batch.files.join("\n")}\n`);
  const headers = [`Cache-Control: ${batch.headers.cacheControl}`, ...(batch.headers.contentType ? [`Content-Type: ${batch.headers.contentType}`] : [])];
  await options.rclone([
    "copy", options.siteDir, options.target,
    "--files-from-raw", listFile, "--no-traverse", "--no-check-dest", "--retries", "1",
    "--transfers", String(options.transfers ?? 32), "--s3-no-check-bucket", "--s3-no-head",
    ...headers.flatMap((header) => ["--header-upload", header]),
    ...(options.uploadArgs ?? []),
  ]);
}

/**
 * Deletes by name (a file already gone is no error), then removes the folders
 * the deletes left empty, on backends that have folders. An rmdirs that fails
 * is only reported: an empty folder serves nothing, buckets have none, and a
 * folder already removed fails differently by backend (exit 3 on WebDAV,
 * 1 on a local disk in rclone 1.60).
 */
async function deleteFiles(plan: DeployPlan, options: DeployOptions, workDir: string, log: (line: string) => void): Promise<void> {
  // Never run `rclone delete` on the target without a list: it would delete everything.
  if (plan.deletes.length === 0) return;
  const listFile = path.join(workDir, "deletes.txt");
  await writeFile(listFile, `${plan.deletes.join("\n")}\n`);
  await options.rclone(["delete", options.target, "--files-from-raw", listFile, "--no-traverse", "--retries", "1"]);
  for (const dir of plan.emptiedDirs) {
    await options.rclone(["rmdirs", remotePath(options.target, dir), "--retries", "1"]).catch((error: unknown) => {
      if (!(error instanceof RcloneError)) throw error;
      if (!error.isNotFound) log(`left the empty folder ${dir}: ${error.message}`);
    });
  }
}

function stopwatch() {
  const started = performance.now();
  let last = started;
  const round = (ms: number) => Number((ms / 1000).toFixed(3));
  return {
    lap: () => {
      const now = performance.now();
      const seconds = round(now - last);
      last = now;
      return seconds;
    },
    /** Seconds since the last lap, without starting a new one. */
    since: () => round(performance.now() - last),
    total: () => round(performance.now() - started),
  };
}
