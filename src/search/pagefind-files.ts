import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { mapLimit } from "../util/map-limit.ts";

/**
 * What the search update reads of a bundle Pagefind wrote: its fragments,
 * one file per record (`fragment/<result id>.pf_fragment`: gzip of
 * "pagefind_dcd" and the record's JSON), which give each record's result id,
 * the id the search page sees before it loads a result.
 */

const FRAGMENT_SIGNATURE = "pagefind_dcd";
const gunzipAsync = promisify(gunzip);

/**
 * Pagefind's ready-made search UIs, which it writes into every bundle. The
 * search page has its own (public/js/search.js): the default UI put filter
 * values into the page as HTML, so none of them is published.
 */
const DEFAULT_UI_FILES = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css"];

export async function removeDefaultUi(bundleDir: string): Promise<void> {
  await Promise.all(DEFAULT_UI_FILES.map((file) => rm(path.join(bundleDir, file), { force: true })));
}

export interface Fragment {
  url: string;
  filters: Record<string, string[]>;
}

/** A record's fragment in a bundle, by its result id. */
export async function readFragment(bundleDir: string, id: string): Promise<Fragment> {
  const text = (await gunzipAsync(await readFile(path.join(bundleDir, "fragment", `${id}.pf_fragment`)))).toString("utf8");
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`internal error, please report: search fragment ${id} is not one Pagefind wrote`);
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
}

/** The result id of each record of a bundle, by URL. */
export async function readResultIds(bundleDir: string): Promise<Map<string, string>> {
  const files = (await readdir(path.join(bundleDir, "fragment")).catch(() => [])).filter((file) => file.endsWith(".pf_fragment"));
  const ids = await mapLimit(files, 16, async (file) => {
    const id = file.slice(0, -".pf_fragment".length);
    return [(await readFragment(bundleDir, id)).url, id] as const;
  });
  return new Map(ids);
}
