import path from "node:path";
import { fileURLToPath } from "node:url";
import { MEDIA_FOLDERS } from "../content/assets.ts";
import type { Article } from "../content/model.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
import { BATCH_DATA_KEY, isPaginated, type RenderBatch } from "../pages/render-batches.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { timed } from "../util/timed.ts";
import { ContentStore, type NewsroomOptions } from "./content-store.ts";
import { addTsxTemplates } from "./tsx-templates.ts";
import { addResponsiveImages } from "./images.ts";
import { writeBrandImages } from "../discovery/brand-images.ts";
import { readPublicAssets, writePublicAssets } from "./static-assets.ts";
import { publishAdmin } from "../cms/publish-admin.ts";

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
  addWatchTarget(target: string): void;
  addTransform(name: string, transform: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string | Promise<string>): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** Content loaded before Eleventy runs, and the part of the site this run renders (see src/pages/render-batches.ts). */
export interface LoadedBatch {
  model: SiteModel;
  pages: RenderBatch;
}

/** `layouts/` of this package: designers' files, outside the editors' content folder. */
const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts", import.meta.url));
/** `public/` of this package: CSS, JS and icons, copied to the site root as they are. */
export const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));

/**
 * The one place that knows Eleventy's APIs. Content is loaded, validated and
 * its Markdown rendered by `src/content` before each build; Eleventy then
 * renders every page (articles, listings, feeds) from that model.
 */
export function newsroomPlugin(eleventyConfig: EleventyConfig, options: NewsroomOptions & { batch?: LoadedBatch; inputDir?: string }): void {
  const store = new ContentStore(options);
  const contentDir = path.join(options.rootDir, options.contentDir);
  const { batch } = options;
  // Site-wide files (images, CSS and JS, media) are published once per build: by its first batch.
  const publishesSiteFiles = !batch || batch.pages.rendersSinglePages;

  let publicAssets: Awaited<ReturnType<typeof readPublicAssets>> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    if (batch) store.adopt(batch.model);
    else await timed(options.timings, "content", () => store.reload());
    publicAssets = await readPublicAssets(PUBLIC_DIR);
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
    if (outputDir && publishesSiteFiles) {
      await timed(options.timings, "assets", async () => {
        await writeBrandImages(path.resolve(outputDir), store.model.site);
        await writePublicAssets(path.resolve(outputDir), publicAssets?.files ?? []);
        // The CMS at /admin/, configured from the content schemas (src/cms/).
        await publishAdmin(path.resolve(outputDir), { site: store.model.site, assets: publicAssets?.manifest ?? {}, contentDir: path.relative(options.rootDir, contentDir), isPreview: store.model.isPreview });
      });
    }
  });
  eleventyConfig.addGlobalData("newsroom", () => store.model);
  if (publishesSiteFiles) addResponsiveImages(eleventyConfig, { rootDir: options.rootDir, model: () => store.model, ...(options.timings ? { timings: options.timings } : {}) });

  addTsxTemplates(eleventyConfig);
  // Eleventy resolves these relative to its input folder: the content folder, or an empty one for a batch (see renderBatch).
  const layoutsFromInput = path.relative(options.inputDir ?? contentDir, LAYOUTS_DIR);
  eleventyConfig.setLayoutsDirectory(layoutsFromInput);
  eleventyConfig.setIncludesDirectory(layoutsFromInput);

  // Every page is a virtual template over the loaded model: Eleventy reads
  // no file of the content folder itself (articles, authors and settings are
  // content, not templates), so it neither re-parses editor frontmatter nor
  // holds one template per article.
  eleventyConfig.setTemplateFormats(["11ty.tsx"]);
  // The content folder is named explicitly; a .gitignore around it (a generated
  // corpus, a checkout inside another project) must not hide anything.
  eleventyConfig.setUseGitIgnore(false);
  // The dev server rebuilds when content changes.
  eleventyConfig.addWatchTarget(path.join(contentDir, "articles"));
  eleventyConfig.addWatchTarget(path.join(contentDir, "authors"));
  eleventyConfig.addWatchTarget(path.join(contentDir, "site.yaml"));

  if (batch) eleventyConfig.addGlobalData(BATCH_DATA_KEY, () => batch.pages.slices);
  for (const [name, page] of Object.entries(pageDefinitions)) {
    let data = page.data;
    if (batch) {
      // A batch renders its slice of each paginated definition, and the unpaginated pages only in the first batch.
      const paginated = isPaginated(page);
      if (paginated ? !batch.pages.slices[name] : !batch.pages.rendersSinglePages) continue;
      if (paginated) data = { ...data, pagination: { ...(data.pagination as object), data: `${BATCH_DATA_KEY}.${name}` } };
    }
    eleventyConfig.addTemplate(
      `newsroom-pages/${name}.11ty.tsx`,
      { render: page.render ?? (() => "") },
      { ...data, ...(page.layout ? { layout: page.layout } : {}) },
    );
  }

  // public/ is published by writePublicAssets (CSS and JS under content-hashed names).
  eleventyConfig.addWatchTarget(PUBLIC_DIR);
  const mediaFolders = publishesSiteFiles ? MEDIA_FOLDERS.filter((name) => name !== "images") : []; // images are published as derivatives only
  for (const folder of mediaFolders) eleventyConfig.addPassthroughCopy({ [path.join(contentDir, folder)]: `/${folder}` });
}
