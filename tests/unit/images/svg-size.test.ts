import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FILL_WIDTH, svgIntrinsicSize, svgLength, viewBoxSize } from "../../../src/images/svg-size.ts";

describe("svgIntrinsicSize", () => {
  it("takes width and height in CSS pixels, converting physical units at 96 px to the inch", () => {
    assert.deepEqual(svgIntrinsicSize({ width: "640", height: "360px" }), { width: 640, height: 360 });
    assert.deepEqual(svgIntrinsicSize({ width: "1in", height: "72pt" }), { width: 96, height: 96 });
    assert.deepEqual(svgIntrinsicSize({ width: "25.4mm", height: "2.54cm" }), { width: 96, height: 96 });
  });

  it("completes one given side from the viewBox's shape", () => {
    assert.deepEqual(svgIntrinsicSize({ width: "400", viewBox: "0 0 200 100" }), { width: 400, height: 200 });
    assert.deepEqual(svgIntrinsicSize({ height: "50", viewBox: "0,0,200,100" }), { width: 100, height: 50 });
  });

  it("gives an SVG with only a viewBox (or percentages) the fill width, so that it fills its slot", () => {
    assert.deepEqual(svgIntrinsicSize({ viewBox: "0 0 40 30" }), { width: FILL_WIDTH, height: (FILL_WIDTH * 3) / 4 });
    assert.deepEqual(svgIntrinsicSize({ width: "100%", height: "100%", viewBox: "0 0 40 30" }), { width: FILL_WIDTH, height: 1200 });
  });

  it("has no size without a viewBox unless both sides are given", () => {
    assert.equal(svgIntrinsicSize({}), undefined);
    assert.equal(svgIntrinsicSize({ width: "400" }), undefined);
    assert.equal(svgIntrinsicSize({ width: "100%", height: "50%" }), undefined);
  });

  it("reads lengths and viewBoxes strictly", () => {
    for (const value of ["", "auto", "-5", "0", "12furlongs", "5 px"]) assert.equal(svgLength(value), undefined, value);
    for (const value of ["0 0 10", "0 0 -1 5", "a b c d", "0 0 0 10"]) assert.equal(viewBoxSize(value), undefined, value);
  });
});
