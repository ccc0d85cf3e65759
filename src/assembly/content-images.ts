import path from "node:path";
import type { VFile } from "vfile";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place, type RuleId } from "../diagnostics/messages.ts";
import { FORMATS, type ImageSettings } from "../images/image-options.ts";
import type { ImagePipeline, PipelineSummary, SourceCheck, SourceImage } from "../images/image-pipeline.ts";
import { CENTER, cssPosition } from "../images/planner.ts";
import { bodyImageProblems, type ImageProblem } from "../images/image-problems.ts";
import { responsiveImage } from "../images/responsive-image.ts";
import type { RenderedMarkdown } from "../markdown/pipeline.ts";
import type { LocalImagesOptions } from "../markdown/remark-local-images.ts";
import { resolveAsset, type AssetResolution } from "../content/assets.ts";
import type { ResponsiveImage } from "../content/model.ts";

/** What inspecting an image written in a content file found. */
export type InspectedImage = SourceCheck | { ok: false; kind: "not-found"; problem: string; hint: string };

/** A place in a content file that uses an image, for reporting a source that fails to encode. */
interface ImageUse {
  source: SourceImage;
  written: string;
  /** Asked for only if the image fails: a frontmatter place may parse the YAML again. */
  place: () => Place;
  ruleId: Extract<RuleId, "images/damaged" | "article/hero-damaged" | "author/photo-damaged">;
  /** Reported at the place once loading is done, if the image encodes (a hero too small, what sanitising an SVG removed). */
  problems: readonly ImageProblem[];
}

/**
 * The images of the content as the loader sees them: paths resolved in the
 * images folder and inspected by the image pipeline, body images planned as
 * responsive renditions, and every use remembered, so that an image that
 * turns out to be damaged when it is encoded is reported where it is used.
 */
export class ContentImages {
  readonly #uses = new Map<string, ImageUse>();
  readonly #resolved = new Map<string, AssetResolution>();

  constructor(
    readonly pipeline: ImagePipeline,
    readonly settings: ImageSettings,
    readonly rootDir: string,
    readonly contentDir: string,
  ) {}

  /** A path written in `fromFile` (absolute), resolved and inspected: only files of content/images/. */
  async inspect(fromFile: string, written: string): Promise<InspectedImage> {
    // Resolved once per folder and path: 10,000 articles in one folder name a few hundred photos (a resolution follows links).
    const resolutionKey = `${path.dirname(fromFile)}\0${written}`;
    let asset = this.#resolved.get(resolutionKey);
    if (!asset) this.#resolved.set(resolutionKey, (asset = resolveAsset(this.contentDir, fromFile, written)));
    if (!asset.ok) return { ...asset, kind: "not-found" };
    if (!asset.url.startsWith("/images/")) return { ok: false, kind: "not-found", problem: `"${written}" is not in the images folder`, hint: "put images in content/images/" };
    return this.pipeline.inspect(asset.absolutePath, written);
  }

  /** Remembers a use of `source`, to report it if its encoding fails. */
  use(key: string, use: ImageUse): void {
    this.#uses.set(key, use);
  }

  /** The resolver body images go through (the render workers call it over messages). */
  readonly resolveImage: LocalImagesOptions["resolveImage"] = async (written, file: VFile, { position }) => {
    const checked = await this.inspect(path.resolve(this.rootDir, file.path), written);
    if (!checked.ok) {
      const ruleId = checked.kind === "not-found" ? "images/image-not-found" : (`images/${checked.kind}` as const);
      return { ok: false, problem: checked.problem, hint: checked.hint, ruleId };
    }
    const image = responsiveImage(this.pipeline.rendition(checked.source, { widths: this.settings.bodyWidths, formats: FORMATS }), "", cssPosition(CENTER));
    const line = (position?.start.line ?? 1) + (file.data.bodyLineOffset ?? 0);
    const column = position?.start.column ?? 1;
    // Now: remark-html renames the file to .html once it has compiled it.
    const sourcePath = file.path;
    // Keyed by place: a cached render's images are resolved again to check it.
    this.use(`${sourcePath}:${line}:${column}`, {
      source: checked.source,
      written,
      place: () => ({ file: sourcePath, line, column }),
      ruleId: "images/damaged",
      problems: bodyImageProblems(checked.source, written),
    });
    return { ok: true, image };
  };

  /** Waits for every encode; a damaged image is an error where it is used. */
  async finish(): Promise<{ summary: PipelineSummary; diagnostics: Diagnostic[] }> {
    const summary = await this.pipeline.finish();
    const diagnostics: Diagnostic[] = [];
    for (const use of this.#uses.values()) {
      const reason = summary.failures.get(use.source.absolutePath);
      if (reason) diagnostics.push(diagnose(use.ruleId, use.place(), { written: use.written, reason }));
      else for (const problem of use.problems) diagnostics.push(diagnose(problem.ruleId, use.place(), { reason: problem.message, hint: problem.hint }, problem.severity));
    }
    return { summary, diagnostics };
  }
}

/** A rendered body's images as the article lists them (their markup is in the body). */
export function bodyImagesOf(body: RenderedMarkdown): ResponsiveImage[] {
  return body.dependencies.localImages.flatMap(({ result, context }) => (result.ok ? [{ ...result.image, alt: context.alt, position: cssPosition(CENTER) }] : []));
}

type ImageProblemKind = Extract<InspectedImage, { ok: false }>["kind"];

/** A hero's or an author photo's problem as a diagnostic (their rule ids predate the catalogue and are kept). */
export function imageProblem(owner: "hero" | "photo", kind: ImageProblemKind, place: Place, params: { reason: string; hint: string }): Diagnostic {
  const ruleId = owner === "hero" ? (`article/hero-${kind}` as const) : (`author/photo-${kind}` as const);
  return diagnose(ruleId, place, params);
}
