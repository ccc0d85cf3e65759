import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { cacheFolder } from "../cache/cache-folders.ts";

/**
 * Where a build keeps what the next build of the same output folder starts
 * from (`.cache/state/<output>/`): the output manifest, the commit journal,
 * the content state and the plan's index. One folder per output folder, so that a preview in
 * `_preview/` and the site in `_site/` never mistake each other's files.
 */
export interface SiteStateFiles {
  dir: string;
  manifest: string;
  journal: string;
  content: string;
  /** The digest of what the last build read, and until when its output holds (input-digest.ts). */
  inputs: string;
  /** The last plan's index of the pages that show lists of articles (plan-index.ts). */
  plan: string;
}

export function siteStateFiles(rootDir: string, outputDir: string): SiteStateFiles {
  const absolute = path.resolve(outputDir);
  const name = `${path.basename(absolute).replace(/[^\w.-]/g, "_")}-${createHash("sha256").update(absolute).digest("hex").slice(0, 12)}`;
  const dir = path.join(cacheFolder(rootDir, "state"), name);
  mkdirSync(dir, { recursive: true });
  return { dir, manifest: path.join(dir, "output-manifest.json"), journal: path.join(dir, "commit-journal.json"), content: path.join(dir, "content.bin"), inputs: path.join(dir, "inputs.json"), plan: path.join(dir, "plan-index.bin") };
}
