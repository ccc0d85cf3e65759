import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SITE_CARD } from "../../../src/discovery/brand-images.ts";
import { heroCrops, largestJpeg, socialImage } from "../../../src/discovery/article-images.ts";
import { makeArticle, makeHero } from "../helpers.ts";

describe("socialImage", () => {
  it("is the hero's card when the networks can show it", () => {
    const article = makeArticle("a", { hero: makeHero({ social: { url: "/images/derived/c-640x336.jpg", width: 640, height: 336 } }) });
    assert.deepEqual(socialImage(article), { url: "/images/derived/c-640x336.jpg", width: 640, height: 336, alt: "A harbour at dawn" });
  });

  it("gives way to the site's card when the hero's is under Facebook's 200 px or X's 300 px minimum", () => {
    for (const social of [{ width: 381, height: 199 }, { width: 299, height: 200 }, { width: 300, height: 157 }]) {
      const article = makeArticle("a", { hero: makeHero({ social: { url: "/images/derived/small.jpg", ...social } }) });
      assert.deepEqual(socialImage(article), SITE_CARD, `${social.width}x${social.height}`);
    }
  });
});

describe("heroCrops", () => {
  it("offers search engines only crops of at least 50,000 pixels", () => {
    const hero = makeHero({
      searchCrops: [
        { url: "/a.jpg", width: 300, height: 169 },
        { url: "/b.jpg", width: 267, height: 200 },
        { url: "/c.jpg", width: 200, height: 200 },
      ],
    });
    assert.deepEqual(heroCrops(makeArticle("a", { hero })).map((crop) => crop.url), ["/a.jpg", "/b.jpg"]);
  });
});

describe("largestJpeg", () => {
  it("is the hero's widest JPEG, or for a hero without one (an SVG, an animation) its JPEG social card", () => {
    assert.equal(largestJpeg(makeHero()).url, "/images/derived/hero-1200.jpg");
    const animated = makeHero({ sources: [{ format: "webp", mimeType: "image/webp", candidates: [{ url: "/x.webp", width: 800, height: 400 }] }] });
    assert.deepEqual(largestJpeg(animated), animated.social);
  });
});
