import { link, mkdir, copyFile } from "node:fs/promises";
import path from "node:path";
import type { SearchUpdate } from "../search/update-search.ts";
import type { PageKeys } from "./page-keys.ts";
import { filesUnder, type SiteFile } from "./site-files.ts";

/** Site paths of search bundles: `pagefind/` (the live bundle) and `pagefind-archive-N/`. */
export const SEARCH_PATH = /^pagefind(?:-archive-\d+)?\//;

/**
 * The files of the search bundles as files of the site. Each bundle's folder
 * in `.cache/search/` is named by what it holds (src/search/update-search.ts),
 * so a file's key is its folder's name and its path in it: a bundle that did
 * not change keeps its keys and is not written again; the live bundle, small,
 * is written again when it changes.
 *
 * A bundle's folder is never changed once written, so when the output
 * already holds a bundle from the same folder (`previous`, the output
 * manifest), its files are those the manifest lists under the bundle's
 * path, and the folder is not listed again: at 100,000 articles the
 * bundles hold 100,000 files.
 */
export function searchFiles(update: SearchUpdate, keys: PageKeys, previous?: ReadonlyMap<string, string>): SiteFile[] {
  const written = previous ? writtenBundles(previous) : new Map<string, [string, string][]>();
  return update.bundles.flatMap((bundle) => {
    const prefix = bundle.sitePath.split("/").filter(Boolean).join("/");
    const keyOf = (relative: string) => keys.file("search", `/${prefix}/${relative}`, [path.basename(bundle.dir), relative]);
    const write = (relative: string) => async (siteDir: string) => {
      const target = path.join(siteDir, prefix, relative);
      await mkdir(path.dirname(target), { recursive: true });
      // Linked: the bundle's files in the cache are never changed once written (a new state names a new folder).
      await link(path.join(bundle.dir, relative), target).catch(() => copyFile(path.join(bundle.dir, relative), target));
    };
    const inOutput = written.get(prefix);
    // The key names the folder: one file with the key this folder gives it says the output holds this folder's files.
    const first = inOutput?.[0];
    if (first && first[1] === keyOf(first[0])) return inOutput.map(([relative, key]) => ({ path: `${prefix}/${relative}`, key, write: write(relative) }));
    return filesUnder(bundle.dir).map((relative) => ({ path: `${prefix}/${relative}`, key: keyOf(relative), write: write(relative) }));
  });
}

/** The search files an output manifest lists, by bundle path ("pagefind-archive-2"): each file's path in the bundle and key. */
function writtenBundles(manifest: ReadonlyMap<string, string>): Map<string, [string, string][]> {
  const bundles = new Map<string, [string, string][]>();
  for (const [sitePath, key] of manifest) {
    if (!SEARCH_PATH.test(sitePath)) continue;
    const slash = sitePath.indexOf("/");
    const bundle = sitePath.slice(0, slash);
    let files = bundles.get(bundle);
    if (!files) bundles.set(bundle, (files = []));
    files.push([sitePath.slice(slash + 1), key]);
  }
  return bundles;
}
