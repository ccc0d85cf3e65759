import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ImagePipeline } from "../../../src/images/image-pipeline.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../../../src/images/image-options.ts";
import { planHero } from "../../../src/images/responsive-image.ts";
import { photo } from "../../fixtures/images/make-images.ts";
import { makeTempDir } from "../helpers.ts";

const temp = makeTempDir("newsroom-hero-");
after(() => temp.cleanup());

async function plannedPhoto() {
  const file = temp.write("harbour.jpg", "");
  await photo(640, 360).jpeg().toFile(file);
  const images = new ImagePipeline({ cacheDir: path.join(temp.dir, "cache"), settings: DEFAULT_IMAGE_SETTINGS, encode: false, log: () => {} });
  const checked = await images.inspect(file, "harbour.jpg");
  assert.ok(checked.ok);
  return { images, source: checked.source };
}

describe("planHero", () => {
  it("gives each article its own hero, sharing what depends on the photo and its focus alone", async () => {
    const { images, source } = await plannedPhoto();
    const settings = DEFAULT_IMAGE_SETTINGS;
    const first = planHero(images, source, { src: "harbour.jpg", alt: "The harbour at dawn", caption: "Before the storm", credit: "Ana Ruiz" }, settings);
    const second = planHero(images, source, { src: "../harbour.jpg", alt: "Boats in the harbour" }, settings);
    const reframed = planHero(images, source, { src: "harbour.jpg", alt: "The quay", focus: "80% 20%" }, settings);

    // Each article's own words, in an object of its own (its blurred preview is set on it later).
    assert.notEqual(first, second);
    assert.deepEqual([first.alt, first.caption, first.credit], ["The harbour at dawn", "Before the storm", "Ana Ruiz"]);
    assert.deepEqual([second.alt, "caption" in second, "credit" in second], ["Boats in the harbour", false, false]);
    assert.deepEqual(Object.keys(first), ["url", "width", "height", "alt", "sources", "position", "caption", "credit", "thumbnail", "social", "searchCrops"]);

    // One photo, one focus: one plan of every derivative for both articles.
    assert.equal(second.sources, first.sources);
    assert.equal(second.thumbnail, first.thumbnail);
    assert.equal(second.social, first.social);
    assert.equal(second.searchCrops, first.searchCrops);
    assert.deepEqual([first.url, first.width, first.height, first.position], [second.url, second.width, second.height, "50% 50%"]);

    // Another focus: the same renditions of the whole photo, other crops, another position.
    assert.equal(reframed.sources, first.sources);
    assert.equal(reframed.position, "80% 20%");
    assert.notEqual(reframed.social.url, first.social.url);
    assert.notEqual(reframed.thumbnail, first.thumbnail);
    assert.notDeepEqual(reframed.searchCrops, first.searchCrops);
  });

  it("plans with the build's hero widths: other settings, other renditions", async () => {
    const { images, source } = await plannedPhoto();
    const standard = planHero(images, source, { src: "harbour.jpg", alt: "Quay" }, DEFAULT_IMAGE_SETTINGS);
    const narrow = planHero(images, source, { src: "harbour.jpg", alt: "Quay" }, { ...DEFAULT_IMAGE_SETTINGS, widths: [320], thumbnailWidths: [96] });
    assert.notEqual(narrow.sources, standard.sources);
    assert.deepEqual(
      narrow.sources.map((offered) => offered.candidates.map((candidate) => candidate.width)),
      narrow.sources.map(() => [320]),
    );
    assert.deepEqual(narrow.thumbnail.sources[0]!.candidates.map((candidate) => candidate.width), [96]);
  });
});
