import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "sharp";
import { FileStamps } from "../util/file-stamp.ts";
import { ImageCache } from "./image-cache.ts";
import { defaultEncodeConcurrency, type ImageFormat, type ImageSettings } from "./image-options.ts";
import type { Placeholder } from "./placeholder.ts";
import { planFixedSize, planRendition, type DerivativeSpec, type Focus, type PlannedRendition, type RenditionRequest, type SourceKind } from "./planner.ts";
import { TaskQueue } from "./task-queue.ts";

/** A source image that passed every check; what planning needs. */
export interface SourceImage {
  absolutePath: string;
  hash: string;
  /** Size after EXIF orientation; an SVG's in CSS pixels. */
  width: number;
  height: number;
  format: string;
  hasAlpha: boolean;
  kind: SourceKind;
  /** What sanitising an SVG took out (see svg-sanitizer.ts); empty for other images. */
  svgRemoved: readonly string[];
}

export type SourceCheck =
  | { ok: true; source: SourceImage }
  | { ok: false; kind: "not-an-image" | "too-large"; problem: string; hint: string };

/** An image as an earlier build checked it, with the stamp (modification time, size, inode) it had then. */
export interface CheckedImage {
  stamp: string;
  check: SourceCheck;
}

export interface ImagePipelineOptions {
  cacheDir: string;
  /** Checks kept between builds (the content memo's), read and filled in. */
  checked?: Map<string, CheckedImage>;
  /** Stamps of the load this pipeline serves (default: its own, each taken when first needed). */
  stamps?: FileStamps;
  settings: ImageSettings;
  /** Encodes in flight at once; default: the machine's cores. */
  concurrency?: number;
  /** Progress lines; default stderr. */
  log?: (line: string) => void;
  /** Progress is shown once more than this many images need encoding. */
  progressAfter?: number;
  /** False: check and plan only, encode nothing (`npm run check`). Default true. */
  encode?: boolean;
}

export interface PipelineSummary {
  /** Source path -> why it could not be encoded. */
  failures: Map<string, string>;
  encoded: number;
  reused: number;
  images: number;
  seconds: number;
}

const READABLE = new Set(["jpeg", "png", "webp", "heif", "avif", "tiff", "gif"]);
/** Formats whose several pages are an animation's frames (a HEIF's pages are separate pictures). */
const ANIMATABLE = new Set(["gif", "webp"]);
const USE_AN_IMAGE = "use a JPEG, PNG, GIF, WebP, AVIF or SVG file";

interface SourceProgress {
  name: string;
  scheduled: number;
  done: number;
  /** When its first encode started running (not when it was queued). */
  started?: number;
}

/**
 * The build's image work: checks sources, plans derivatives, encodes the
 * missing ones into the cache on a bounded queue while the rest of the
 * content loads, and reports what failed. Nothing here writes to the site;
 * `ImageCache.publish` does that once the build has succeeded.
 */
export class ImagePipeline {
  readonly cache: ImageCache;
  readonly settings: ImageSettings;
  readonly #queue: TaskQueue;
  readonly #log: (line: string) => void;
  readonly #progressAfter: number;
  readonly #limitInputPixels: number;
  readonly #encode: boolean;
  readonly #sources = new Map<string, Promise<SourceCheck>>();
  /** Checks of earlier builds, by path and stamp (ImagePipelineOptions.checked). */
  readonly #checked: Map<string, CheckedImage> | undefined;
  readonly #stamps: FileStamps;
  readonly #scheduled = new Map<string, Promise<void>>();
  /** Renditions and crops planned in this pipeline's build, by image and request. */
  readonly #plans = new Map<string, unknown>();
  readonly #placeholders = new Map<string, Promise<Placeholder | undefined>>();
  readonly #failures = new Map<string, string>();
  readonly #diagnoses: Promise<void>[] = [];
  readonly #progress = new Map<string, SourceProgress>();
  #encoded = 0;
  #reused = 0;
  #imagesDone = 0;
  #started = performance.now();

  constructor(options: ImagePipelineOptions) {
    this.cache = new ImageCache(options.cacheDir);
    this.settings = options.settings;
    this.#queue = new TaskQueue(options.concurrency ?? defaultEncodeConcurrency());
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.#progressAfter = options.progressAfter ?? 5;
    this.#limitInputPixels = Math.round(options.settings.maxMegapixels * 1_000_000);
    this.#encode = options.encode ?? true;
    this.#checked = options.checked;
    this.#stamps = options.stamps ?? new FileStamps();
  }

  /**
   * Reads, hashes and checks a source (readable image format, within the
   * pixel limit). Memoised per path. `written` is how the editor wrote the
   * path, for the message.
   */
  inspect(absolutePath: string, written: string): Promise<SourceCheck> {
    let pending = this.#sources.get(absolutePath);
    if (!pending) {
      pending = this.#inspect(absolutePath, written);
      this.#sources.set(absolutePath, pending);
    }
    return pending;
  }

  async #inspect(absolutePath: string, written: string): Promise<SourceCheck> {
    // An image unchanged since an earlier build (same size, time and inode) is not read again: an archive's photos are gigabytes.
    const stamp = this.#stamps.of(absolutePath);
    const known = stamp ? this.#checked?.get(absolutePath) : undefined;
    if (known && known.stamp === stamp) return known.check;
    const check = await this.#inspectBytes(absolutePath, written, known?.check);
    if (stamp) this.#checked?.set(absolutePath, { stamp, check });
    return check;
  }

  /** Reads and checks an image; one whose bytes are those `known` was checked from (a fresh checkout: new stamps, the same files) is not decoded again. */
  async #inspectBytes(absolutePath: string, written: string, known?: SourceCheck): Promise<SourceCheck> {
    let bytes: Buffer;
    try {
      bytes = await readFile(absolutePath);
    } catch {
      return { ok: false, kind: "not-an-image", problem: `file "${written}" cannot be read`, hint: "check the file's permissions" };
    }
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
    if (known?.ok && known.source.hash === hash && known.source.absolutePath === absolutePath) return known;
    if (looksLikeSvg(bytes, absolutePath)) return inspectSvg(bytes, { absolutePath, hash, written });
    const notImage = { ok: false as const, kind: "not-an-image" as const, problem: `"${written}" is not an image`, hint: USE_AN_IMAGE };
    let metadata: Metadata;
    try {
      metadata = await (await loadSharp())(bytes, { limitInputPixels: false }).metadata();
    } catch {
      return notImage;
    }
    const { width, height, format } = metadata;
    if (!width || !height || !format) return notImage;
    if (!READABLE.has(format)) {
      return { ok: false, kind: "not-an-image", problem: `"${written}" is a ${format.toUpperCase()} file, which browsers cannot show`, hint: USE_AN_IMAGE };
    }
    const frames = ANIMATABLE.has(format) ? (metadata.pages ?? 1) : 1;
    const tooLarge = this.#pixelLimitProblem(written, width, height, frames);
    if (tooLarge) return tooLarge;
    // EXIF orientations 5-8 are rotated by 90 degrees: the displayed size is swapped.
    const rotated = (metadata.orientation ?? 1) >= 5;
    return {
      ok: true,
      source: {
        absolutePath,
        hash,
        width: rotated ? height : width,
        height: rotated ? width : height,
        format,
        hasAlpha: metadata.hasAlpha ?? false,
        kind: frames > 1 ? "animated" : "still",
        svgRemoved: [],
      },
    };
  }

  /** Every frame of an animation is decoded: the limit is on all of them together. */
  #pixelLimitProblem(written: string, width: number, height: number, frames: number): SourceCheck | undefined {
    const pixels = width * height * frames;
    if (pixels <= this.#limitInputPixels) return undefined;
    const megapixels = Number((pixels / 1_000_000).toPrecision(2));
    const size = frames > 1 ? `${width}x${height} pixels in ${frames} frames (${megapixels} megapixels in all)` : `${width}x${height} pixels (${megapixels} megapixels)`;
    return {
      ok: false,
      kind: "too-large",
      problem: `"${written}" is ${size}, above the limit of ${this.settings.maxMegapixels} megapixels`,
      hint: frames > 1
        ? "shorten the animation or scale it down, or raise images.maxMegapixels in site.yaml"
        : `scale it down before adding it: 4000 px wide is plenty; or raise images.maxMegapixels in site.yaml`,
    };
  }

  /** Plans a responsive image and queues whatever the cache lacks. */
  rendition(source: SourceImage, request: RenditionRequest): PlannedRendition {
    // Planned once per image and request: 10,000 articles share a few hundred photos, and each plan hashes its derivatives' names.
    const key = `${source.hash}|${JSON.stringify(request)}`;
    let plan = this.#plans.get(key) as PlannedRendition | undefined;
    if (!plan) {
      plan = planRendition(source, request);
      for (const spec of plan.derivatives) this.#schedule(source, spec);
      this.#plans.set(key, plan);
    }
    return plan;
  }

  /**
   * A value made once per build and `key` (what a hero's crops are for one
   * photo and focus): articles share it, and the page keys hash it once.
   */
  shared<T>(key: string, make: () => T): T {
    let value = this.#plans.get(key) as T | undefined;
    if (value === undefined) this.#plans.set(key, (value = make()));
    return value;
  }

  /** Plans one fixed-size focal crop (the social card) and queues it if missing. */
  fixedSize(source: SourceImage, size: { width: number; height: number }, format: ImageFormat, focus: Focus): { url: string; width: number; height: number } {
    const key = `${source.hash}|${size.width}x${size.height}|${format}|${JSON.stringify(focus)}`;
    let planned = this.#plans.get(key) as { url: string; width: number; height: number } | undefined;
    if (!planned) {
      const spec = planFixedSize(source, size, format, focus);
      this.#schedule(source, spec);
      this.#plans.set(key, (planned = { url: spec.url, width: spec.width, height: spec.height }));
    }
    return planned;
  }

  /** The blurred preview of an image with no transparency (undefined for transparent ones), cached. */
  placeholder(source: SourceImage): Promise<Placeholder | undefined> {
    if (source.hasAlpha) return Promise.resolve(undefined);
    let pending = this.#placeholders.get(source.hash);
    if (!pending) {
      pending = this.#placeholder(source);
      this.#placeholders.set(source.hash, pending);
    }
    return pending;
  }

  async #placeholder(source: SourceImage): Promise<Placeholder | undefined> {
    const name = `placeholder-v1-${source.hash}.json`;
    const cached = await this.cache.readText(name);
    if (cached) return JSON.parse(cached) as Placeholder;
    try {
      const { makePlaceholder } = await import("./placeholder.ts");
      const placeholder = await this.#queue.push(async () => makePlaceholder(await this.#readSame(source), { limitInputPixels: this.#limitInputPixels }));
      await this.cache.write(name, JSON.stringify(placeholder));
      return placeholder;
    } catch (error) {
      this.#fail(source, error);
      return undefined;
    }
  }

  #schedule(source: SourceImage, spec: DerivativeSpec): void {
    if (!this.#encode || this.#scheduled.has(spec.fileName)) return;
    const work = (async () => {
      if (await this.cache.has(spec.fileName)) {
        this.#reused++;
        return;
      }
      const progress = this.#progressOf(source);
      progress.scheduled++;
      try {
        await this.#queue.push(async () => {
          progress.started ??= performance.now();
          if (this.#failures.has(source.absolutePath)) return;
          const bytes = await this.#readSame(source);
          const { encodeDerivative } = await import("./encoder.ts");
          await this.cache.write(spec.fileName, await encodeDerivative(bytes, spec, { limitInputPixels: this.#limitInputPixels }));
          this.#encoded++;
        });
      } catch (error) {
        this.#fail(source, error);
      } finally {
        progress.done++;
        if (progress.done === progress.scheduled) this.#imageDone(progress);
      }
    })();
    this.#scheduled.set(spec.fileName, work);
  }

  /** The source's bytes, refusing a file that changed since it was hashed (its derivatives would be misnamed). */
  async #readSame(source: SourceImage): Promise<Buffer> {
    const bytes = await readFile(source.absolutePath);
    if (createHash("sha256").update(bytes).digest("hex").slice(0, 32) !== source.hash) {
      throw new Error("the file changed during the build; build again");
    }
    return bytes;
  }

  #fail(source: SourceImage, error: unknown): void {
    if (this.#failures.has(source.absolutePath)) return;
    this.#failures.set(source.absolutePath, problemOf(error));
    // Which encode fails first depends on timing, and libvips words the same
    // damage differently per operation: the reason shown is that of one full
    // decode, so that every build says the same thing.
    this.#diagnoses.push(
      decodeProblem(source.absolutePath, this.#limitInputPixels).then((problem) => {
        if (problem) this.#failures.set(source.absolutePath, problem);
      }),
    );
  }

  #progressOf(source: SourceImage): SourceProgress {
    let progress = this.#progress.get(source.absolutePath);
    if (!progress) {
      progress = { name: path.basename(source.absolutePath), scheduled: 0, done: 0 };
      this.#progress.set(source.absolutePath, progress);
    }
    return progress;
  }

  #imageDone(progress: SourceProgress): void {
    this.#imagesDone++;
    if (this.#progress.size <= this.#progressAfter) return;
    const seconds = ((performance.now() - (progress.started ?? performance.now())) / 1000).toFixed(2);
    const files = [...this.#progress.values()].reduce((sum, p) => sum + p.scheduled, 0);
    this.#log(`images: ${this.#imagesDone}/${this.#progress.size} (${this.#encoded}/${files} files) ${progress.name} in ${seconds} s`);
  }

  /** Waits for every queued encode; returns what failed (by source path) and what was done. */
  async finish(): Promise<PipelineSummary> {
    let settledCount = -1;
    // Encodes may be scheduled while earlier ones run (placeholders, late body images): wait until none are added.
    while (settledCount !== this.#scheduled.size + this.#placeholders.size) {
      settledCount = this.#scheduled.size + this.#placeholders.size;
      await Promise.all([...this.#scheduled.values(), ...this.#placeholders.values()]);
      await this.#queue.idle();
    }
    await Promise.all(this.#diagnoses);
    const seconds = (performance.now() - this.#started) / 1000;
    if (this.#progress.size > this.#progressAfter) {
      this.#log(`images: encoded ${this.#encoded} files of ${this.#progress.size} images in ${seconds.toFixed(1)} s (${(this.#encoded / seconds).toFixed(1)} files/s), ${this.#reused} from the cache`);
    }
    return { failures: new Map(this.#failures), encoded: this.#encoded, reused: this.#reused, images: this.#sources.size, seconds };
  }
}

/** An SVG by its name, or a file that starts with markup (sharp is not asked: its SVG reader would refuse malformed XML without saying where). */
function looksLikeSvg(bytes: Buffer, file: string): boolean {
  if (path.extname(file).toLowerCase() === ".svg") return true;
  const start = bytes.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return start.startsWith("<");
}

/** An SVG source: sanitised now to check it and learn its size (encoding sanitises the same bytes again). */
async function inspectSvg(bytes: Buffer, { absolutePath, hash, written }: { absolutePath: string; hash: string; written: string }): Promise<SourceCheck> {
  // Loaded for the first SVG: most sites have none, and its XML modules are many.
  const { sanitizeSvg } = await import("./svg-sanitizer.ts");
  const svg = sanitizeSvg(bytes.toString("utf8"));
  if (!svg.ok) return { ok: false, kind: "not-an-image", problem: `"${written}" ${svg.problem}`, hint: svg.hint };
  return {
    ok: true,
    source: { absolutePath, hash, width: svg.width, height: svg.height, format: "svg", hasAlpha: true, kind: "vector", svgRemoved: svg.removed },
  };
}

/** What a full decode of a damaged file says, or undefined if it decodes. */
async function decodeProblem(file: string, limitInputPixels: number): Promise<string | undefined> {
  let problem: string | undefined;
  // libvips keeps one error buffer for all its threads: while other images
  // encode, a decode may get only a generic line (GENERIC_LINE). Asked again, it
  // says what is wrong.
  for (let attempt = 0; attempt < 5 && (problem === undefined || GENERIC_LINE.test(problem)); attempt++) {
    try {
      await (await loadSharp())(file, { failOn: "warning", limitInputPixels }).raw().toBuffer();
      return undefined;
    } catch (error) {
      problem = problemOf(error);
    }
  }
  return problem;
}

/**
 * libvips's generic lines: a warning turned into an error, and a tile its
 * threads could not read. The line that says what is wrong with the file
 * ("VipsJpeg: premature end of JPEG image") may come before or after them,
 * or, while other images encode, be missing: a truncated JPEG was once
 * reported as "error in tile 0 x 16".
 */
const GENERIC_LINE = /treated as error due to failOn|^error in tile \d+ x \d+$/i;

/** The line of a libvips error that says what is wrong with the file. */
export function problemOf(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => !GENERIC_LINE.test(line)) ?? lines[0] ?? "unknown error";
}

/** sharp, loaded when an image is first read: a build whose images are all known does not load it. */
async function loadSharp(): Promise<(typeof import("sharp"))["default"]> {
  return (await import("sharp")).default;
}

