import type { PlannedPage } from "./output-plan.ts";
import type { SiteFile } from "./site-files.ts";

/** What must be done to bring an output folder holding `previous` (path → key; none: an empty folder) to the plan. */
export interface SiteChanges {
  pages: PlannedPage[];
  files: SiteFile[];
  /** Site paths to delete. */
  removed: string[];
  /** Files left as they are. */
  kept: number;
  /** Every planned file's key, by site path: the manifest once done. */
  manifest: Map<string, string>;
}

/**
 * What must be done to bring the output to `plan`. Files whose site path
 * matches `pending` are planned later (the search bundles, indexed while
 * the pages render): `addFiles` brings them in, and only then are those
 * that are no longer planned counted as removed.
 */
export function changesSince(previous: ReadonlyMap<string, string> | undefined, plan: { pages: readonly PlannedPage[]; files: readonly SiteFile[] }, pending?: RegExp): SiteChanges {
  const changes: SiteChanges = { pages: [], files: [], removed: [], kept: 0, manifest: new Map() };
  changes.pages = keep(changes, previous, plan.pages);
  changes.files = keep(changes, previous, plan.files);
  if (previous) changes.removed = [...previous.keys()].filter((sitePath) => !changes.manifest.has(sitePath) && !pending?.test(sitePath));
  return changes;
}

/** Files planned after `changesSince` (see there), added to `changes`: those changed, and those under `pending` no longer planned. */
export function addFiles(changes: SiteChanges, previous: ReadonlyMap<string, string> | undefined, files: readonly SiteFile[], pending: RegExp): void {
  changes.files.push(...keep(changes, previous, files));
  if (previous) changes.removed.push(...[...previous.keys()].filter((sitePath) => pending.test(sitePath) && !changes.manifest.has(sitePath)));
}

/** The outputs whose key is not the previous one; every output's key into the manifest. */
function keep<T extends { path: string; key: string }>(changes: SiteChanges, previous: ReadonlyMap<string, string> | undefined, outputs: readonly T[]): T[] {
  const changed = outputs.filter((output) => {
    // One lookup per file, not two: a path already there leaves the size as it was.
    const size = changes.manifest.size;
    changes.manifest.set(output.path, output.key);
    if (changes.manifest.size === size) throw new Error(`internal error, please report: two files of the site are written to ${output.path}`);
    return previous?.get(output.path) !== output.key;
  });
  changes.kept += outputs.length - changed.length;
  return changed;
}

