import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { buildSite, unwrapContentError } from "../../src/site-builder/build-site.ts";
import { formatDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.ts";
import { CARD_IMAGE_SIZES } from "../../layouts/components/ArticleCard.tsx";
import { HERO_SIZES } from "../../layouts/components/HeroFigure.tsx";
import { BODY_IMAGE_SIZES } from "../../src/markdown/remark-local-images.ts";
import { jpegWithGps, photo, truncatedJpeg, writeFiles } from "../fixtures/images/make-images.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { FIXTURE_SITES } from "./build-fixture.ts";

/** Copies a fixture site into a fresh folder (its own cold image cache, removed when the file ends) and adds generated images. */
function copySite(name: string, images: Record<string, Uint8Array | string>): string {
  const rootDir = path.join(temporaryFolder(`newsroom-${name}-`), "root");
  cpSync(path.join(FIXTURE_SITES, name), rootDir, { recursive: true });
  writeFiles(path.join(rootDir, "content/images"), images);
  return rootDir;
}

const P3_COLOUR = { r: 200, g: 100, b: 50 };

async function basicImages() {
  return {
    "harbour.jpg": await jpegWithGps(1400, 788),
    // A flat colour stored in Display P3: the numbers in the file differ from the sRGB ones readers must get.
    "quay-p3.jpg": await sharp({ create: { width: 500, height: 300, channels: 3, background: P3_COLOUR } }).withIccProfile("p3").jpeg({ quality: 95 }).toBuffer(),
    "small.jpg": await photo(300, 200, 5).jpeg().toBuffer(),
    "portrait.jpg": await photo(300, 400, 9).jpeg().toBuffer(),
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).map((name) => path.join(dir, name));
}

function listCache(rootDir: string): Map<string, number> {
  const dir = path.join(rootDir, ".cache/images");
  return new Map(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
}

const page = (outputDir: string, url: string) => parseHTML(readFileSync(path.join(outputDir, url, "index.html"), "utf8")).document;
const FORMAT_OF: Record<string, string> = { avif: "heif", webp: "webp", jpg: "jpeg" };

describe("responsive images in a built site", () => {
  let rootDir: string;
  let outputDir: string;
  let coldSeconds: number;
  before(async () => {
    rootDir = copySite("images-basic", await basicImages());
    outputDir = path.join(rootDir, "_site");
    const started = performance.now();
    await buildSite({ rootDir, outputDir });
    coldSeconds = (performance.now() - started) / 1000;
  });

  test("the hero is a picture: AVIF, WebP, then a JPEG img with srcset, sizes, intrinsic size, high priority and a tiny placeholder", () => {
    const document = page(outputDir, "news/harbour-photo");
    const picture = document.querySelector('[data-component="hero"] picture')!;
    const sources = [...picture.querySelectorAll("source")];
    assert.deepEqual(sources.map((s) => s.getAttribute("type")), ["image/avif", "image/webp"]);
    for (const source of sources) {
      assert.match(source.getAttribute("srcset")!, /^\/images\/derived\/[0-9a-f]{20}-200\.(avif|webp) 200w, \S+-400\.\1 400w, \S+-800\.\1 800w$/);
      assert.equal(source.getAttribute("sizes"), HERO_SIZES);
    }
    const img = picture.querySelector("img")!;
    assert.deepEqual(
      ["alt", "width", "height", "fetchpriority", "loading", "sizes"].map((name) => img.getAttribute(name)),
      ["Boats in the harbour at dawn", "800", "450", "high", null, HERO_SIZES],
    );
    assert.match(img.getAttribute("src")!, /^\/images\/derived\/[0-9a-f]{20}-800\.jpg$/);
    assert.match(img.getAttribute("srcset")!, /-200\.jpg 200w, .*-400\.jpg 400w, .*-800\.jpg 800w$/);
    const style = img.getAttribute("style")!;
    const preview = /background-image:url\((data:image\/webp;base64,[A-Za-z0-9+/=]+)\)/.exec(style)?.[1];
    assert.ok(preview, `a data: preview in ${style}`);
    assert.ok(preview.length < 400, `the preview is ${preview.length} bytes inline`);
    assert.match(style, /background-color:#[0-9a-f]{6}/);
  });

  test("every image a page refers to exists with the stated width, aspect ratio and format", async () => {
    const checked = new Set<string>();
    for (const file of htmlFiles(outputDir)) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      for (const picture of document.querySelectorAll("picture")) {
        const img = picture.querySelector("img")!;
        const ratio = Number(img.getAttribute("width")) / Number(img.getAttribute("height"));
        const candidates = [...picture.querySelectorAll("source, img")].flatMap((element) =>
          (element.getAttribute("srcset") ?? "").split(", ").map((entry) => entry.split(" ")),
        );
        candidates.push([img.getAttribute("src")!, ""]);
        for (const [url, descriptor] of candidates) {
          if (!url || checked.has(`${url} ${descriptor}`)) continue;
          checked.add(`${url} ${descriptor}`);
          const target = path.join(outputDir, url);
          assert.ok(existsSync(target), `${url} (in ${path.relative(outputDir, file)}) is published`);
          const meta = await sharp(target).metadata();
          assert.equal(meta.format, FORMAT_OF[url.split(".").pop()!], `${url} format`);
          if (descriptor) assert.equal(`${meta.width}w`, descriptor, `${url} width`);
          assert.ok(Math.abs(meta.width! / meta.height! - ratio) < 0.02, `${url} is ${meta.width}x${meta.height}, the page says ${ratio.toFixed(3)}`);
        }
      }
    }
    assert.ok(checked.size > 20, `checked ${checked.size} files`);
  });

  test("derivatives carry no EXIF, GPS, XMP or colour profile other than sRGB, and the originals are not published", async () => {
    const derived = readdirSync(path.join(outputDir, "images/derived"));
    assert.ok(derived.length > 20);
    for (const name of derived) {
      const meta = await sharp(path.join(outputDir, "images/derived", name)).metadata();
      assert.equal(meta.exif, undefined, `${name} has EXIF`);
      assert.equal(meta.xmp, undefined, `${name} has XMP`);
      assert.equal(meta.icc, undefined, `${name} has a colour profile`);
      assert.equal(meta.space, "srgb", `${name} colour space`);
    }
    for (const original of ["harbour.jpg", "quay-p3.jpg", "small.jpg", "portrait.jpg"]) {
      assert.equal(existsSync(path.join(outputDir, "images", original)), false, `${original} is published as is`);
    }
  });

  test("keeps colours right: a Display P3 source comes out as the same colour in sRGB", async () => {
    const document = page(outputDir, "news/harbour-photo");
    const img = document.querySelector(".article-body picture img")!;
    const { data } = await sharp(path.join(outputDir, img.getAttribute("src")!)).raw().toBuffer({ resolveWithObject: true });
    const [r, g, b] = [data[0]!, data[1]!, data[2]!];
    assert.ok(Math.abs(r - P3_COLOUR.r) <= 6 && Math.abs(g - P3_COLOUR.g) <= 6 && Math.abs(b - P3_COLOUR.b) <= 6, `got ${r},${g},${b}`);
  });

  test("body images are lazy pictures sized for the text column", () => {
    const picture = page(outputDir, "news/harbour-photo").querySelector(".article-body picture")!;
    assert.deepEqual([...picture.querySelectorAll("source")].map((s) => [s.getAttribute("type"), s.getAttribute("sizes")]), [
      ["image/avif", BODY_IMAGE_SIZES],
      ["image/webp", BODY_IMAGE_SIZES],
    ]);
    const img = picture.querySelector("img")!;
    assert.deepEqual(
      ["alt", "width", "height", "loading", "decoding", "fetchpriority"].map((name) => img.getAttribute(name)),
      ["A P3 photo of the quay", "320", "192", "lazy", "async", null],
    );
  });

  test("never upscales: a 300 px hero is offered at 200 and 300 px only", () => {
    const img = page(outputDir, "news/small-hero").querySelector('[data-component="hero"] img')!;
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["300", "200"]);
    assert.match(img.getAttribute("srcset")!, /^\S+-200\.jpg 200w, \S+-300\.jpg 300w$/);
  });

  test("lists show a square thumbnail cropped around the focus, lazily, with the focus as object-position", async () => {
    const cards = [...page(outputDir, "tags/harbour").querySelectorAll('[data-component="article-card"]')];
    const harbour = cards.find((card) => card.querySelector("a")!.getAttribute("href") === "/news/harbour-photo/")!;
    const img = harbour.querySelector("picture img")!;
    assert.deepEqual(["width", "height", "loading", "alt"].map((name) => img.getAttribute(name)), ["240", "240", "lazy", ""]);
    assert.equal(img.getAttribute("sizes"), CARD_IMAGE_SIZES);
    // 1400x788 source, focus 62% 38%: the square is 788 wide from x=474, so the focus sits at its middle.
    assert.match(img.getAttribute("style")!, /object-position:50% 38%/);
    const meta = await sharp(path.join(outputDir, img.getAttribute("src")!)).metadata();
    assert.deepEqual([meta.width, meta.height], [240, 240]);
  });

  test("publishes a 1200x630 social card and an author photo scaled for its slot", async () => {
    const social = readdirSync(path.join(outputDir, "images/derived")).filter((name) => name.endsWith("-1200x630.jpg"));
    assert.equal(social.length, 1);
    const meta = await sharp(path.join(outputDir, "images/derived", social[0]!)).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [1200, 630, "jpeg"]);
    const photo = page(outputDir, "authors/pat-lens").querySelector(".author-header__photo")!;
    assert.deepEqual([photo.getAttribute("width"), photo.getAttribute("height")], ["240", "320"]);
    assert.ok(existsSync(path.join(outputDir, photo.getAttribute("src")!)));
  });

  test("a rebuild with unchanged images encodes nothing and publishes the same files from the cache", async () => {
    const cacheBefore = listCache(rootDir);
    const secondOutput = path.join(rootDir, "_site2");
    const started = performance.now();
    await buildSite({ rootDir, outputDir: secondOutput });
    const warmSeconds = (performance.now() - started) / 1000;
    assert.deepEqual(listCache(rootDir), cacheBefore, "no cache file was added or rewritten");
    assert.deepEqual(readdirSync(path.join(secondOutput, "images/derived")).sort(), readdirSync(path.join(outputDir, "images/derived")).sort());
    console.log(`# images-basic: cold build ${coldSeconds.toFixed(2)} s, warm ${warmSeconds.toFixed(2)} s`);
  });
});

describe("bad images", () => {
  test("fail the build with every problem at its file and line, and write nothing", async () => {
    const rootDir = copySite("images-broken", {
      // As small as a hero may be (200 px each way), under the fixture's pixel limit.
      "ok.jpg": await photo(220, 200).jpeg().toBuffer(),
      "notes.jpg": "These are meeting notes, saved with the wrong extension.\n",
      "truncated.jpg": await truncatedJpeg(240, 200),
      "truncated-body.jpg": await truncatedJpeg(200, 150, 0.6),
      "huge.jpg": await photo(400, 200).jpeg().toBuffer(), // 0.08 megapixels; the fixture's limit is 0.05
    });
    writeFileSync(path.join(rootDir, "secret.jpg"), await photo(50, 50).jpeg().toBuffer());
    const parent = path.join(rootDir, "out");
    mkdirSync(parent);
    const outputDir = path.join(parent, "site");
    let failure: unknown;
    try {
      await buildSite({ rootDir, outputDir });
    } catch (error) {
      failure = error;
    }
    const error = unwrapContentError(failure);
    assert.ok(error, `expected a content error, got ${String(failure)}`);
    assert.deepEqual(sortDiagnostics(error.diagnostics).map(formatDiagnostic), [
      "content/articles/body-problems.md:7:8 warning: hero is 220 px wide; the page shows heroes up to 672 px wide, so on large screens it is shown narrower than the column (use a photo at least 672 px wide; 1344 px stays sharp on high-density screens too) [images/hero-low-resolution]",
      'content/articles/body-problems.md:13:1 error: image has no alt text (describe the picture inside the brackets: ![A ferry leaving the harbour](../images/ferry.jpg)) [images/missing-alt]',
      'content/articles/body-problems.md:15:1 error: "../images/truncated-body.jpg" is damaged or not a complete image (VipsJpeg: premature end of JPEG image) (export it again from the original photo and replace the file) [images/damaged]',
      'content/articles/body-problems.md:17:1 error: "../../../../etc/hostname" points outside the content folder (keep images in content/images/) [images/image-not-found]',
      "content/articles/empty-alt.md:8:8 error: hero.alt (the description of the photo for blind readers) must not be empty [frontmatter/invalid-value]",
      'content/articles/missing-file.md:7:8 error: file "../images/nowhere.jpg" not found (there is no images/nowhere.jpg in the content folder) [article/hero-not-found]',
      'content/articles/not-an-image.md:7:8 error: "../images/notes.jpg" is not an image (use a JPEG, PNG, GIF, WebP, AVIF or SVG file) [article/hero-not-an-image]',
      'content/articles/outside-content.md:7:8 error: "../../secret.jpg" points outside the content folder (keep images in content/images/) [article/hero-not-found]',
      'content/articles/too-large.md:7:8 error: "../images/huge.jpg" is 400x200 pixels (0.08 megapixels), above the limit of 0.05 megapixels (scale it down before adding it: 4000 px wide is plenty; or raise images.maxMegapixels in site.yaml) [article/hero-too-large]',
      'content/articles/truncated.md:7:8 error: "../images/truncated.jpg" is damaged or not a complete image (VipsJpeg: premature end of JPEG image) (export it again from the original photo and replace the file) [article/hero-damaged]',
      'content/authors/pat-lens.md:5:15 error: file "../images/missing-portrait.jpg" not found (there is no images/missing-portrait.jpg in the content folder) [author/photo-not-found]',
    ]);
    assert.deepEqual(readdirSync(parent), [], "nothing was written: no output, no staging folder");
  });
});
