import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What the output folder holds, as the build that wrote it left it: every
 * file by its site path ("news/x/index.html"), with the key of the inputs it
 * was made from (page-keys.ts). The next build renders only the files whose
 * key differs and deletes those no longer planned; the rest stay as they are.
 *
 * `outputId` names the folder the manifest describes (its device, inode and
 * creation time: an inode alone is reused for the next folder made): a
 * folder made by anything else (deleted and rebuilt by hand, restored from
 * elsewhere) is not trusted, and the build starts from nothing.
 */
export interface OutputManifest {
  outputId: string;
  files: Map<string, string>;
}

const MANIFEST_VERSION = 1;

/** The identity of an output folder, or undefined when there is none. */
export function outputFolderId(outputDir: string): string | undefined {
  try {
    const stat = statSync(outputDir);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}:${stat.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest in `file`, if it is whole and describes `outputDir` as it is now. */
export function readOutputManifest(file: string, outputDir: string): OutputManifest | undefined {
  const outputId = outputFolderId(outputDir);
  if (!outputId) return undefined;
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { version: number; outputId: string; files: [string, string][] };
    if (stored.version !== MANIFEST_VERSION || stored.outputId !== outputId || !Array.isArray(stored.files)) return undefined;
    return { outputId, files: new Map(stored.files) };
  } catch {
    return undefined;
  }
}

/** Writes the manifest whole or not at all (a temporary file renamed over the old one). */
export function writeOutputManifest(file: string, manifest: OutputManifest): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ version: MANIFEST_VERSION, outputId: manifest.outputId, files: [...manifest.files] }));
  renameSync(temporary, file);
}

/** A file's site path as the manifest names it, from its path in a site folder. */
export function sitePathOf(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join("/");
}
