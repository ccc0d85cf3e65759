/**
 * The list of bundles the search page merges, published in the live bundle
 * as `/pagefind/bundles.json` (public/js/search.js reads it): the live
 * bundle first, then the archives, newest first. Each bundle says the newest
 * date its records are sorted by ("newest first" opens a bundle only when
 * its results can come next) and, for an archive, the results it holds that
 * no longer stand: an article amended since (the live bundle holds its new
 * record) or gone. The search page drops those results by their id before
 * it loads them, and takes their filter values out of the counts.
 */

/** The live bundle: the search page's primary bundle, holding the list. */
export const LIVE_PATH = "/pagefind/";
export const MANIFEST_FILE = "bundles.json";
export const MANIFEST_VERSION = 1;

export interface SupersededResult {
  url: string;
  /** Pagefind's result id in the archive. */
  id: string;
  /** The filter values the archive's result carries, counted by Pagefind. */
  filters: Record<string, string[]>;
}

export interface ManifestBundle {
  path: string;
  /** ISO, UTC; "" when no record of the bundle is dated. */
  newest: string;
  superseded?: SupersededResult[];
}

export interface BundleManifest {
  version: number;
  bundles: ManifestBundle[];
}

/** The manifest as published: JSON of the live bundle, then archives newest first. */
export function manifestText(live: ManifestBundle, archivesOldestFirst: readonly ManifestBundle[]): string {
  const manifest: BundleManifest = { version: MANIFEST_VERSION, bundles: [live, ...[...archivesOldestFirst].reverse()] };
  return `${JSON.stringify(manifest)}\n`;
}
