import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import type { SiteModel } from "../../src/collections/site-model.ts";
import { ContentStore } from "../../src/eleventy/content-store.ts";
import { readPlanIndex, writePlanIndex, type PlanIndex } from "../../src/site-builder/plan-index.ts";
import { planSite, type SitePlan } from "../../src/site-builder/site-update.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { mulberry32 } from "../../bench/generate-corpus.ts";
import { archiveFixture, generatedStory } from "./archive-fixture.ts";

/**
 * The plan's index (src/site-builder/plan-index.ts) lets a plan keep the key
 * of a page that shows a list of articles when none of them changed and
 * what decides which articles it shows did not change either. Held here
 * against the plan that keys every page from what it shows: after any edit,
 * the keys are the same, page for page; an edit of what articles say leaves
 * every indexed page showing the same articles (the display fields are what
 * the index claims they are) and keeps most keys; an edit of the structure
 * keeps those of the older articles' pages it leaves as they were.
 */

const NOW = new Date("2026-11-27T12:00:00Z");

/** Edits of what an article says, not where it is listed: each of the index's display fields. */
const DISPLAY_EDITS: Record<string, (text: string, round: number) => string> = {
  title: (text, round) => text.replace(/^title: .*$/m, `title: "A sharper headline, take ${round}"`),
  dek: (text, round) => text.replace(/^dek: .*$/m, `dek: "A sharper dek, take ${round}."`),
  body: (text, round) => `${text.trimEnd()}\n\nUpdate ${round}: the figures were confirmed.\n`,
  heroAlt: (text, round) => text.replace(/^ {2}alt: .*$/m, `  alt: "Another description, take ${round}"`),
  heroPhoto: (text) => text.replace(/^ {2}src: \.\.\/images\/(\w+)\.jpg$/m, (_line, name: string) => `  src: ../images/${name === "tram" ? "library" : "tram"}.jpg`),
  updated: (text) => (/^updated: /m.test(text) ? text.replace(/^updated: .*\n/m, "") : text.replace(/^(date: (.*))$/m, (line, _all, date: string) => `${line}\nupdated: ${new Date(new Date(date).getTime() + 3_600_000).toISOString()}`)),
};

async function modelOf(rootDir: string): Promise<SiteModel> {
  return new ContentStore({ rootDir, contentDir: "content", isPreview: false, isStrict: false, now: () => NOW, warn: () => {} }).reload();
}

const keysOf = (plan: SitePlan) => plan.pages.map((page) => `${page.path} ${page.key}`);
const pagesOf = (index: PlanIndex) => [...index.articlePages, ...index.listingPages];
const showsOf = (index: PlanIndex) => pagesOf(index).map((page) => [...page.shows]);

describe("the plan's index", () => {
  test("keeps exactly the keys a plan of every page gives, after random edits of what articles say and of the structure", async () => {
    const rootDir = archiveFixture(15);
    const articlesDir = path.join(rootDir, "content", "articles");
    const names = ["bridge-repairs", "council-budget", "late-night-ferry", "summer-festival", "tram-extension", ...Array.from({ length: 15 }, (_, index) => `gen-${String(index + 1).padStart(2, "0")}`)];
    const edit = (name: string, change: (text: string) => string) => {
      const file = path.join(articlesDir, `${name}.md`);
      const before = readFileSync(file, "utf8");
      const after = change(before);
      assert.notEqual(after, before, `the edit changes ${name}`);
      writeFileSync(file, after);
    };
    const options = { rootDir, contentDir: "content" };
    let index = (await planSite(await modelOf(rootDir), options)).index;
    // Seeded, so that a failure can be replayed.
    const random = mulberry32(21);

    for (let round = 1; round <= 12; round++) {
      const edited = Array.from({ length: 1 + Math.floor(random() * 3) }, () => names[Math.floor(random() * names.length)]!);
      const kinds = Object.keys(DISPLAY_EDITS);
      const made = edited.map((name) => {
        const kind = kinds[Math.floor(random() * kinds.length)]!;
        edit(name, (text) => DISPLAY_EDITS[kind]!(text, round));
        return `${kind} of ${name}`;
      });
      const model = await modelOf(rootDir);
      const everyPage = await planSite(model, options);
      const withIndex = await planSite(await modelOf(rootDir), options, { previous: index });
      const step = `round ${round} (${made.join(", ")})`;
      assert.deepEqual(keysOf(withIndex), keysOf(everyPage), `${step}: the same keys`);
      assert.deepEqual(showsOf(everyPage.index), showsOf(index), `${step}: every indexed page shows the same articles`);
      assert.equal(everyPage.keptKeys, 0);
      const indexed = pagesOf(withIndex.index).length;
      assert.ok(withIndex.keptKeys > 0 && withIndex.keptKeys < indexed, `${step}: ${withIndex.keptKeys} of ${indexed} keys kept`);
      index = withIndex.index;
    }

    // Edits of the structure: only the pages of articles older than every structural change can keep their key.
    const structural: Record<string, () => void> = {
      "a tag": () => edit("gen-03", (text) => text.replace(/^tags: .*$/m, "tags: [budget]")),
      "a date": () => edit("gen-04", (text) => text.replace(/^updated: .*\n/m, "").replace(/^date: .*$/m, "date: 2026-11-21T18:00:00+01:00")),
      "a pick": () => edit("bridge-repairs", (text) => text.replace(/^---\n(?=[^]*\n---\n)/, "---\nfeatured: true\n")),
      "a related entry": () => edit("gen-07", (text) => text.replace(/^tags: (.*)$/m, "tags: $1\nrelated:\n  - summer-festival")),
      "an author": () => edit("gen-08", (text) => text.replace(/^authors: .*$/m, "authors: [city-desk]")),
      "a new article": () => writeFileSync(path.join(articlesDir, "gen-16.md"), generatedStory(15)),
      "an older article naming a newer one": () => edit("gen-02", (text) => text.replace(/^tags: (.*)$/m, "tags: $1\nrelated:\n  - gen-16")),
      "a newer article that an older one names, edited": () => edit("gen-16", (text) => text.replace(/^title: .*$/m, 'title: "A new headline for the newer story"')),
      "a deleted article, and the entry naming it": () => {
        rmSync(path.join(articlesDir, "gen-16.md"));
        edit("gen-02", (text) => text.replace(/^related:\n {2}- gen-16\n/m, ""));
      },
    };
    const planAfter = async (change: string) => {
      const everyPage = await planSite(await modelOf(rootDir), options);
      const withIndex = await planSite(await modelOf(rootDir), options, { previous: index });
      assert.deepEqual(keysOf(withIndex), keysOf(everyPage), `after ${change}: the same keys`);
      index = withIndex.index;
      return withIndex.keptKeys;
    };
    const keptAfter: Record<string, number> = {};
    for (const [change, make] of Object.entries(structural)) {
      make();
      keptAfter[change] = await planAfter(change);
    }
    // gen-16 is dated before the basic site's November stories and after every other generated one: their pages keep their keys.
    assert.ok(keptAfter["a new article"]! >= 15, `a story published: ${keptAfter["a new article"]} older pages kept`);
    // So do the listings that show none of the stories from gen-16 on (a culture page, an author's feed): more keys than the older stories' pages.
    const olderThanGen16 = (await modelOf(rootDir)).articles.filter((article) => article.publishedAt < new Date("2026-11-23T10:00:00+01:00")).length;
    assert.ok(keptAfter["a new article"]! > olderThanGen16 + 8, `a story published: ${keptAfter["a new article"]} keys kept, ${olderThanGen16} older stories`);
    // gen-03 is newer than gen-01, gen-02 and the July story only.
    assert.ok(keptAfter["a tag"]! >= 3, `a tag: ${keptAfter["a tag"]} older pages kept`);

    // Structural and display edits mixed at random, any article, any number.
    const STRUCTURAL_EDITS: Record<string, (text: string, round: number) => string> = {
      tags: (text, round) => text.replace(/^tags: .*$/m, `tags: [${["transport", "culture", "harbour", "budget", "city-hall"][round % 5]}]`),
      date: (text, round) => text.replace(/^updated: .*\n/m, "").replace(/^date: .*$/m, `date: 2026-11-${String(8 + (round % 16)).padStart(2, "0")}T0${round % 10}:00:00+01:00`),
      pick: (text) => (/^featured: true\n/m.test(text) ? text.replace(/^featured: true\n/m, "") : text.replace(/^---\n/, "---\nfeatured: true\n")),
    };
    for (let round = 1; round <= 10; round++) {
      const made: string[] = [];
      for (let count = 1 + Math.floor(random() * 3); count > 0; count--) {
        const name = names[Math.floor(random() * names.length)]!;
        const edits = random() < 0.5 ? STRUCTURAL_EDITS : DISPLAY_EDITS;
        const kind = Object.keys(edits)[Math.floor(random() * Object.keys(edits).length)]!;
        const file = path.join(articlesDir, `${name}.md`);
        writeFileSync(file, edits[kind]!(readFileSync(file, "utf8"), round));
        made.push(`${kind} of ${name}`);
      }
      await planAfter(`mixed round ${round} (${made.join(", ")})`);
    }
  });

  test("is read back as it was written, and a damaged or foreign file is no index", async () => {
    const rootDir = archiveFixture(4);
    const { index } = await planSite(await modelOf(rootDir), { rootDir, contentDir: "content" });
    const file = path.join(temporaryFolder("newsroom-plan-index-"), "plan-index.bin");
    writePlanIndex(file, index);
    const read = readPlanIndex(file)!;
    const comparable = (index: PlanIndex) => ({ ...index, articlePages: showsOf(index), listingPages: pagesOf(index).map((page) => page.key), listings: index.listingPages.map(({ url, shape }) => ({ url, shape })) });
    assert.deepEqual(comparable(read), comparable(index));
    assert.ok(index.listingPages.length > 0 && index.listingPages.every((page) => page.url.startsWith("/") && /^[0-9a-f]{64}$/.test(page.shape)), "each listing page has its URL and shape");
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    assert.equal(readPlanIndex(file), undefined, "a file cut short");
    writeFileSync(file, "not an index");
    assert.equal(readPlanIndex(file), undefined, "another file");
    assert.equal(readPlanIndex(path.join(path.dirname(file), "missing.bin")), undefined, "no file");
    // Its hashes are written as bytes: one that is not a SHA-256 in hex is a bug, and is not written.
    const [first, ...rest] = index.articleHashes;
    for (const wrong of [`${first!.slice(0, 63)}g`, first!.slice(0, 62), `${first}00`]) {
      assert.throws(() => writePlanIndex(file, { ...index, articleHashes: [...rest, wrong] }), new RegExp(`${wrong} is not a SHA-256 in hex`));
    }
  });
});
