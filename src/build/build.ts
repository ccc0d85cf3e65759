import { existsSync } from "node:fs";
import { chmod, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SiteModel } from "../collections/site-model.ts";
import { ContentError } from "../diagnostics/diagnostic.ts";
import { timed } from "../util/timed.ts";
import { newsroomPlugin, type EleventyConfig } from "../eleventy/plugin.ts";
import { SearchIndex } from "./search-index.ts";

export interface BuildOptions {
  rootDir: string;
  contentDir?: string;
  outputDir?: string;
  isPreview?: boolean;
  quiet?: boolean;
  /** The build's "now" (default: the clock); set it for reproducible builds. */
  now?: Date;
}

export interface BuildResult {
  outputDir: string;
  fileCount: number;
  /** `schedule.json` beside the output: when the next scheduled article goes live. */
  schedulePath: string;
  /** Seconds per stage: content (load, validate, render Markdown), eleventy (pages, less the rest), images, assets, search, total. */
  timings: Record<string, number>;
}

/**
 * What a scheduled CI run reads to decide whether a rebuild has anything to
 * publish: `nextPublication` is the soonest time a held-back article goes live.
 */
export interface Schedule {
  builtAt: string;
  nextPublication: string | null;
  scheduled: { id: string; source: string; publishAt: string }[];
}

/**
 * Builds the site into a staging folder beside the output and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous
 * site untouched, so a half-built site can never be deployed.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? "content";
  const outputDir = path.resolve(rootDir, options.outputDir ?? "_site");
  const schedulePath = path.join(path.dirname(outputDir), "schedule.json");
  let model: SiteModel | undefined;
  const timings = new Map<string, number>();
  const started = performance.now();
  const stagingDir = await mkdtemp(path.join(path.dirname(outputDir), `.build-staging-${path.basename(outputDir)}-`));
  const search = await SearchIndex.open();
  let searchWritten = false;
  try {
    const eleventy = new Eleventy(path.join(rootDir, contentDir), stagingDir, {
      quietMode: options.quiet ?? true,
      config(eleventyConfig: EleventyConfig) {
        newsroomPlugin(eleventyConfig, {
          rootDir,
          contentDir,
          isPreview: options.isPreview ?? false,
          now: () => options.now ?? new Date(),
          onLoaded: (loaded) => {
            model = loaded;
          },
          timings,
          onHtmlPage: (url, html) => search.add(url, html),
        });
      },
    });
    eleventy.disableLogger?.();
    const written = (await timed(timings, "eleventy", () => eleventy.write())) as unknown;
    const fileCount = countWritten(written);
    // Pagefind indexed the pages while Eleventy rendered them; this is what is left.
    searchWritten = true;
    await timed(timings, "search", () => search.write(stagingDir));
    await chmod(stagingDir, 0o755); // mkdtemp creates it private
    const previous = existsSync(outputDir) ? `${stagingDir}-previous` : undefined;
    if (previous) await rename(outputDir, previous);
    await rename(stagingDir, outputDir);
    if (previous) await rm(previous, { recursive: true, force: true });
    if (model) await writeFile(schedulePath, `${JSON.stringify(scheduleOf(model), null, 2)}\n`);
    // Eleventy's time includes the stages that run inside it.
    const inside = ["content", "images", "assets"].reduce((sum, name) => sum + (timings.get(name) ?? 0), 0);
    timings.set("eleventy", (timings.get("eleventy") ?? 0) - inside);
    timings.set("total", (performance.now() - started) / 1000);
    const rounded = Object.fromEntries([...timings].map(([name, seconds]) => [name, Number(seconds.toFixed(2))]));
    return { outputDir, fileCount, schedulePath, timings: rounded };
  } catch (error) {
    if (!searchWritten) await search.discard();
    await rm(stagingDir, { recursive: true, force: true });
    throw unwrapContentError(error) ?? error;
  }
}

export function scheduleOf(model: SiteModel): Schedule {
  return {
    builtAt: model.builtAt.toISOString(),
    nextPublication: model.scheduled[0]?.publishAt.toISOString() ?? null,
    scheduled: model.scheduled.map((entry) => ({ id: entry.id, source: entry.sourcePath, publishAt: entry.publishAt.toISOString() })),
  };
}

/** Files in what Eleventy's write() resolves with (passthrough copies and pages; a page with permalink: false has no outputPath). */
export function countWritten(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  return result.flat(Infinity).filter((entry) => entry && typeof entry === "object" && typeof (entry as { outputPath?: unknown }).outputPath === "string").length;
}

/** Eleventy wraps errors thrown in event handlers; editors need ours, unwrapped. */
export function unwrapContentError(error: unknown): ContentError | undefined {
  for (let current = error; current; current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause) {
    if (current instanceof ContentError) return current;
    if (current && typeof current === "object" && (current as Error).name === "ContentError") return current as ContentError;
  }
  return undefined;
}
