import path from "node:path";
import { fileURLToPath } from "node:url";
import { MEDIA_FOLDERS } from "../content/assets.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
import { timed } from "../util/timed.ts";
import { ContentStore, type NewsroomOptions } from "./content-store.ts";
import { addTsxTemplates } from "./tsx-templates.ts";
import { addResponsiveImages } from "./images.ts";
import { writeBrandImages } from "../discovery/brand-images.ts";
import { readPublicAssets, writePublicAssets } from "./static-assets.ts";

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
  addTransform(name: string, transform: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** `layouts/` of this package: designers' files, outside the editors' content folder. */
const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts", import.meta.url));
/** `public/` of this package: CSS, JS and icons, copied to the site root as they are. */
const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));

/**
 * The one place that knows Eleventy's APIs. Content is loaded, validated and
 * its Markdown rendered by `src/content` before each build; Eleventy then
 * renders every page (articles, listings, feeds) from that model.
 */
export function newsroomPlugin(eleventyConfig: EleventyConfig, options: NewsroomOptions): void {
  const store = new ContentStore(options);
  const contentDir = path.join(options.rootDir, options.contentDir);

  let publicAssets: Awaited<ReturnType<typeof readPublicAssets>> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    await timed(options.timings, "content", () => store.reload());
    publicAssets = await readPublicAssets(PUBLIC_DIR);
  });
  eleventyConfig.addGlobalData("assets", () => publicAssets?.manifest ?? {});
  eleventyConfig.on("eleventy.after", async (event: unknown) => {
    // A safety net: an article that passed validation but produced no page
    // (an ignore rule, a permalink clash) must fail the build, not vanish.
    const results = (event as { results?: { url?: string }[] }).results ?? [];
    const written = new Set(results.map((result) => result.url));
    const missing = store.model.articles.filter((article) => !written.has(article.url));
    if (missing.length > 0) {
      throw new Error(`internal error, please report: ${missing.length} article pages were not written, e.g. ${missing[0]!.sourcePath}`);
    }
    const outputDir = (event as { directories?: { output?: string } }).directories?.output;
    if (outputDir) {
      await timed(options.timings, "assets", async () => {
        await writeBrandImages(path.resolve(outputDir), store.model.site);
        await writePublicAssets(path.resolve(outputDir), publicAssets?.files ?? []);
      });
    }
  });
  eleventyConfig.addGlobalData("newsroom", () => store.model);
  const { onHtmlPage } = options;
  if (onHtmlPage) {
    eleventyConfig.addTransform("newsroom-html-pages", function (content) {
      const { url, outputPath } = this.page;
      if (typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html")) onHtmlPage(url, content);
      return content;
    });
  }
  addResponsiveImages(eleventyConfig, { rootDir: options.rootDir, model: () => store.model, ...(options.timings ? { timings: options.timings } : {}) });

  addTsxTemplates(eleventyConfig);
  // Eleventy resolves these relative to the input folder.
  const layoutsFromInput = path.relative(contentDir, LAYOUTS_DIR);
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

  for (const [name, page] of Object.entries(pageDefinitions)) {
    eleventyConfig.addTemplate(
      `newsroom-pages/${name}.11ty.tsx`,
      { render: page.render ?? (() => "") },
      { ...page.data, ...(page.layout ? { layout: page.layout } : {}) },
    );
  }

  // public/ is published by writePublicAssets (CSS and JS under content-hashed names).
  eleventyConfig.addWatchTarget(PUBLIC_DIR);
  for (const folder of MEDIA_FOLDERS.filter((name) => name !== "images")) { // images are published as derivatives only
    eleventyConfig.addPassthroughCopy({ [path.join(contentDir, folder)]: `/${folder}` });
  }
}
