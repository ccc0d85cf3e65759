import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ImagePipeline } from "../../../src/images/image-pipeline.ts";
import { DEFAULT_IMAGE_SETTINGS, FORMATS } from "../../../src/images/image-options.ts";
import { photo, truncatedJpeg } from "../../fixtures/images/make-images.ts";
import { makeTempDir } from "../helpers.ts";

const temp = makeTempDir("newsroom-pipeline-");
after(() => temp.cleanup());

function pipeline(cacheName: string, overrides: Partial<typeof DEFAULT_IMAGE_SETTINGS> = {}) {
  const lines: string[] = [];
  const images = new ImagePipeline({
    cacheDir: path.join(temp.dir, cacheName),
    settings: { ...DEFAULT_IMAGE_SETTINGS, ...overrides },
    concurrency: 2,
    log: (line) => lines.push(line),
    progressAfter: 1,
  });
  return { images, lines };
}

async function inspectOk(images: ImagePipeline, file: string) {
  const checked = await images.inspect(file, path.basename(file));
  assert.ok(checked.ok, checked.ok ? "" : checked.problem);
  return checked.source;
}

describe("ImagePipeline", () => {
  it("encodes what the cache lacks, then nothing on a second run over the same cache", async () => {
    const file = temp.write("a.jpg", "");
    await photo(320, 180).jpeg().toFile(file);
    const cold = pipeline("cache-warm");
    const plan = cold.images.rendition(await inspectOk(cold.images, file), { widths: [100, 200], formats: FORMATS });
    const first = await cold.images.finish();
    assert.deepEqual([first.encoded, first.reused, first.failures.size], [6, 0, 0]);
    assert.equal(plan.derivatives.length, 6);
    const warm = pipeline("cache-warm");
    warm.images.rendition(await inspectOk(warm.images, file), { widths: [100, 200], formats: FORMATS });
    const second = await warm.images.finish();
    assert.deepEqual([second.encoded, second.reused], [0, 6]);
    assert.deepEqual(readdirSync(path.join(temp.dir, "cache-warm")).filter((name) => name.endsWith(".tmp")), []);
  });

  it("shows progress with done/total and per-image time once more than a handful of images are encoded", async () => {
    const { images, lines } = pipeline("cache-progress");
    const sources = [];
    for (const name of ["p1.jpg", "p2.jpg"]) {
      const file = temp.write(name, "");
      await photo(120, 80, name.length + name.charCodeAt(1)).jpeg().toFile(file);
      sources.push(await inspectOk(images, file));
    }
    for (const source of sources) images.rendition(source, { widths: [60], formats: ["jpeg"] });
    await images.finish();
    // Progress starts once more than `progressAfter` (here 1) images have work, so the last image always has a line.
    const perImage = lines.slice(0, -1);
    assert.ok(perImage.length >= 1, lines.join("\n"));
    for (const line of perImage) assert.match(line, /^images: [12]\/2 \(\d\/2 files\) p[12]\.jpg in \d+\.\d\d s$/);
    assert.match(lines.at(-1)!, /^images: encoded 2 files of 2 images in .* s \(.* files\/s\), 0 from the cache$/);
  });

  it("applies EXIF orientation: a portrait photo stored sideways is planned and encoded upright", async () => {
    const file = temp.write("rotated.jpg", "");
    await photo(80, 40).jpeg().withMetadata({ orientation: 6 }).toFile(file);
    const { images } = pipeline("cache-rotated");
    const source = await inspectOk(images, file);
    assert.deepEqual([source.width, source.height], [40, 80]);
    const plan = images.rendition(source, { widths: [20], formats: ["jpeg"] });
    await images.finish();
    const meta = await sharp(path.join(temp.dir, "cache-rotated", plan.derivatives[0]!.fileName)).metadata();
    assert.deepEqual([meta.width, meta.height, meta.orientation], [20, 40, undefined]);
  });

  it("makes a placeholder of a couple of hundred bytes and caches it", async () => {
    const file = temp.write("ph.jpg", "");
    await photo(640, 360).jpeg().toFile(file);
    const { images } = pipeline("cache-placeholder");
    const placeholder = await images.placeholder(await inspectOk(images, file));
    assert.ok(placeholder);
    assert.match(placeholder.color, /^#[0-9a-f]{6}$/);
    assert.ok(placeholder.dataUri.length < 400, `${placeholder.dataUri.length} bytes`);
    const cached = readdirSync(path.join(temp.dir, "cache-placeholder")).filter((name) => name.startsWith("placeholder-"));
    assert.equal(cached.length, 1);
    assert.deepEqual(JSON.parse(readFileSync(path.join(temp.dir, "cache-placeholder", cached[0]!), "utf8")), placeholder);
  });

  it("refuses what is not an image, a vector file and a decompression bomb, before decoding", async () => {
    const { images } = pipeline("cache-refused", { maxMegapixels: 1 });
    const text = temp.write("text.jpg", "not an image");
    const svg = temp.write("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const bomb = temp.write("bomb.png", "");
    // 2000x1000 of one colour: a tiny file that would decode to 2 megapixels.
    await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#000" } }).png().toFile(bomb);
    const problems = await Promise.all([text, svg, bomb].map(async (file) => {
      const checked = await images.inspect(file, path.basename(file));
      return checked.ok ? "ok" : checked.problem;
    }));
    assert.deepEqual(problems, [
      '"text.jpg" is not an image',
      '"logo.svg" is a SVG file, not a photograph format',
      '"bomb.png" is 2000x1000 pixels (2 megapixels), above the limit of 1 megapixels',
    ]);
  });

  it("reports a truncated JPEG as a failure of that source and writes none of its derivatives", async () => {
    const file = temp.write("cut.jpg", "");
    writeFileSync(file, await truncatedJpeg(300, 200));
    const { images } = pipeline("cache-truncated");
    images.rendition(await inspectOk(images, file), { widths: [100, 200], formats: FORMATS });
    const summary = await images.finish();
    assert.match(summary.failures.get(file) ?? "", /premature end of JPEG/);
    assert.equal(summary.encoded, 0);
    assert.equal(existsSync(path.join(temp.dir, "cache-truncated")), false, "nothing was written to the cache");
  });
});
