import { UPLOAD_PHASES, type UploadHeaders, type UploadPhase, uploadPhaseOf } from "./file-headers.ts";
import { byCodePoint, type OutputManifest } from "./output-manifest.ts";

/** Files uploaded together: one phase, one set of headers (one rclone run). */
export interface UploadBatch {
  phase: UploadPhase;
  headers: UploadHeaders;
  files: string[];
}

export interface DeployPlan {
  /** In phase order (assets, data, pages); batches of one phase may run at once. */
  uploads: UploadBatch[];
  /** Files the target may hold that the new site does not have. */
  deletes: string[];
  /** Topmost folders that the deletes leave with no file of the new site (for backends with real folders). */
  emptiedDirs: string[];
  /** Every path the deploy may change: what a deploy interrupted on the way leaves unsettled. */
  changing: string[];
}

/**
 * What to upload and delete to turn the target into `site`. `deployed` is the
 * manifest the target holds; `unsettled` are paths an interrupted deploy was
 * changing, whose state on the target is unknown: they are uploaded again when
 * the site has them and deleted when it does not, whatever `deployed` says.
 * Pure: the target is never listed.
 */
export function planDeploy(site: OutputManifest, deployed: OutputManifest, unsettled: readonly string[], headersOf: (file: string) => UploadHeaders): DeployPlan {
  const isUnsettled = new Set(unsettled);
  const uploads = Object.keys(site.files).filter((file) => isUnsettled.has(file) || deployed.files[file]?.sha256 !== site.files[file]!.sha256);
  const deletes = [...new Set([...Object.keys(deployed.files), ...unsettled])].filter((file) => !(file in site.files)).sort(byCodePoint);
  return {
    uploads: batchUploads(uploads, headersOf),
    deletes,
    emptiedDirs: emptiedDirs(deletes, Object.keys(site.files)),
    changing: [...uploads, ...deletes].sort(byCodePoint),
  };
}

function batchUploads(files: readonly string[], headersOf: (file: string) => UploadHeaders): UploadBatch[] {
  const batches = new Map<string, UploadBatch>();
  for (const file of files) {
    const phase = uploadPhaseOf(file);
    const headers = headersOf(file);
    const key = JSON.stringify([phase, headers.cacheControl, headers.contentType ?? ""]);
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { phase, headers, files: [] }));
    batch.files.push(file);
  }
  const rank = (batch: UploadBatch) => UPLOAD_PHASES.indexOf(batch.phase);
  return [...batches.values()].sort((a, b) => rank(a) - rank(b));
}

/** Folders ("news/old-story") under which the new site has no file, topmost first and only those. */
export function emptiedDirs(deletes: readonly string[], siteFiles: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const file of siteFiles) for (const dir of ancestors(file)) kept.add(dir);
  const emptied = new Set<string>();
  for (const file of deletes) for (const dir of ancestors(file)) if (!kept.has(dir)) emptied.add(dir);
  return [...emptied].filter((dir) => !emptied.has(dir.slice(0, Math.max(0, dir.lastIndexOf("/"))))).sort(byCodePoint);
}

/** "a/b/c.html" -> ["a/b", "a"]. */
function ancestors(file: string): string[] {
  const dirs: string[] = [];
  for (let slash = file.lastIndexOf("/"); slash > 0; slash = file.lastIndexOf("/", slash - 1)) dirs.push(file.slice(0, slash));
  return dirs;
}
