/**
 * Image benchmark, in its own process: N generated 2400x1350 photographs go
 * through the hero plan (4 widths x AVIF/WebP/JPEG, a square thumbnail at 3
 * widths x 3 formats, the 1200x630 social card, the placeholder):
 *
 * 1. cold: our pipeline into an empty cache (bounded queue, the build's code);
 * 2. baseline: a plain sharp loop encoding the same derivatives of the same files;
 * 3. warm: the image stage of a rebuild with the cache filled: inspect, plan,
 *    read placeholders, publish (link) every derivative into an output folder.
 *
 *   node --import ./src/loader/register.mjs bench/images-once.ts <count> <seed>
 *
 * The last stdout line is JSON: {"images":N,"derivatives":N,"imagesCold":s,"sharpBaseline":s,"imagesWarm":s}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { ENCODERS, DEFAULT_IMAGE_SETTINGS, defaultEncodeConcurrency } from "../src/images/image-options.ts";
import { ImagePipeline, type SourceImage } from "../src/images/image-pipeline.ts";
import { planFixedSize, planRendition, focalCrop, CENTER, type DerivativeSpec } from "../src/images/planner.ts";
import { planHero } from "../src/images/responsive-image.ts";
import { SOCIAL_SIZE, SEARCH_CROP_SIZES, FORMATS } from "../src/images/image-options.ts";

const WIDTH = 2400;
const HEIGHT = 1350;

/** Photo-like: two-colour gradient, a bright subject, a seeded grain tile (as the corpus generator does). */
async function writePhoto(file: string, seed: number): Promise<void> {
  let state = seed >>> 0 || 1;
  const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const from = [rand() * 255, rand() * 255, rand() * 255];
  const to = [rand() * 255, rand() * 255, rand() * 255];
  const tile = Int8Array.from({ length: 256 * 256 }, () => Math.round((rand() - 0.5) * 28));
  const pixels = new Uint8ClampedArray(WIDTH * HEIGHT * 3);
  const [cx, cy, radius] = [WIDTH * (0.3 + rand() * 0.4), HEIGHT * (0.3 + rand() * 0.4), HEIGHT * 0.25];
  let offset = 0;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const t = (x + y) / (WIDTH + HEIGHT);
      const subject = Math.max(0, 1 - Math.hypot(x - cx, y - cy) / radius) * 90;
      const noise = tile[((y & 255) << 8) | (x & 255)]!;
      for (let c = 0; c < 3; c++) pixels[offset++] = from[c]! + (to[c]! - from[c]!) * t + subject + noise + 20 * Math.sin((x + c * 50) / 41);
    }
  }
  await sharp(Buffer.from(pixels.buffer), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 88 }).toFile(file);
}

/** The same derivatives the pipeline plans for a hero, for the plain loop. */
function heroSpecs(source: SourceImage): DerivativeSpec[] {
  const settings = DEFAULT_IMAGE_SETTINGS;
  return [
    ...planRendition(source, { widths: settings.widths, formats: FORMATS }).derivatives,
    ...planRendition(source, { widths: settings.thumbnailWidths, formats: FORMATS, crop: focalCrop(source.width, source.height, 1, CENTER) }).derivatives,
    planFixedSize(source, SOCIAL_SIZE, "jpeg", CENTER),
    ...SEARCH_CROP_SIZES.map((size) => planFixedSize(source, size, "jpeg", CENTER)),
  ];
}

async function runPipeline(files: string[], cacheDir: string) {
  const images = new ImagePipeline({ cacheDir, settings: DEFAULT_IMAGE_SETTINGS, log: (line) => process.stderr.write(`  ${line}\n`) });
  const sources: SourceImage[] = [];
  for (const file of files) {
    const checked = await images.inspect(file, path.basename(file));
    if (!checked.ok) throw new Error(checked.problem);
    sources.push(checked.source);
    planHero(images, checked.source, { src: file, alt: "A photo", credit: "Bench" }, DEFAULT_IMAGE_SETTINGS);
  }
  const summary = await images.finish();
  if (summary.failures.size > 0) throw new Error([...summary.failures.values()].join("; "));
  await Promise.all(sources.map((source) => images.placeholder(source)));
  return { images, sources, summary };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20);
  const seed = Number(process.argv[3] ?? 1);
  const work = mkdtempSync(path.join(os.tmpdir(), "newsroom-images-bench-"));
  try {
    const sourceDir = path.join(work, "sources");
    mkdirSync(sourceDir);
    const files = Array.from({ length: count }, (_, i) => path.join(sourceDir, `photo-${String(i + 1).padStart(3, "0")}.jpg`));
    for (const [i, file] of files.entries()) await writePhoto(file, seed * 1000 + i);
    process.stderr.write(`  ${count} sources of ${WIDTH}x${HEIGHT}, encode concurrency ${defaultEncodeConcurrency()}, sharp threads per pipeline ${sharp.concurrency()}\n`);

    const cacheDir = path.join(work, "cache");
    let started = performance.now();
    const cold = await runPipeline(files, cacheDir);
    const imagesCold = (performance.now() - started) / 1000;
    const derivatives = cold.summary.encoded;

    // Plain sharp: for each file, every derivative at once (what a hand-written script does), then the next file.
    const baselineDir = path.join(work, "baseline");
    mkdirSync(baselineDir);
    started = performance.now();
    let baselineFiles = 0;
    for (const source of cold.sources) {
      await Promise.all(
        heroSpecs(source).map(async (spec) => {
          let image = sharp(source.absolutePath).autoOrient();
          if (spec.crop) image = image.extract(spec.crop);
          image = image.resize(spec.width, spec.height);
          const encoded = spec.format === "avif" ? image.avif(ENCODERS.avif) : spec.format === "webp" ? image.webp(ENCODERS.webp) : image.jpeg(ENCODERS.jpeg);
          await encoded.toFile(path.join(baselineDir, spec.fileName));
          baselineFiles++;
        }),
      );
      // The placeholder, as the pipeline makes one per hero.
      await sharp(source.absolutePath).resize(16, 16, { fit: "inside" }).webp({ quality: 40 }).toBuffer();
    }
    const sharpBaseline = (performance.now() - started) / 1000;
    if (baselineFiles !== derivatives) throw new Error(`baseline wrote ${baselineFiles} files, the pipeline ${derivatives}`);

    // Warm: a rebuild's image stage, cache filled: no encoding; derivatives linked into a fresh output.
    started = performance.now();
    const warm = await runPipeline(files, cacheDir);
    if (warm.summary.encoded !== 0) throw new Error(`the warm pass encoded ${warm.summary.encoded} files`);
    const outputDir = path.join(work, "site", "images", "derived");
    await mkdir(outputDir, { recursive: true });
    const names = new Set(cold.sources.flatMap((source) => heroSpecs(source).map((spec) => spec.fileName)));
    await Promise.all([...names].map((name) => warm.images.cache.publish(name, outputDir)));
    const imagesWarm = (performance.now() - started) / 1000;

    const round = (value: number) => Number(value.toFixed(3));
    writeFileSync(1, `\n${JSON.stringify({ images: count, derivatives, imagesCold: round(imagesCold), sharpBaseline: round(sharpBaseline), imagesWarm: round(imagesWarm) })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
