import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from "node:fs";
import path from "node:path";
import { manifestUpdate, stampsOf, writeOutputManifest, type ManifestToWrite } from "./output-manifest.ts";
import { writeFileWhole } from "../util/write-whole.ts";

/**
 * Brings an output folder up to date from a staging folder that holds only
 * the files this build wrote: each is renamed into place, files no longer
 * planned are deleted, then the manifest is written.
 *
 * A build that changes a few files must not copy the 20,000 that did not
 * change: linking a 23,000-file site into a new folder took 0.8 s here, and
 * deleting the old one 2.5 s. So the incremental build keeps the output
 * folder and commits into it, under a journal: the plan is written (and
 * made durable) before the first rename, and a build that finds a journal
 * finishes that commit before anything else (`finishInterruptedCommit`). A
 * build that fails before committing leaves the output untouched, as the
 * cold build's swap does; one killed while committing leaves a journal that
 * the next build completes, so the site is never left half old, half new
 * for longer than the next build takes to start. (docs/decisions: the
 * output is committed under a journal.)
 */
export interface OutputChanges {
  /** Site paths written into the staging folder, to move into the output. */
  written: readonly string[];
  /** Site paths to delete from the output. */
  removed: readonly string[];
}

interface Journal {
  stagingDir: string;
  outputDir: string;
  changes: OutputChanges;
  /** The manifest's file this commit writes: the whole manifest, or the changes since it (output-manifest.ts). */
  manifestFile: string;
  /**
   * What that file holds once done, written beside it before the first
   * rename and renamed over it last. The journal names it rather than
   * holding it: at 100,000 articles the manifest lists 240,000 files, and
   * writing it twice per edit (in the journal, then as itself) took over a
   * second.
   */
  nextManifestFile?: string;
  /** The manifest once done, held in the journal itself: as builds before `nextManifestFile` wrote it. */
  manifest?: { outputId: string; files: [string, string][]; stamps: [string, string][] };
}

/** Commits `changes` from `stagingDir` into `outputDir` (see above); the staging folder is removed. */
export function commitIntoOutput(stagingDir: string, outputDir: string, changes: OutputChanges, journalFile: string, manifestFile: string, manifest: ManifestToWrite): void {
  applyJournal(writeCommitJournal(stagingDir, outputDir, changes, journalFile, manifestFile, manifest));
  unlinkSync(journalFile);
}

/**
 * What a commit writes before its first rename, made durable: the manifest
 * it ends with, or its changes since the last whole one (the stamps of the
 * files written now are read in the staging folder: a rename keeps a file's
 * size and time), then the journal naming it.
 */
export function writeCommitJournal(stagingDir: string, outputDir: string, changes: OutputChanges, journalFile: string, manifestFile: string, manifest: ManifestToWrite): Journal {
  const update = manifestUpdate(manifestFile, { ...manifest, stamps: stampsOf(stagingDir, manifest.files, changes.written, manifest.stamps) }, changes);
  const nextManifestFile = `${update.file}.next`;
  writeFileWhole(nextManifestFile, update.text, { flush: true });
  const journal: Journal = { stagingDir, outputDir, changes, manifestFile: update.file, nextManifestFile };
  writeFileWhole(journalFile, JSON.stringify(journal), { flush: true });
  return journal;
}

/**
 * Completes a commit a killed build left in `journalFile`, if any: moves
 * what is still in its staging folder, deletes what it deleted, writes its
 * manifest. Every step can be done twice, so a build killed here too is
 * completed by the next one. Returns whether there was one.
 */
export function finishInterruptedCommit(journalFile: string): boolean {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalFile, "utf8")) as Journal;
  } catch {
    // None, or one that was never whole (the build was killed before its first rename): nothing was changed.
    rmSync(journalFile, { force: true });
    return false;
  }
  applyJournal(journal);
  unlinkSync(journalFile);
  return true;
}

function applyJournal({ stagingDir, outputDir, changes, manifestFile, nextManifestFile, manifest }: Journal): void {
  const folders = new Set<string>();
  for (const sitePath of changes.written) {
    const from = path.join(stagingDir, sitePath);
    if (!existsSync(from)) continue; // moved before the build was killed
    const to = path.join(outputDir, sitePath);
    const folder = path.dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    renameSync(from, to);
  }
  removeFromOutput(outputDir, changes.removed);
  if (nextManifestFile) {
    // Gone when this journal was applied before, up to here, by a build killed after.
    if (existsSync(nextManifestFile)) renameSync(nextManifestFile, manifestFile);
  } else if (manifest) {
    const files = new Map(manifest.files);
    writeOutputManifest(manifestFile, { outputId: manifest.outputId, files, stamps: stampsOf(outputDir, files, changes.written, new Map(manifest.stamps)) });
  }
  rmSync(stagingDir, { recursive: true, force: true });
}

/** Deletes files of an output folder by site path, and the folders that leaves empty (a renamed article's), up to the output folder. */
export function removeFromOutput(outputDir: string, sitePaths: readonly string[]): void {
  const emptied = new Set<string>();
  for (const sitePath of sitePaths) {
    rmSync(path.join(outputDir, sitePath), { force: true });
    emptied.add(path.dirname(path.join(outputDir, sitePath)));
  }
  for (const start of emptied) {
    for (let folder = start; folder.startsWith(outputDir + path.sep); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty, or gone
      }
    }
  }
}
