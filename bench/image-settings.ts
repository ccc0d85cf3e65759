/**
 * Encoder settings, measured: for each candidate setting, the time to encode
 * 6 sample photographs (content/images) at 400, 800 and 1200 px, one at a
 * time, the total bytes, and the mean SSIM (luma, 8x8 windows) against the
 * resized original. The figures behind the choice in src/images/image-options.ts.
 *
 *   node --import ./src/loader/register.mjs bench/image-settings.ts                 # all candidates (AVIF effort 4 takes ~45 s each)
 *   node --import ./src/loader/register.mjs bench/image-settings.ts avif-q55-e2 webp-q75
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { BENCH_DIR } from "./generate-corpus.ts";

const PHOTOS = ["autumn-hills", "woodland-stream", "market-figs", "nuthatch", "storm-clouds", "harbour-bridge"];
const WIDTHS = [400, 800, 1200];

const CANDIDATES: Record<string, (image: Sharp) => Sharp> = {
  "jpeg-q80": (s) => s.jpeg({ quality: 80 }),
  "jpeg-q75-progressive": (s) => s.jpeg({ quality: 75, progressive: true }),
  "jpeg-q80-mozjpeg": (s) => s.jpeg({ quality: 80, mozjpeg: true }),
  "webp-q80": (s) => s.webp({ quality: 80 }),
  "webp-q75": (s) => s.webp({ quality: 75 }),
  "webp-q75-e2": (s) => s.webp({ quality: 75, effort: 2 }),
  "avif-q50-e4": (s) => s.avif({ quality: 50, effort: 4 }),
  "avif-q50-e2": (s) => s.avif({ quality: 50, effort: 2 }),
  "avif-q55-e2": (s) => s.avif({ quality: 55, effort: 2 }),
  "avif-q50-e0": (s) => s.avif({ quality: 50, effort: 0 }),
  "avif-q55-e0": (s) => s.avif({ quality: 55, effort: 0 }),
};

/** Mean SSIM of two greyscale images of the same size, 8x8 windows every 4 px. */
function ssim(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let sum = 0;
  let count = 0;
  for (let y = 0; y + 8 <= height; y += 4) {
    for (let x = 0; x + 8 <= width; x += 4) {
      let ma = 0;
      let mb = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) {
        const k = (y + j) * width + x + i;
        ma += a[k]!;
        mb += b[k]!;
      }
      ma /= 64;
      mb /= 64;
      let va = 0;
      let vb = 0;
      let cov = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) {
        const k = (y + j) * width + x + i;
        const da = a[k]! - ma;
        const db = b[k]! - mb;
        va += da * da;
        vb += db * db;
        cov += da * db;
      }
      sum += ((2 * ma * mb + c1) * (2 * (cov / 63) + c2)) / ((ma * ma + mb * mb + c1) * (va / 63 + vb / 63 + c2));
      count++;
    }
  }
  return sum / count;
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(CANDIDATES);
  const references = [];
  for (const name of PHOTOS) {
    const bytes = readFileSync(path.join(BENCH_DIR, "..", "content", "images", `${name}.jpg`));
    for (const width of WIDTHS) {
      const { data, info } = await sharp(bytes).resize({ width }).greyscale().raw().toBuffer({ resolveWithObject: true });
      references.push({ bytes, width, data, info });
    }
  }
  process.stdout.write(`setting                 seconds      KB    SSIM   (${PHOTOS.length} photos x ${WIDTHS.join("/")} px, one encode at a time)\n`);
  for (const name of names) {
    const encode = CANDIDATES[name];
    if (!encode) throw new Error(`unknown setting ${name}; one of ${Object.keys(CANDIDATES).join(", ")}`);
    let seconds = 0;
    let bytes = 0;
    let quality = 0;
    for (const reference of references) {
      const started = performance.now();
      const output = await encode(sharp(reference.bytes).resize({ width: reference.width })).toBuffer();
      seconds += (performance.now() - started) / 1000;
      bytes += output.length;
      const decoded = await sharp(output).greyscale().raw().toBuffer();
      quality += ssim(reference.data, decoded, reference.info.width, reference.info.height);
    }
    process.stdout.write(`${name.padEnd(22)} ${seconds.toFixed(2).padStart(8)} ${(bytes / 1024).toFixed(0).padStart(7)}  ${(quality / references.length).toFixed(4)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
