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
 */
export function searchFiles(update: SearchUpdate, keys: PageKeys): SiteFile[] {
  return update.bundles.flatMap((bundle) => {
    const prefix = bundle.sitePath.split("/").filter(Boolean).join("/");
    return filesUnder(bundle.dir).map((relative) => {
      const sitePath = `${prefix}/${relative}`;
      return {
        path: sitePath,
        key: keys.file("search", `/${sitePath}`, [path.basename(bundle.dir), relative]),
        write: async (siteDir: string) => {
          const target = path.join(siteDir, sitePath);
          await mkdir(path.dirname(target), { recursive: true });
          // Linked: the bundle's files in the cache are never changed once written (a new state names a new folder).
          await link(path.join(bundle.dir, relative), target).catch(() => copyFile(path.join(bundle.dir, relative), target));
        },
      };
    });
  });
}
