import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { articleSchema } from "../../../src/content/article-schema.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";

const article = (hero: Record<string, unknown>) => ({
  title: "Ferry crews strike",
  dek: "No crossings on Monday.",
  authors: ["maria-okafor"],
  date: "2026-03-14T09:30:00+01:00",
  hero: { src: "../images/ferry.jpg", alt: "A ferry at its berth", credit: "Staff", ...hero },
});

const site = (images: unknown) => ({ name: "Herald", baseUrl: "https://herald.example.org", language: "en-GB", timeZone: "Europe/London", images });

describe("hero.focus", () => {
  it("accepts two percentages and is optional", () => {
    assert.equal(articleSchema.parse(article({ focus: "60% 30%" })).hero!.focus, "60% 30%");
    assert.equal(articleSchema.parse(article({})).hero!.focus, undefined);
  });

  it("refuses other values at hero.focus with an example", () => {
    for (const focus of ["60 30", "center", "120% 5%", 60]) {
      const result = articleSchema.safeParse(article({ focus }));
      assert.equal(result.success, false, String(focus));
      const [issue] = result.error!.issues;
      assert.deepEqual(issue?.path, ["hero", "focus"]);
      assert.match(issue?.message ?? "", /like "60% 30%"/);
    }
  });
});

describe("images: in site.yaml", () => {
  it("is optional, and takes widths and a pixel limit", () => {
    assert.equal(siteSchema.parse(site(undefined)).images, undefined);
    assert.deepEqual(siteSchema.parse(site({ widths: [320, 640], maxMegapixels: 24 })).images, { widths: [320, 640], maxMegapixels: 24 });
  });

  it("refuses unknown keys, empty lists, fractional or tiny widths and a non-positive limit", () => {
    for (const images of [{ width: [400] }, { widths: [] }, { widths: [400.5] }, { bodyWidths: [8] }, { maxMegapixels: 0 }]) {
      assert.equal(siteSchema.safeParse(site(images)).success, false, JSON.stringify(images));
    }
  });
});
