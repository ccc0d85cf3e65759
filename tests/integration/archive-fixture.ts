import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { FIXTURE_SITES, type BuiltSite } from "./build-fixture.ts";

/** The generated stories' tags and authors, in turn. */
const TAG_ROTATION = [["transport"], ["culture", "harbour"], ["harbour"]];
const AUTHOR_ROTATION = ["ana-lima", "ben-okoro"];

/**
 * A generated story, the `index`th (from 0): one a day from 8 November 2026
 * (before the basic fixture's November stories), with the basic fixture's
 * library photograph, tags and authors in turn.
 */
export function generatedStory(index: number): string {
  const day = String(8 + index).padStart(2, "0");
  return [
    "---",
    `title: "Generated story number ${index + 1}"`,
    `dek: "The dek of generated story ${index + 1}."`,
    `authors: [${AUTHOR_ROTATION[index % AUTHOR_ROTATION.length]}]`,
    `date: 2026-11-${day}T10:00:00+01:00`,
    `tags: [${TAG_ROTATION[index % TAG_ROTATION.length]!.join(", ")}]`,
    "hero:",
    "  src: ../images/library.jpg",
    `  alt: "Generated photo ${index + 1}"`,
    '  credit: "Fixture Photographer"',
    "---",
    `Generated body ${index + 1}.`,
    "",
  ].join("\n");
}

/**
 * A copy of the basic fixture in a temporary folder with `count` generated
 * stories (at most 15: one a day before its November stories), so that its
 * listings (pages of 3 in the news feed, of 2 per tag) have numbered pages.
 * Shares the basic fixture's encoded images. Returns the copy's root, which
 * is removed when the test file ends.
 */
export function archiveFixture(count: number): string {
  if (count > 15) throw new Error("at most 15 generated stories: one a day from 8 to 22 November");
  const rootDir = temporaryFolder("newsroom-archive-");
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  for (let index = 0; index < count; index++) {
    writeFileSync(path.join(rootDir, "content", "articles", `gen-${String(index + 1).padStart(2, "0")}.md`), generatedStory(index));
  }
  return rootDir;
}

/** Builds `archiveFixture(count)` into its `site/` folder. */
export async function buildArchiveFixture(count: number, now = new Date("2026-11-27T12:00:00Z")): Promise<BuiltSite> {
  const rootDir = archiveFixture(count);
  const outputDir = path.join(rootDir, "site");
  await buildSite({ rootDir, outputDir, now });
  const html = (url: string) => readFileSync(path.join(outputDir, url.endsWith("/") ? `${url}index.html` : url), "utf8");
  return { outputDir, html, page: (url) => parseHTML(html(url)).document as unknown as Document };
}
