import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SiteModel } from "../../../src/collections/site-model.ts";
import type { ResponsiveImage } from "../../../src/content/model.ts";
import { derivedFileUrls } from "../../../src/eleventy/images.ts";

const candidates = (name: string) => [400, 800].map((width) => ({ url: `/images/derived/${name}-${width}.jpg`, width, height: width / 2 }));
/** A photo's planned rendition, as the image pipeline shares it between the articles that show it. */
const rendition = (name: string) => ({ url: `/images/derived/${name}-800.jpg`, sources: [{ format: "jpeg", mimeType: "image/jpeg", candidates: candidates(name) }] });
const image = (planned: { url: string; sources: unknown[] }, alt: string): ResponsiveImage => ({ ...planned, width: 800, height: 400, alt, position: "50% 50%" }) as ResponsiveImage;
const hero = (planned: { url: string; sources: unknown[] }, alt: string, name: string) => ({
  ...image(planned, alt),
  thumbnail: image(rendition(`${name}-square`), ""),
  social: { url: `/images/derived/${name}-social.jpg` },
  searchCrops: [{ url: `/images/derived/${name}-crop.jpg` }],
});

describe("derivedFileUrls", () => {
  it("lists every derivative of every article once, whether articles share a photo's renditions or not", () => {
    const harbour = rendition("harbour");
    const articles = [
      { hero: hero(harbour, "The harbour at dawn", "harbour"), bodyImages: [] },
      // The same photo, its renditions shared, another alt text.
      { hero: hero(harbour, "Boats in the harbour", "harbour"), bodyImages: [image(rendition("chart"), "A chart")] },
      // Shared sources under another fallback URL: not planned by the pipeline, still listed.
      { hero: hero({ url: "/images/svg/harbour.svg", sources: harbour.sources }, "A drawing", "drawing"), bodyImages: [] },
    ];
    const model = { articles, authors: new Map([["ada", { photo: { url: "/images/derived/ada-96.jpg" } }]]) } as unknown as SiteModel;
    assert.deepEqual([...derivedFileUrls(model)].sort(), [
      "/images/derived/ada-96.jpg",
      ...["chart", "drawing-square", "harbour", "harbour-square"].flatMap((name) => [`/images/derived/${name}-400.jpg`, `/images/derived/${name}-800.jpg`]),
      "/images/derived/drawing-crop.jpg",
      "/images/derived/drawing-social.jpg",
      "/images/derived/harbour-crop.jpg",
      "/images/derived/harbour-social.jpg",
      "/images/svg/harbour.svg",
    ].sort());
  });

  it("lists a social card and crops shared by the articles showing one photo once, and another photo's too", () => {
    const shared = hero(rendition("quay"), "The quay", "quay");
    const articles = [
      { hero: shared, bodyImages: [] },
      // What planHero gives another article showing the photo: its own object, the photo's derivatives shared.
      { hero: { ...shared, alt: "The quay at night" }, bodyImages: [] },
      { hero: hero(rendition("pier"), "The pier", "pier"), bodyImages: [] },
    ];
    const urls = [...derivedFileUrls({ articles, authors: new Map() } as unknown as SiteModel)];
    assert.equal(urls.length, new Set(urls).size);
    assert.deepEqual(urls.filter((url) => /-(social|crop)\.jpg$/.test(url)).sort(), [
      "/images/derived/pier-crop.jpg",
      "/images/derived/pier-social.jpg",
      "/images/derived/quay-crop.jpg",
      "/images/derived/quay-social.jpg",
    ]);
  });
});
