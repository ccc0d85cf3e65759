import { linkSync, lstatSync, mkdirSync } from "node:fs";
import path from "node:path";
import { outputFolderId, stampsOf, writeOutputManifest, type OutputManifest } from "./output-manifest.ts";
import { swapIn } from "./staging-folder.ts";

/**
 * How many files an incremental build may keep, per file it wrote, and
 * still commit by swapping folders. Measured at 10,000 articles, moving a
 * rendered page in (and removing the staging folder it leaves) cost about
 * 500 µs; linking a kept file costs 17-35 µs in a folder shared with others
 * (image derivatives, search fragments) and 45-105 µs in a folder of its own
 * (a page). At 4 the swap is the cheaper even if every kept file were a page.
 */
const KEPT_PER_WRITTEN = 4;

/**
 * Whether a build that wrote `written` files and keeps `kept` as they are
 * commits sooner by swapping folders (`commitBySwap`) than by moving its
 * files into the output (output-commit.ts): when most of the site was
 * rendered again (new site settings, new layouts or code).
 */
export function isCheaperToSwap(written: number, kept: number): boolean {
  return written > 0 && kept <= written * KEPT_PER_WRITTEN;
}

/**
 * Commits a build whose staging folder holds the files it wrote by making
 * that folder the whole new site and swapping it in, as a cold build does:
 * each file kept from the output is hard-linked into it (the same file under
 * a second name: nothing is copied, its size and time are those the
 * manifest recorded). Moving 12,000 rendered pages into a 10,000-article
 * site and removing the 12,000 folders they left took 5-7 s; the old site
 * is now removed in the background (staging-folder.ts).
 *
 * Returns false, having changed nothing in the output, when the output is
 * a symbolic link, or its files cannot be linked (a file system without
 * hard links, a kept file deleted by hand): the caller commits into the
 * output instead, which removes the staging folder and any links made in it.
 *
 * A build killed before the swap leaves the output as it was; one killed
 * between the swap and the manifest leaves a folder the manifest does not
 * describe, which the next build takes as new and builds whole.
 */
export async function commitBySwap(stagingDir: string, outputDir: string, written: readonly string[], manifestFile: string, manifest: Omit<OutputManifest, "outputId">): Promise<boolean> {
  // An output that is a link to a folder elsewhere (a web server's) stays that link: its files are committed through it.
  if (lstatSync(outputDir).isSymbolicLink()) return false;
  const writtenPaths = new Set(written);
  const folders = new Set<string>();
  try {
    for (const sitePath of manifest.files.keys()) {
      if (writtenPaths.has(sitePath)) continue;
      const to = path.join(stagingDir, sitePath);
      const folder = path.dirname(to);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      linkSync(path.join(outputDir, sitePath), to);
    }
  } catch (error) {
    if (isNotLinkable(error)) return false;
    throw error;
  }
  await swapIn(stagingDir, outputDir);
  // The staging folder, renamed, keeps its identity (device, inode, creation time); the written files are read for their stamps where they are now.
  writeOutputManifest(manifestFile, { outputId: outputFolderId(outputDir)!, files: manifest.files, stamps: stampsOf(outputDir, manifest.files, written, manifest.stamps) });
  return true;
}

/** A file system that makes no hard links, or a kept file gone from the output (deleted by hand): committing into the output copes with both. */
function isNotLinkable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV" || code === "EMLINK" || code === "ENOENT";
}
