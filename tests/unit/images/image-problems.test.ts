import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { HERO_SIZES } from "../../../layouts/components/HeroFigure.tsx";
import { HERO_DISPLAY_WIDTH, HERO_MINIMUM_HEIGHT, HERO_MINIMUM_SIZE, heroImageProblems, heroSizeProblems, svgSanitizedProblems } from "../../../src/images/image-problems.ts";
import type { SourceImage } from "../../../src/images/image-pipeline.ts";

const still = (width: number, height: number) => ({ width, height, kind: "still" as const });
const brief = (problems: ReturnType<typeof heroSizeProblems>) => problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message}`);

/**
 * The widest slot `sizes` gives at the top of each of its media ranges (1em
 * = 1rem = 16 px). Reads the forms HERO_SIZES uses: Nvw, Nrem, calc(Nvw - Nrem).
 */
function widestSlot(sizes: string): number {
  const slotWidth = (slot: string, viewport: number): number => {
    const calc = /^calc\((\d+(?:\.\d+)?)vw - (\d+(?:\.\d+)?)rem\)$/.exec(slot);
    if (calc) return (Number(calc[1]) * viewport) / 100 - Number(calc[2]) * 16;
    if (slot.endsWith("vw")) return (parseFloat(slot) * viewport) / 100;
    if (slot.endsWith("rem")) return parseFloat(slot) * 16;
    throw new Error(`unread slot ${slot}`);
  };
  const widths = sizes.split(/,\s*(?![^(]*\))/).map((entry) => {
    const media = /^\(max-width: (\d+(?:\.\d+)?)em\) (.+)$/.exec(entry.trim());
    // Past the last breakpoint the slot is fixed: measure it at any wide window.
    return media ? slotWidth(media[2]!, Number(media[1]) * 16) : slotWidth(entry.trim(), 3000);
  });
  return Math.max(...widths);
}

describe("heroSizeProblems", () => {
  it("knows the widest the layout shows a hero: HERO_SIZES's widest slot, rounded up", () => {
    assert.equal(HERO_DISPLAY_WIDTH, Math.ceil(widestSlot(HERO_SIZES)));
  });

  it("calls a 1x1 image a tracking pixel or a placeholder, an error", () => {
    assert.deepEqual(brief(heroSizeProblems(still(1, 1))), ["error images/hero-too-small: hero is 1x1 px: a tracking pixel or a placeholder, not a picture"]);
  });

  it("refuses a hero under 200 px wide or 100 px tall, and keeps a small 16:9 one (320x180) as a warning", () => {
    assert.deepEqual(brief(heroSizeProblems(still(150, 100))), ["error images/hero-too-small: hero is 150x100 px; a hero must be at least 200 px wide and 100 px tall"]);
    assert.equal(heroSizeProblems(still(1600, HERO_MINIMUM_HEIGHT - 1))[0]?.severity, "error");
    assert.equal(heroSizeProblems(still(HERO_MINIMUM_SIZE - 1, 900))[0]?.severity, "error");
    assert.equal(heroSizeProblems(still(320, 180))[0]?.severity, "warning");
  });

  it("warns about a hero narrower than the layout shows it, naming both sizes", () => {
    const [problem, ...rest] = heroSizeProblems(still(600, 400));
    assert.deepEqual(rest, []);
    assert.equal(problem?.severity, "warning");
    assert.equal(problem?.ruleId, "images/hero-low-resolution");
    assert.equal(problem?.message, "hero is 600 px wide; the page shows heroes up to 672 px wide, so on large screens it is shown narrower than the column");
    assert.equal(problem?.hint, "use a photo at least 672 px wide; 1344 px stays sharp on high-density screens too");
    assert.equal(heroSizeProblems(still(200, 200))[0]?.severity, "warning");
  });

  it("says nothing of a hero as wide as the layout shows it, nor of an SVG, which has no pixels to lack", () => {
    assert.deepEqual(heroSizeProblems(still(HERO_DISPLAY_WIDTH, 300)), []);
    assert.deepEqual(heroSizeProblems({ width: 1, height: 1, kind: "vector" }), []);
  });
});

describe("svgSanitizedProblems", () => {
  it("is one warning listing what sanitising removed, or nothing", () => {
    assert.deepEqual(svgSanitizedProblems({ svgRemoved: [] }, "../images/chart.svg"), []);
    assert.deepEqual(svgSanitizedProblems({ svgRemoved: ["<script>", "onload handler"] }, "../images/chart.svg"), [
      {
        severity: "warning",
        message: '"../images/chart.svg": removed what a published picture may not contain: <script>, onload handler',
        hint: "it is published without them; if it looks wrong, export it again as plain SVG, without scripts, embedded HTML or linked files",
        ruleId: "images/svg-sanitized",
      },
    ]);
  });

  it("adds up for a hero: its size and what its SVG lost", () => {
    const source: SourceImage = { absolutePath: "/x.gif", hash: "h", width: 1, height: 1, format: "gif", hasAlpha: true, kind: "still", svgRemoved: [] };
    assert.deepEqual(heroImageProblems(source, "x.gif").map((problem) => problem.ruleId), ["images/hero-too-small"]);
  });
});
