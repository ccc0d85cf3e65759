import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { archiveFixture } from "./archive-fixture.ts";
import { siteContents } from "./build-fixture.ts";

/**
 * What one publication, and one edit of an old story, may change in the
 * built site: a bounded set of files, so that a build that renders only
 * changed outputs has little to do. The basic fixture plus twelve generated
 * stories (so that the news feed and the tags have numbered pages), built
 * three times with every page rendered: before, after a new newest story,
 * after an older story's dek is edited.
 */

const NOW = new Date("2026-11-27T12:00:00Z");
/** The basic fixture's page sizes (content/site.yaml). */
const SIZES = { newsFeed: 3, tag: 2 };
/** Search archives of six stories: the 17 and 18 stories are two archives, and the newest in the live bundle at /pagefind/. */
const PER_ARCHIVE = 6;

const NEW_STORY = {
  id: "night-bus-trial",
  tags: ["transport", "harbour"],
  authors: ["ben-okoro"],
  text: [
    "---",
    'title: "Night buses to run a three-month trial"',
    'dek: "Two routes will run until 2am from Monday."',
    "authors: [ben-okoro]",
    "date: 2026-11-27T10:00:00+01:00",
    "tags: [transport, harbour]",
    "hero:",
    "  src: ../images/tram.jpg",
    '  alt: "A bus at a stop at night"',
    '  credit: "Fixture Photographer"',
    "---",
    "Two night bus routes start a trial on Monday.",
    "",
  ].join("\n"),
};
/** The older story whose dek is edited: on the transport pages, by ben-okoro. */
const EDITED = { id: "bridge-repairs", dek: "Works last until March.", newDek: "Works now last until April." };

interface Story {
  id: string;
  publishedAt: Date;
  tags: string[];
  authors: string[];
}

/** The published stories of a content folder, newest first, read from their frontmatter (not from the build). */
function publishedStories(articlesDir: string): Story[] {
  return readdirSync(articlesDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => ({ id: name.slice(0, -3), data: matter(readFileSync(path.join(articlesDir, name), "utf8")).data }))
    .filter(({ data }) => data.draft !== true && new Date(data.date) <= NOW)
    .map(({ id, data }) => ({ id, publishedAt: new Date(data.date), tags: data.tags ?? [], authors: data.authors }))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
}

/** Numbered pages of a listing of `count` stories: whole pages counted from the oldest, less those the front page holds. */
function numberedPages(count: number, size: number): number {
  return Math.max(0, Math.floor(count / size) - 1);
}

/** The files a listing's publication touches: its front page, and when a numbered page is completed, that page and its older neighbour (whose "newer" link now leads to it). */
function listingFiles(base: string, countBefore: number, size: number): string[] {
  const [was, is] = [numberedPages(countBefore, size), numberedPages(countBefore + 1, size)];
  const files = [`${base}index.html`];
  if (is > was) files.push(`${base}page/${is}/index.html`, ...(was > 0 ? [`${base}page/${was}/index.html`] : []));
  return files;
}

/** Files that differ between two builds, were added or were removed. */
function changedFiles(first: Map<string, string>, second: Map<string, string>): string[] {
  return [...new Set([...first.keys(), ...second.keys()])].filter((file) => first.get(file) !== second.get(file)).sort();
}

const isSearchFile = (file: string) => /^\/pagefind(-archive-\d+)?\//.test(file);

let rootDir: string;
const builds: Record<string, Map<string, string>> = {};
let storiesBefore: Story[];
let storiesAfter: Story[];

async function build(name: string): Promise<Map<string, string>> {
  const outputDir = path.join(rootDir, name);
  await buildSite({ rootDir, outputDir, now: NOW, incremental: false, searchBundleSizes: { articlesPerArchive: PER_ARCHIVE } });
  return siteContents(outputDir);
}

before(async () => {
  rootDir = archiveFixture(12);
  const articles = path.join(rootDir, "content", "articles");
  storiesBefore = publishedStories(articles);
  builds.before = await build("before");
  writeFileSync(path.join(articles, `${NEW_STORY.id}.md`), NEW_STORY.text);
  storiesAfter = publishedStories(articles);
  builds.published = await build("published");
  const edited = path.join(articles, `${EDITED.id}.md`);
  writeFileSync(edited, readFileSync(edited, "utf8").replace(`dek: "${EDITED.dek}"`, `dek: "${EDITED.newDek}"`));
  builds.edited = await build("edited");
});

describe("what a publication changes", () => {
  test("the fixture is what the expectations assume", () => {
    assert.equal(storiesBefore.length, 17);
    assert.equal(storiesAfter[0]!.id, NEW_STORY.id, "the new story is the newest");
    assert.ok(storiesBefore.every((story) => story.publishedAt.getUTCFullYear() === 2026), "one year: the footer stays");
    // The news feed completes a numbered page with the new story (18 stories, pages of 3): that case is covered too.
    assert.equal(numberedPages(storiesAfter.length, SIZES.newsFeed), numberedPages(storiesBefore.length, SIZES.newsFeed) + 1);
  });

  test("publishing the newest story changes only its page, the fronts of its listings, the indexes, feeds and sitemaps", () => {
    const count = (field: "tags" | "authors", value: string) => storiesBefore.filter((story) => story[field].includes(value)).length;
    const expected = [
      `/news/${NEW_STORY.id}/index.html`,
      "/index.html",
      ...listingFiles("/news-feed/", storiesBefore.length, SIZES.newsFeed),
      "/tags/index.html",
      ...NEW_STORY.tags.flatMap((tag) => [...listingFiles(`/tags/${tag}/`, count("tags", tag), SIZES.tag), `/tags/${tag}/feed.xml`, `/tags/${tag}/atom.xml`]),
      "/authors/index.html",
      ...NEW_STORY.authors.flatMap((author) => [`/authors/${author}/index.html`, `/authors/${author}/feed.xml`, `/authors/${author}/atom.xml`]),
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/headlines.json",
      "/sitemap.xml",
      "/news-sitemap.xml",
    ].sort();
    const changed = changedFiles(builds.before!, builds.published!);
    assert.deepEqual(changed.filter((file) => !isSearchFile(file)), expected);
    // The search index: only the live bundle takes the story.
    assert.deepEqual(changed.filter((file) => isSearchFile(file) && !file.startsWith("/pagefind/")), []);
  });

  test("editing an older story's dek changes only its page and the pages, lists and feeds that show its dek", () => {
    const edited = storiesAfter.find((story) => story.id === EDITED.id)!;
    const shown = pagesShowingDek(rootDir, "published", builds.published!, EDITED.id);
    const feeds = [...builds.published!.keys()].filter((file) => /\.(xml|json)$/.test(file) && readFileSync(path.join(rootDir, "published", file), "utf8").includes(EDITED.dek));
    const expected = [...new Set([`/news/${EDITED.id}/index.html`, ...shown, ...feeds])].sort();
    const changed = changedFiles(builds.published!, builds.edited!);
    assert.deepEqual(changed.filter((file) => !isSearchFile(file)), expected);
    // The stories that list it are newer: an older story's page never shows a later one.
    const newer = new Set(storiesAfter.filter((story) => story.publishedAt > edited.publishedAt).map((story) => `/news/${story.id}/index.html`));
    const otherArticles = expected.filter((file) => file.startsWith("/news/") && file !== `/news/${EDITED.id}/index.html`);
    assert.deepEqual(otherArticles.filter((file) => !newer.has(file)), []);
    // Listings: the news feed and transport pages holding it, and ben-okoro's page; no other page of them.
    assert.ok(expected.some((file) => file.startsWith("/news-feed/")) && expected.some((file) => file.startsWith("/tags/transport/")));
    assert.ok(expected.includes("/authors/ben-okoro/index.html"));
    // The search index: the edited story's new version goes to the live bundle, which supersedes the archive's; no archive changes.
    assert.deepEqual(changed.filter((file) => isSearchFile(file) && !file.startsWith("/pagefind/")), []);
  });
});

/** HTML pages of a build that show the story with its dek: cards, feed items, related entries, the lead story. */
function pagesShowingDek(root: string, name: string, files: Map<string, string>, id: string): string[] {
  return [...files.keys()].filter((file) => {
    if (!file.endsWith(".html") || file === `/news/${id}/index.html`) return false;
    const html = readFileSync(path.join(root, name, file), "utf8");
    if (!html.includes(`href="/news/${id}/"`)) return false;
    const { document } = parseHTML(html);
    const holders = document.querySelectorAll('[data-component="article-card"], [data-component="feed-item"], .related__item, [data-component="lead-story"]');
    return [...holders].some((holder) => holder.querySelector(`a[href="/news/${id}/"]`) && (holder.textContent ?? "").includes(EDITED.dek));
  });
}
