import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ImagePipeline, problemOf } from "../../../src/images/image-pipeline.ts";
import { DEFAULT_IMAGE_SETTINGS, FORMATS } from "../../../src/images/image-options.ts";
import { animatedGif, halfTransparentPng, photo, stillGif, truncatedJpeg } from "../../fixtures/images/make-images.ts";
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

  it("refuses what is not an image, a broken SVG, a decompression bomb and an animation too long to decode, before decoding", async () => {
    const { images } = pipeline("cache-refused", { maxMegapixels: 1 });
    const text = temp.write("text.jpg", "not an image");
    const svg = temp.write("broken.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g></svg>');
    const bomb = temp.write("bomb.png", "");
    // 2000x1000 of one colour: a tiny file that would decode to 2 megapixels.
    await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#000" } }).png().toFile(bomb);
    // 400x300 is 0.12 megapixels a frame; twelve frames are 1.4 in all.
    const long = temp.write("long.gif", "");
    writeFileSync(long, await animatedGif(400, 300, 12));
    const problems = await Promise.all([text, svg, bomb, long].map(async (file) => {
      const checked = await images.inspect(file, path.basename(file));
      return checked.ok ? "ok" : checked.problem;
    }));
    assert.deepEqual(problems, [
      '"text.jpg" is not an image',
      '"broken.svg" is not well-formed SVG (Missing end tag for element g (line 1, column 67))',
      '"bomb.png" is 2000x1000 pixels (2 megapixels), above the limit of 1 megapixels',
      '"long.gif" is 400x300 pixels in 12 frames (1.4 megapixels in all), above the limit of 1 megapixels',
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

  it("names the line of a libvips error that says what is wrong, wherever the generic lines put it", () => {
    const specific = "VipsJpeg: premature end of JPEG image";
    const generic = ["error in tile 0 x 16", "VipsJpeg: image treated as error due to failOn"];
    for (const lines of [[specific, ...generic], [generic[0]!, specific, generic[1]!], [...generic, specific]]) {
      assert.equal(problemOf(new Error(lines.join("\n"))), specific, lines.join(" | "));
    }
    assert.equal(problemOf(new Error("error in tile 0 x 16")), "error in tile 0 x 16", "only a generic line: that line");
    assert.equal(problemOf(new Error("")), "unknown error");
  });

  it("keeps an animated GIF animated: WebP and GIF derivatives with every frame and its timing", async () => {
    const file = temp.write("demo.gif", "");
    writeFileSync(file, await animatedGif(200, 100, 5, 150));
    const { images } = pipeline("cache-animated");
    const source = await inspectOk(images, file);
    assert.deepEqual([source.kind, source.width, source.height], ["animated", 200, 100]);
    const plan = images.rendition(source, { widths: [100, 200], formats: FORMATS });
    const summary = await images.finish();
    assert.deepEqual([summary.failures.size, plan.derivatives.map((spec) => spec.fileName.split(".").pop())], [0, ["webp", "webp", "gif"]]);
    for (const spec of plan.derivatives) {
      const meta = await sharp(path.join(temp.dir, "cache-animated", spec.fileName), { animated: true }).metadata();
      assert.deepEqual([meta.format, meta.pages, meta.width, meta.pageHeight ?? meta.height, meta.delay], [spec.format, 5, spec.width, spec.height, [150, 150, 150, 150, 150]], spec.fileName);
    }
  });

  it("treats a still GIF like a PNG, and keeps a PNG's transparency in AVIF and WebP and makes it white in JPEG", async () => {
    const gif = temp.write("still.gif", "");
    writeFileSync(gif, await stillGif(120, 80));
    const png = temp.write("clear.png", "");
    writeFileSync(png, await halfTransparentPng(120, 80));
    const { images } = pipeline("cache-alpha");
    const gifSource = await inspectOk(images, gif);
    assert.deepEqual([gifSource.kind, gifSource.format], ["still", "gif"]);
    assert.deepEqual(images.rendition(gifSource, { widths: [60], formats: FORMATS }).sources.map((s) => s.format), ["avif", "webp", "jpeg"]);
    const plan = images.rendition(await inspectOk(images, png), { widths: [60], formats: FORMATS });
    await images.finish();
    const pixelAt = async (fileName: string, x: number) => {
      const { data, info } = await sharp(path.join(temp.dir, "cache-alpha", fileName)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const i = (20 * info.width + x) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!] as const;
    };
    const [avif, webp, jpeg] = plan.derivatives.map((spec) => spec.fileName);
    for (const name of [avif!, webp!]) assert.equal((await pixelAt(name, 5))[3], 0, `${name} is transparent on the left`);
    assert.deepEqual(await pixelAt(jpeg!, 5), [255, 255, 255, 255], "JPEG is white where the PNG was transparent");
    const [r, g, b] = await pixelAt(jpeg!, 50);
    assert.ok(Math.abs(r - 200) < 12 && g < 50 && Math.abs(b - 60) < 12, `opaque half keeps its colour (${r},${g},${b})`);
  });

  it("publishes an SVG as its sanitised text and draws its crops at the size asked for", async () => {
    const file = temp.write("chart.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" onload="alert(1)"><rect width="320" height="160" fill="#0f4c5c"/><script>alert(2)</script></svg>');
    const { images } = pipeline("cache-svg");
    const source = await inspectOk(images, file);
    assert.deepEqual([source.kind, source.width, source.height, source.svgRemoved], ["vector", 320, 160, ["onload handler", "<script>"]]);
    const plan = images.rendition(source, { widths: [400, 800], formats: FORMATS });
    const card = images.fixedSize(source, { width: 1200, height: 630 }, "jpeg", { x: 0.5, y: 0.5 });
    await images.finish();
    const published = readFileSync(path.join(temp.dir, "cache-svg", plan.derivatives[0]!.fileName), "utf8");
    assert.equal(published, '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#0f4c5c" /></svg>\n');
    const meta = await sharp(path.join(temp.dir, "cache-svg", card.url.split("/").pop()!)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 1200, 630]);
  });
});
