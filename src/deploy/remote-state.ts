import { parseDeploymentRecord, serializeDeploymentRecord, type DeploymentRecord } from "./deployment-record.ts";
import { parseManifest, serializeManifest, type OutputManifest } from "./output-manifest.ts";
import { RcloneError, remotePath, type RcloneRunner } from "./rclone.ts";

/**
 * The deploy's own files on the target, beside the site and linked from
 * nowhere. Read and written one file at a time: the target is never listed.
 */
export const STATE_DIR = ".newsroom";
export const MANIFEST_FILE = `${STATE_DIR}/manifest.json`;
/** Paths a deploy is changing; cleared after the manifest is written. */
export const UNSETTLED_FILE = `${STATE_DIR}/unsettled.json`;
export const RECORD_FILE = `${STATE_DIR}/deployment.json`;

/** State files change with every deploy: neither the CDN nor a browser may keep them. */
const STATE_HEADERS = ["--header-upload", "Cache-Control: no-store", "--header-upload", "Content-Type: application/json; charset=utf-8"];

/** A file's text, or undefined when the target has no such file (bucket backends answer an empty listing). */
export async function readRemoteFile(rclone: RcloneRunner, target: string, file: string): Promise<string | undefined> {
  try {
    const text = await rclone(["cat", remotePath(target, file)]);
    return text === "" ? undefined : text;
  } catch (error) {
    if (error instanceof RcloneError && error.isNotFound) return undefined;
    throw error;
  }
}

export async function writeRemoteFile(rclone: RcloneRunner, target: string, file: string, text: string): Promise<void> {
  await rclone(["rcat", remotePath(target, file), "--s3-no-check-bucket", ...STATE_HEADERS], { input: text });
}

export interface RemoteState {
  /** Undefined before the first deploy. */
  manifest: OutputManifest | undefined;
  unsettled: string[];
}

export async function readRemoteState(rclone: RcloneRunner, target: string): Promise<RemoteState> {
  const [manifest, unsettled] = await Promise.all([readRemoteFile(rclone, target, MANIFEST_FILE), readRemoteFile(rclone, target, UNSETTLED_FILE)]);
  return {
    manifest: manifest === undefined ? undefined : parseManifest(manifest, remotePath(target, MANIFEST_FILE)),
    unsettled: unsettled === undefined ? [] : parseUnsettled(unsettled, remotePath(target, UNSETTLED_FILE)),
  };
}

function parseUnsettled(text: string, source: string): string[] {
  const value = JSON.parse(text) as { paths?: unknown };
  if (!Array.isArray(value.paths) || !value.paths.every((file) => typeof file === "string")) throw new Error(`${source} is not a list of paths ({"paths":[...]})`);
  return value.paths as string[];
}

export function writeUnsettled(rclone: RcloneRunner, target: string, paths: readonly string[]): Promise<void> {
  return writeRemoteFile(rclone, target, UNSETTLED_FILE, `${JSON.stringify({ paths })}\n`);
}

export function writeManifest(rclone: RcloneRunner, target: string, manifest: OutputManifest): Promise<void> {
  return writeRemoteFile(rclone, target, MANIFEST_FILE, serializeManifest(manifest));
}

export async function readDeploymentRecord(rclone: RcloneRunner, target: string): Promise<DeploymentRecord | undefined> {
  const text = await readRemoteFile(rclone, target, RECORD_FILE);
  return text === undefined ? undefined : parseDeploymentRecord(text);
}

export function writeDeploymentRecord(rclone: RcloneRunner, target: string, record: DeploymentRecord): Promise<void> {
  return writeRemoteFile(rclone, target, RECORD_FILE, serializeDeploymentRecord(record));
}
