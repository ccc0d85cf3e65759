import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { FIXTURE_SITES, siteContents } from "./build-fixture.ts";
import { temporaryDir } from "./rclone-target.ts";

/** Four builds of the basic fixture, as an editor's day makes them. */
export interface SiteVersions {
  original: string;
  /** One paragraph added to council-budget. */
  edited: string;
  /** Then a new article, harbour-dredging. */
  added: string;
  /** Then bridge-repairs deleted. */
  removed: string;
}

export const EDITED_PAGE = "news/council-budget/index.html";
export const ADDED_PAGE = "news/harbour-dredging/index.html";
export const REMOVED_PAGE = "news/bridge-repairs/index.html";

const NOW = new Date("2026-11-28T09:00:00Z");

export async function buildSiteVersions(): Promise<SiteVersions> {
  const root = temporaryDir("deploy-fixture");
  const rootDir = path.join(root, "basic");
  // The fixture's image cache comes along when there is one: the builds then encode nothing.
  cpSync(path.join(FIXTURE_SITES, "basic"), rootDir, { recursive: true });
  const articles = path.join(rootDir, "content", "articles");
  const build = async (name: string) => {
    const outputDir = path.join(root, name, "site");
    mkdirSync(path.dirname(outputDir));
    await buildSite({ rootDir, outputDir, now: NOW, quiet: true });
    return outputDir;
  };
  const original = await build("original");
  const budget = path.join(articles, "council-budget.md");
  writeFileSync(budget, `${readFileSync(budget, "utf8").trimEnd()}\n\nUpdate: the council confirmed the figures on Friday evening.\n`);
  const edited = await build("edited");
  const festival = readFileSync(path.join(articles, "summer-festival.md"), "utf8");
  writeFileSync(path.join(articles, "harbour-dredging.md"), festival.replace(/^title: .*$/m, 'title: "Harbour dredging starts in spring"'));
  const added = await build("added");
  rmSync(path.join(articles, "bridge-repairs.md"));
  if (existsSync(path.join(articles, "bridge-repairs.md"))) throw new Error("bridge-repairs.md was not deleted");
  const removed = await build("removed");
  return { original, edited, added, removed };
}

/** What turning site `from` into site `to` must upload (new or different bytes) and delete, as site paths ("news/x/index.html"). */
export function siteDifference(from: string, to: string): { changed: string[]; gone: string[] } {
  const before = siteContents(from);
  const after = siteContents(to);
  const relative = (file: string) => file.slice(1);
  return {
    changed: [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => relative(file)).sort(),
    gone: [...before.keys()].filter((file) => !after.has(file)).map(relative).sort(),
  };
}
