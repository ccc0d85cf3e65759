import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../content/model.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
import { BATCH_DATA_KEY, isPaginated, type RenderBatch } from "../pages/render-batches.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { compiledLayoutsDir } from "../loader/node-flags.ts";
import { timed } from "../util/timed.ts";
import { ContentStore, type NewsroomOptions } from "./content-store.ts";
import { addTsxTemplates } from "./tsx-templates.ts";
import { PUBLIC_DIR, readPublicAssets, type AssetManifest } from "./static-assets.ts";
import { writeEverySiteFile } from "../site-builder/site-files.ts";

// Eleventy ships no types for its config object; this is the part we use.
export interface EleventyConfig {
  dir: { input: string; output: string };
  addExtension(extensions: string | string[], options: Record<string, unknown>): void;
  addTemplateFormats(formats: string | string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  setLayoutsDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  addLayoutAlias(from: string, to: string): void;
  addWatchTarget(target: string): void;
  addTransform(name: string, transform: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string | Promise<string>): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** Content loaded before Eleventy runs, and the part of the site this run renders (see src/pages/render-batches.ts). */
export interface LoadedBatch {
  model: SiteModel;
  pages: RenderBatch;
  /** Published names of public/ files (the builder reads them once a build). */
  assets?: AssetManifest;
}

/** `layouts/` of this package: designers' files, outside the editors' content folder. */
const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts", import.meta.url));

/**
 * Pages are rendered by the layouts of `layouts/`: their sources (through the
 * module hooks), or, for a command started from its compiled form
 * (src/loader/compiled-command.mjs), the same layouts compiled beside it
 * (`<name>.11ty.mjs`, by the same names), so that they share its modules.
 */
function useLayouts(eleventyConfig: EleventyConfig, inputDir: string): void {
  const compiled = compiledLayoutsDir();
  // Eleventy resolves these relative to its input folder: the content folder, or an empty one for a batch (see render-pages.ts).
  const layoutsFromInput = path.relative(inputDir, compiled ?? LAYOUTS_DIR);
  eleventyConfig.setLayoutsDirectory(layoutsFromInput);
  eleventyConfig.setIncludesDirectory(layoutsFromInput);
  if (!compiled) {
    addTsxTemplates(eleventyConfig);
    return;
  }
  addTsxTemplates(eleventyConfig, ["11ty.tsx", "11ty.mjs"]);
  for (const name of readdirSync(compiled)) {
    if (name.endsWith(".11ty.mjs")) eleventyConfig.addLayoutAlias(name.replace(/\.mjs$/, ".tsx"), name);
  }
}

/**
 * The one place that knows Eleventy's APIs: every page is a virtual template
 * over the loaded site model, rendered by a layout of `layouts/`. The site
 * builder (src/site-builder/) loads the content, decides which pages to
 * render and runs Eleventy over them in batches; the files that are not
 * pages (CSS, images, media) it writes itself. Run by Eleventy's own command
 * line (`.eleventy.ts`, no batch), the plugin loads the content and writes
 * those files too.
 */
export function newsroomPlugin(eleventyConfig: EleventyConfig, options: NewsroomOptions & { batch?: LoadedBatch; inputDir?: string }): void {
  const store = new ContentStore(options);
  const contentDir = path.join(options.rootDir, options.contentDir);
  const { batch } = options;

  let publicAssets: Awaited<ReturnType<typeof readPublicAssets>> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    if (batch) store.adopt(batch.model);
    else await timed(options.timings, "content", () => store.reload());
    publicAssets = batch?.assets ? { manifest: batch.assets, files: [] } : await readPublicAssets(PUBLIC_DIR);
  });
  eleventyConfig.addGlobalData("assets", () => publicAssets?.manifest ?? {});
  eleventyConfig.on("eleventy.after", async (event: unknown) => {
    // A safety net: an article that passed validation but produced no page
    // (an ignore rule, a permalink clash) must fail the build, not vanish.
    const results = (event as { results?: { url?: string }[] }).results ?? [];
    const written = new Set(results.map((result) => result.url));
    const expected = (batch ? batch.pages.slices.article ?? [] : store.model.articles) as Article[];
    const missing = expected.filter((article) => !written.has(article.url));
    if (missing.length > 0) {
      throw new Error(`internal error, please report: ${missing.length} article pages were not written, e.g. ${missing[0]!.sourcePath}`);
    }
    const outputDir = (event as { directories?: { output?: string } }).directories?.output;
    if (outputDir && !batch) await writeEverySiteFile(path.resolve(outputDir), store.model, options.rootDir, options.contentDir);
  });
  eleventyConfig.addGlobalData("newsroom", () => store.model);
  const { onPageWritten } = options;
  if (onPageWritten) {
    eleventyConfig.addTransform("newsroom-progress", (content) => {
      onPageWritten();
      return content;
    });
  }

  useLayouts(eleventyConfig, options.inputDir ?? contentDir);

  // Every page is a virtual template over the loaded model: Eleventy reads
  // no file of the content folder itself (articles, authors and settings are
  // content, not templates), so it neither re-parses editor frontmatter nor
  // holds one template per article.
  eleventyConfig.setTemplateFormats(["11ty.tsx"]);
  // The content folder is named explicitly; a .gitignore around it (a generated
  // corpus, a checkout inside another project) must not hide anything.
  eleventyConfig.setUseGitIgnore(false);

  if (!batch) {
    // Eleventy's own --serve rebuilds when content changes (`npm start` has its own watcher).
    for (const watched of ["articles", "authors", "pages", "site.yaml"]) eleventyConfig.addWatchTarget(path.join(contentDir, watched));
    eleventyConfig.addWatchTarget(PUBLIC_DIR);
  }
  if (batch) eleventyConfig.addGlobalData(BATCH_DATA_KEY, () => batch.pages.slices);
  for (const [name, page] of Object.entries(pageDefinitions)) {
    let data = page.data;
    if (batch) {
      // A batch renders its slice of each paginated definition, and the single pages it names.
      const paginated = isPaginated(page);
      if (paginated ? !batch.pages.slices[name] : !batch.pages.singles.includes(name)) continue;
      if (paginated) data = { ...data, pagination: { ...(data.pagination as object), data: `${BATCH_DATA_KEY}.${name}` } };
    }
    eleventyConfig.addTemplate(
      `newsroom-pages/${name}.11ty.tsx`,
      { render: page.render ?? (() => "") },
      { ...data, ...(page.layout ? { layout: page.layout } : {}) },
    );
  }
}
