import path from "node:path";

/**
 * Every folder the build keeps between runs, under the project's `.cache/`
 * (CI restores that one folder between builds). Each can be moved with an
 * environment variable, relative to the project root, e.g. to share the
 * image cache between checkouts.
 *
 * - `frontmatter`: parsed YAML by file text (src/content/frontmatter.ts)
 * - `render`: rendered Markdown by body, settings and code (src/markdown/render-cache.ts)
 * - `images`: encoded derivatives by source and settings (src/images/image-cache.ts)
 * - `search`: the search index's bundles and what they hold (src/search/)
 * - `state`: per output folder, what the last build wrote and read (src/site-builder/site-state.ts)
 * - `eleventy-input`: the empty folder Eleventy is pointed at (src/site-builder/render-pages.ts)
 */
export const CACHE_FOLDERS = {
  frontmatter: "NEWSROOM_FRONTMATTER_CACHE",
  render: "NEWSROOM_RENDER_CACHE",
  images: "NEWSROOM_IMAGE_CACHE",
  search: "NEWSROOM_SEARCH_CACHE",
  state: "NEWSROOM_STATE_CACHE",
  "eleventy-input": "NEWSROOM_ELEVENTY_INPUT",
} as const;

export type CacheFolder = keyof typeof CACHE_FOLDERS;

/** The folder of one cache for the project at `rootDir`. */
export function cacheFolder(rootDir: string, name: CacheFolder): string {
  const fromEnv = process.env[CACHE_FOLDERS[name]];
  return fromEnv ? path.resolve(rootDir, fromEnv) : path.join(path.resolve(rootDir), ".cache", name);
}
