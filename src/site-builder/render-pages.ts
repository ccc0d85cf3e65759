import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import { cacheFolder } from "../cache/cache-folders.ts";
import type { NewsroomOptions } from "../eleventy/content-store.ts";
import type { EleventyConfig, LoadedBatch } from "../eleventy/plugin.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import { pageDefinitions } from "../pages/page-definitions.ts";
import { isPaginated, planRenderBatches, type RenderBatch, type RenderWork } from "../pages/render-batches.ts";
import type { PlannedPage } from "./output-plan.ts";

/**
 * Pages rendered per Eleventy run. Eleventy holds a run's output until the
 * run ends (about 80 KB an article page); 2,000 pages bound that to about
 * 160 MB, which V8 then sizes the heap by, and a run costs a fraction of a
 * second to set up (61 runs at 100,000 articles).
 */
export const PAGES_PER_BATCH = 2000;

export interface RenderOptions {
  newsroom: NewsroomOptions;
  model: SiteModel;
  assets: AssetManifest;
  pagesPerBatch?: number;
  quiet?: boolean;
  /** Called after each Eleventy run with the files it wrote (absolute paths). */
  onFiles?: (files: readonly string[]) => void;
  /** Asked before each run: true stops (the dev server, when a newer save waits). */
  shouldStop?: () => boolean;
}

/** The planned pages as Eleventy runs take them: each paginated definition's items, and the single pages by name. */
export function renderWorkOf(pages: readonly PlannedPage[]): RenderWork {
  const slices: Record<string, unknown[]> = {};
  const singles: string[] = [];
  for (const page of pages) {
    if (isPaginated(pageDefinitions[page.definition]!)) (slices[page.definition] ??= []).push(page.item);
    else singles.push(page.definition);
  }
  return { slices, singles };
}

/**
 * Renders the planned pages into `siteDir`, one Eleventy run per batch, so
 * that no run holds the whole site's HTML. Resolves with the files written
 * (absolute paths), and whether a newer save stopped it early.
 */
export async function renderPages(pages: readonly PlannedPage[], siteDir: string, options: RenderOptions): Promise<{ files: string[]; interrupted: boolean }> {
  const files: string[] = [];
  for (const batch of planRenderBatches(renderWorkOf(pages), options.pagesPerBatch ?? PAGES_PER_BATCH)) {
    if (options.shouldStop?.()) return { files, interrupted: true };
    const written = await renderBatch(options.newsroom, { model: options.model, pages: batch, assets: options.assets }, siteDir, options.quiet ?? true);
    files.push(...written);
    options.onFiles?.(written);
  }
  return { files, interrupted: false };
}

/** One Eleventy run over one batch of the site's pages, written into `outputDir`; resolves with the files written. */
export async function renderBatch(newsroomOptions: NewsroomOptions, batch: LoadedBatch, outputDir: string, quiet = true): Promise<string[]> {
  const [{ default: Eleventy }, { newsroomPlugin }] = await loadRenderer();
  // Every page is a virtual template: Eleventy's input is an empty folder, so
  // that no run lists the content folder (100,000 files at 100,000 articles).
  const inputDir = emptyInputDir(newsroomOptions.rootDir);
  const eleventy = new Eleventy(inputDir, outputDir, {
    quietMode: quiet,
    config(eleventyConfig: EleventyConfig) {
      newsroomPlugin(eleventyConfig, { ...newsroomOptions, batch, inputDir });
    },
  });
  eleventy.disableLogger?.();
  return writtenFiles(await eleventy.write());
}

export type { RenderBatch };

/** Eleventy's module and our plugin's. */
type Renderer = [typeof import("@11ty/eleventy"), typeof import("../eleventy/plugin.ts")];

let loadingRenderer: Promise<Renderer> | undefined;

/**
 * Eleventy's and our plugin's modules, loaded once. A build that renders
 * nothing does not pay for them; one that will render starts loading them
 * early (`buildSite`), so that reading their files on the loader thread
 * overlaps the content's work instead of leaving the main thread idle
 * (decision 0066).
 */
export function loadRenderer(): Promise<Renderer> {
  skipEleventysImportCacheBuster();
  return (loadingRenderer ??= Promise.all([import("@11ty/eleventy"), import("../eleventy/plugin.ts")]));
}

/**
 * Eleventy registers a module resolve hook when it is imported, so that its
 * watch mode imports an edited template afresh; on Node 20 every later
 * import then goes through one more hook on the loader thread. Our
 * processes never import a template twice: the
 * preview restarts when layouts/ or src/ change (src/dev/supervisor.ts).
 * Eleventy's own command line (`.eleventy.ts`, --serve) keeps the hook.
 */
function skipEleventysImportCacheBuster(): void {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ||= "1";
}

/**
 * Eleventy's input folder for a batch: empty, as every page is virtual. It is
 * in the project's `.cache/`, not the system's temporary folder: Eleventy
 * globs it excluding the output and layouts folders, and tinyglobby starts
 * its walk where the three meet. From the temporary folder that was `/`, and
 * every Eleventy run listed all of `/tmp` (3,786 entries on one machine: 20-30
 * ms a run); from here it lists the folders on the way down, a few entries each.
 */
function emptyInputDir(rootDir: string): string {
  const dir = cacheFolder(rootDir, "eleventy-input");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Files in what Eleventy's write() resolves with (a page with permalink: false has no outputPath), as absolute paths. */
export function writtenFiles(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  return result
    .flat(Infinity)
    .map((entry) => (entry && typeof entry === "object" ? (entry as { outputPath?: unknown }).outputPath : undefined))
    .filter((outputPath): outputPath is string => typeof outputPath === "string")
    .map((outputPath) => path.resolve(outputPath));
}
