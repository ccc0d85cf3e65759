import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFocus } from "../../../src/content/focus.ts";
import { cssPosition, derivativeKey, fallbackWidth, focalCrop, focusInCrop, planFixedSize, planRendition, planWidths } from "../../../src/images/planner.ts";
import { FORMATS } from "../../../src/images/image-options.ts";

const source = { hash: "a".repeat(32), width: 2400, height: 1350 };

describe("planWidths", () => {
  it("keeps the requested widths the source can fill, sorted", () => {
    assert.deepEqual(planWidths(2400, [1600, 400, 1200, 800]), [400, 800, 1200, 1600]);
  });

  it("never upscales: wider requests give way to the source's own width", () => {
    assert.deepEqual(planWidths(1000, [400, 800, 1200, 1600]), [400, 800, 1000]);
    assert.deepEqual(planWidths(320, [400, 800]), [320]);
  });

  it("does not repeat the source width when it is requested exactly", () => {
    assert.deepEqual(planWidths(800, [400, 800, 1200]), [400, 800]);
  });
});

describe("parseFocus", () => {
  it("reads two percentages, across then down", () => {
    assert.deepEqual(parseFocus("60% 30%"), { x: 0.6, y: 0.3 });
    assert.deepEqual(parseFocus(" 0% 100% "), { x: 0, y: 1 });
    assert.deepEqual(parseFocus("12.5% 50%"), { x: 0.125, y: 0.5 });
  });

  it("refuses anything else", () => {
    for (const text of ["60%", "60 30", "60% 30", "left top", "101% 5%", "-5% 5%", "60%,30%"]) assert.equal(parseFocus(text), undefined, text);
  });

  it("round-trips to a CSS position", () => {
    assert.equal(cssPosition({ x: 0.6, y: 0.3 }), "60% 30%");
    assert.equal(cssPosition({ x: 1 / 3, y: 0.5 }), "33.3% 50%");
  });
});

describe("focalCrop", () => {
  it("cuts the largest square centred on the focus", () => {
    assert.deepEqual(focalCrop(2400, 1350, 1, { x: 0.6, y: 0.3 }), { left: 765, top: 0, width: 1350, height: 1350 });
  });

  it("stops at the edges when the focus is near one", () => {
    assert.deepEqual(focalCrop(2400, 1350, 1, { x: 0.95, y: 0.5 }), { left: 1050, top: 0, width: 1350, height: 1350 });
    assert.deepEqual(focalCrop(2400, 1350, 1, { x: 0, y: 0.5 }), { left: 0, top: 0, width: 1350, height: 1350 });
  });

  it("crops a 1.91:1 social card from a landscape photo vertically around the focus", () => {
    const crop = focalCrop(2400, 1350, 1200 / 630, { x: 0.5, y: 0.3 });
    assert.deepEqual(crop, { left: 0, top: 0, width: 2400, height: 1260 });
    assert.deepEqual(focalCrop(2400, 1350, 1200 / 630, { x: 0.5, y: 0.9 }), { left: 0, top: 90, width: 2400, height: 1260 });
  });

  it("crops a portrait photo to a square around the focus", () => {
    assert.deepEqual(focalCrop(1000, 2000, 1, { x: 0.5, y: 0.25 }), { left: 0, top: 0, width: 1000, height: 1000 });
    assert.deepEqual(focalCrop(1000, 2000, 1, { x: 0.5, y: 0.6 }), { left: 0, top: 700, width: 1000, height: 1000 });
  });

  it("centres without a focus", () => {
    assert.deepEqual(focalCrop(2400, 1350, 1), { left: 525, top: 0, width: 1350, height: 1350 });
  });

  it("locates the focus inside the crop, so CSS can keep it in view", () => {
    const focus = { x: 0.95, y: 0.5 };
    const crop = focalCrop(2400, 1350, 1, focus);
    const inside = focusInCrop(focus, crop, 2400, 1350);
    assert.ok(Math.abs(inside.x - (2280 - 1050) / 1350) < 1e-9);
    assert.equal(inside.y, 0.5);
  });
});

describe("planRendition", () => {
  it("plans every width in every format, named by content hash and width, with heights from the aspect ratio", () => {
    const plan = planRendition(source, { widths: [400, 800, 3000], formats: ["avif", "webp", "jpeg"] });
    assert.deepEqual([plan.width, plan.height], [2400, 1350]);
    assert.deepEqual(plan.sources.map((s) => [s.format, s.mimeType, s.candidates.map((c) => `${c.width}x${c.height}`)]), [
      ["avif", "image/avif", ["400x225", "800x450", "2400x1350"]],
      ["webp", "image/webp", ["400x225", "800x450", "2400x1350"]],
      ["jpeg", "image/jpeg", ["400x225", "800x450", "2400x1350"]],
    ]);
    assert.equal(plan.derivatives.length, 9);
    for (const spec of plan.derivatives) assert.match(spec.fileName, /^[0-9a-f]{20}-\d+\.(avif|webp|jpg)$/);
    assert.equal(plan.sources[2]!.candidates[0]!.url, `/images/derived/${plan.derivatives[6]!.fileName}`);
  });

  it("gives the same names for the same bytes and options, new names when either changes", () => {
    const again = planRendition(source, { widths: [400], formats: ["jpeg"] });
    assert.deepEqual(again, planRendition({ ...source }, { widths: [400], formats: ["jpeg"] }));
    assert.notEqual(derivativeKey("a".repeat(32), "jpeg", undefined), derivativeKey("b".repeat(32), "jpeg", undefined));
    assert.notEqual(derivativeKey("a".repeat(32), "jpeg", undefined), derivativeKey("a".repeat(32), "webp", undefined));
    assert.notEqual(derivativeKey("a".repeat(32), "jpeg", undefined), derivativeKey("a".repeat(32), "jpeg", { left: 1, top: 0, width: 10, height: 10 }));
  });

  it("applies widths to a crop: a square thumbnail is square at every width, never wider than the crop", () => {
    const crop = focalCrop(2400, 1350, 1, { x: 0.6, y: 0.3 });
    const plan = planRendition(source, { widths: [160, 320, 2000], formats: ["jpeg"], crop });
    assert.deepEqual(plan.derivatives.map((d) => [d.width, d.height, d.crop]), [
      [160, 160, crop],
      [320, 320, crop],
      [1350, 1350, crop],
    ]);
  });
});

describe("planFixedSize", () => {
  it("plans the 1200x630 social card as a focal crop of that aspect", () => {
    const card = planFixedSize(source, { width: 1200, height: 630 }, "jpeg", { x: 0.5, y: 0.9 });
    assert.deepEqual([card.width, card.height, card.format, card.crop], [1200, 630, "jpeg", { left: 0, top: 90, width: 2400, height: 1260 }]);
    assert.match(card.url, /^\/images\/derived\/[0-9a-f]{20}-1200x630\.jpg$/);
  });

  it("does not upscale a small source: same aspect, smaller card", () => {
    const card = planFixedSize({ hash: "c".repeat(32), width: 640, height: 480 }, { width: 1200, height: 630 }, "jpeg", { x: 0.5, y: 0.5 });
    assert.deepEqual([card.width, card.height], [640, 336]);
  });
});

describe("planRendition: animations and SVGs", () => {
  const animation = { hash: "d".repeat(32), width: 1000, height: 500, kind: "animated" as const };
  const chart = { hash: "e".repeat(32), width: 640, height: 360, kind: "vector" as const };

  it("keeps an animation's frames as WebP at every width and one GIF for the <img>, never AVIF", () => {
    const plan = planRendition(animation, { widths: [400, 800, 1200], formats: FORMATS });
    assert.deepEqual(plan.sources.map((s) => [s.format, s.mimeType, s.candidates.map((c) => c.width)]), [
      ["webp", "image/webp", [400, 800, 1000]],
      ["gif", "image/gif", [800]],
    ]);
    assert.ok(plan.derivatives.every((spec) => spec.isAnimated === true && spec.isVector === undefined));
    assert.match(plan.sources[1]!.candidates[0]!.url, /^\/images\/derived\/[0-9a-f]{20}-800\.gif$/);
  });

  it("makes an animation's crops (thumbnails) still pictures in the usual formats", () => {
    const crop = focalCrop(1000, 500, 1);
    const plan = planRendition(animation, { widths: [160, 320], formats: FORMATS, crop });
    assert.deepEqual(plan.sources.map((s) => s.format), ["avif", "webp", "jpeg"]);
    assert.ok(plan.derivatives.every((spec) => spec.isAnimated === undefined));
  });

  it("publishes an SVG as one sanitised file under /images/svg/ at its own size", () => {
    const plan = planRendition(chart, { widths: [400, 800, 1200], formats: FORMATS });
    assert.deepEqual([plan.width, plan.height], [640, 360]);
    assert.deepEqual(plan.sources.map((s) => [s.format, s.mimeType, s.candidates.length]), [["svg", "image/svg+xml", 1]]);
    assert.match(plan.sources[0]!.candidates[0]!.url, /^\/images\/svg\/[0-9a-f]{20}\.svg$/);
    assert.deepEqual(plan.derivatives.map((spec) => [spec.format, spec.isVector]), [["svg", true]]);
  });

  it("draws an SVG's crops and social card at any width asked for: a vector is never upscaled", () => {
    const crop = focalCrop(640, 360, 1);
    const thumbnail = planRendition(chart, { widths: [160, 320, 480], formats: ["jpeg"], crop });
    assert.deepEqual(thumbnail.sources[0]!.candidates.map((c) => c.width), [160, 320, 480]);
    const card = planFixedSize(chart, { width: 1200, height: 630 }, "jpeg", { x: 0.5, y: 0.5 });
    assert.deepEqual([card.width, card.height, card.isVector], [1200, 630, true]);
  });

  it("keeps the cache keys of still photographs, and gives animations and SVGs keys of their own", () => {
    // The keys the planner gave before animations and SVGs existed: a warm cache stays warm.
    assert.equal(derivativeKey("a".repeat(32), "jpeg", undefined), "d3304d3fc65553fd737e");
    assert.equal(derivativeKey("a".repeat(32), "avif", { left: 1, top: 2, width: 30, height: 40 }), "daec227d4429d6b9f51f");
    assert.notEqual(derivativeKey("a".repeat(32), "webp", undefined, { isAnimated: true }), derivativeKey("a".repeat(32), "webp", undefined));
    assert.notEqual(derivativeKey("a".repeat(32), "jpeg", undefined, { isVector: true }), derivativeKey("a".repeat(32), "jpeg", undefined));
  });

  it("picks the fallback width: the widest up to 800 px, else the narrowest", () => {
    assert.equal(fallbackWidth([400, 800, 1200]), 800);
    assert.equal(fallbackWidth([400, 640]), 640);
    assert.equal(fallbackWidth([900, 1200]), 900);
  });
});
