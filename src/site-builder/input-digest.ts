import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeFingerprint } from "../cache/keyed-json-cache.ts";
import { PAGE_CODE } from "../cache/code-fingerprints.ts";
import { PUBLIC_DIR } from "../eleventy/static-assets.ts";

/**
 * Whether anything a build reads has changed since the last build of the
 * same output folder, without reading any of it: a digest of every file's
 * stamp (path, modification time, size, inode) in the content folder and
 * `public/`, of the code, and of the build's options. Time changes a site
 * too (a scheduled article goes live, a story leaves the Google News
 * sitemap after two days), so the last build also says until when its
 * output holds (`validUntil`).
 *
 * When the digest is the one recorded and that time has not come, the
 * output is what a build would write: a scheduled CI run, or a push that
 * changed only the README, is done in the time it takes to list the files.
 */
export interface BuildInputs {
  digest: string;
  /** Milliseconds since the epoch; null: no time will change the output. */
  validUntil: number | null;
}

/** The digest of what a build of `contentDir` with these options reads. */
export function inputsDigest(contentDir: string, options: Record<string, unknown>): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(options)).update("\0").update(codeFingerprint(PAGE_CODE)).update("\0");
  for (const folder of [contentDir, PUBLIC_DIR]) {
    hash.update(`${folder}\0`);
    for (const [file, stamp] of stamps(folder)) hash.update(`${file}\0${stamp}\0`);
  }
  return hash.digest("hex");
}

/** Every file under `folder` (links followed) with its stamp, in name order. */
function stamps(folder: string): [string, string][] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  const stamped: [string, string][] = [];
  for (const entry of entries.sort()) {
    try {
      const stat = statSync(path.join(folder, entry));
      if (stat.isFile()) stamped.push([entry, `${stat.mtimeMs}:${stat.size}:${stat.ino}`]);
    } catch {
      stamped.push([entry, "unreadable"]);
    }
  }
  return stamped;
}

export function readBuildInputs(file: string): BuildInputs | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as BuildInputs;
    return typeof stored.digest === "string" ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuildInputs(file: string, inputs: BuildInputs): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(inputs));
  renameSync(temporary, file);
}

/** Whether a build with `digest` at `now` would write what the recorded build wrote. */
export function isUnchanged(recorded: BuildInputs | undefined, digest: string, now: Date): boolean {
  return recorded !== undefined && recorded.digest === digest && (recorded.validUntil === null || now.getTime() < recorded.validUntil);
}
