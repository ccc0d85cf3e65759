/**
 * The code each cached or kept thing is made by, as files and folders of
 * this package (package.json is always part of it): a change to any of them
 * makes what was kept stale. A test follows the imports of the frontmatter
 * parser and of the Markdown pipeline and fails when a module they reach is
 * not listed (tests/unit/cache/code-fingerprints.test.ts).
 */

/** Parsing frontmatter (src/content/frontmatter.ts's cache). */
export const FRONTMATTER_CODE = [
  "src/content/frontmatter.ts",
  "src/content/yaml-source.ts",
  "src/content/yaml-fast-parse.ts",
  "src/content/yaml-core-schema.ts",
  "src/cache",
  "src/util",
  "package-lock.json",
];

/** Rendering a Markdown body: our plugins, the modules they import, and the locked remark versions (src/markdown/render-cache.ts). */
export const RENDERER_CODE = [
  "src/markdown",
  "src/format/page-ids.ts",
  "src/format/reading-time.ts",
  "src/diagnostics/suggest.ts",
  "src/diagnostics/diagnostic.ts",
  "src/diagnostics/messages.ts",
  "src/content/assets.ts",
  "src/content/routes.ts",
  "src/cache",
  "src/util",
  "package-lock.json",
];

/**
 * Rendering a page or a feed from the site model: the layouts, and all of
 * src (the model, page inputs, feeds, formats; the lists are too entangled
 * to name file by file, and a page key's stability across code changes is
 * worth less than its correctness). Keys of the output manifest.
 */
export const PAGE_CODE = ["layouts", "src", "package-lock.json"];

/** Loading content: what the content state keeps (src/site-builder/content-state.ts) is what all of src made of the files. */
export const CONTENT_STATE_CODE = ["src", "package-lock.json"];
