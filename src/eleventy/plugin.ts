import path from "node:path";
import { fileURLToPath } from "node:url";
import { MEDIA_FOLDERS } from "../content/assets.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
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
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  setLayoutsDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  addWatchTarget(target: string): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
  ignores: Set<string>;
}

export const ARTICLE_LAYOUT = "article.11ty.tsx";

/** `layouts/` of this package: designers' files, outside the editors' content folder. */
const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts", import.meta.url));
/** `public/` of this package: CSS, JS and icons, copied to the site root as they are. */
const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));

/**
 * The one place that knows Eleventy's APIs. Content is loaded and validated
 * by `src/content` before each build; Eleventy then renders articles (the
 * `.md` files, through the unified pipeline) and the listing pages.
 */
export function newsroomPlugin(eleventyConfig: EleventyConfig, options: NewsroomOptions): void {
  const store = new ContentStore(options);
  const contentDir = path.join(options.rootDir, options.contentDir);
  const toSourcePath = (inputPath: string) =>
    path.relative(options.rootDir, path.resolve(inputPath)).split(path.sep).join("/");

  let publicAssets: Awaited<ReturnType<typeof readPublicAssets>> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    await store.reload();
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
      await writeBrandImages(path.resolve(outputDir), store.model.site);
      await writePublicAssets(path.resolve(outputDir), publicAssets?.files ?? []);
    }
  });
  eleventyConfig.addGlobalData("newsroom", () => store.model);
  addResponsiveImages(eleventyConfig, { rootDir: options.rootDir, model: () => store.model });

  addTsxTemplates(eleventyConfig);
  // Eleventy resolves these relative to the input folder.
  const layoutsFromInput = path.relative(contentDir, LAYOUTS_DIR);
  eleventyConfig.setLayoutsDirectory(layoutsFromInput);
  eleventyConfig.setIncludesDirectory(layoutsFromInput);

  // Articles were parsed and validated by our loader; Eleventy must not
  // re-interpret editor frontmatter (permalink, layout, tags as collections).
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: () => ({}) } });
  eleventyConfig.setTemplateFormats(["md", "11ty.tsx"]);
  // The content folder is named explicitly; a .gitignore around it (a generated
  // corpus, a checkout inside another project) must not hide articles.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add(path.join(contentDir, "authors", "**"));
  // Not templates, but content: the dev server rebuilds when they change.
  eleventyConfig.addWatchTarget(path.join(contentDir, "authors"));
  eleventyConfig.addWatchTarget(path.join(contentDir, "site.yaml"));

  eleventyConfig.addExtension("md", {
    // The loader already ran every body through the unified pipeline (it
    // needs the diagnostics before anything is written); serve that result.
    compile: (_inputContent: string, inputPath: string) => () =>
      store.model.articlesBySource.get(toSourcePath(inputPath))?.bodyHtml ?? "",
    getData: (inputPath: string) => {
      const article = store.model.articlesBySource.get(toSourcePath(inputPath));
      if (!article) return { permalink: false, eleventyExcludeFromCollections: true };
      return { layout: ARTICLE_LAYOUT, permalink: article.url, articleSource: article.sourcePath, date: article.publishedAt, tags: [] };
    },
  });

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
