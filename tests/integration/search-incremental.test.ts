import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import type { BundleManifest } from "../../src/search/bundle-manifest.ts";
import { searchCacheDir } from "../../src/search/search-state.ts";
import { buildSite, type BuildResult } from "../../src/site-builder/build-site.ts";
import { FIXTURE_SITES, siteContents } from "./build-fixture.ts";

const NOW = new Date("2026-11-27T12:00:00Z");
/** Archives of two, one unarchived article at most, two superseded at most: every step below shows. */
const SIZES = { articlesPerArchive: 2, freshLimit: 1, supersededLimit: 2 };

/** A copy of the basic fixture (sharing its image cache), built step by step. */
function newsroom() {
  const rootDir = mkdtempSync(path.join(tmpdir(), "newsroom-search-"));
  cpSync(path.join(FIXTURE_SITES, "basic", "content"), path.join(rootDir, "content"), { recursive: true });
  process.env.NEWSROOM_IMAGE_CACHE = path.join(FIXTURE_SITES, "basic", ".cache", "images");
  const articles = path.join(rootDir, "content", "articles");
  const article = (name: string) => path.join(articles, `${name}.md`);
  return {
    rootDir,
    edit: (name: string, change: (text: string) => string) => writeFileSync(article(name), change(readFileSync(article(name), "utf8"))),
    add: (name: string, date: string) =>
      writeFileSync(article(name), `---\ntitle: "Story ${name}"\ndek: "A new story."\nauthors: [ana-lima]\ndate: ${date}\ntags: [transport]\n---\nThe ${name} story.\n`),
    remove: (name: string) => rmSync(article(name)),
    async build(step: string): Promise<Step> {
      const outputDir = path.join(rootDir, step);
      const result = await buildSite({ rootDir, outputDir, now: NOW, searchBundleSizes: SIZES });
      return { result, outputDir, files: siteContents(outputDir) };
    },
  };
}

interface Step {
  result: BuildResult;
  outputDir: string;
  files: Map<string, string>;
}

/** A bundle's files and their hashes ("/pagefind-archive-1/"). */
const bundle = (step: Step, sitePath: string) => new Map([...step.files].filter(([file]) => file.startsWith(sitePath)));
const bundlePaths = (step: Step) => [...new Set([...step.files.keys()].filter((file) => file.startsWith("/pagefind")).map((file) => `/${file.split("/")[1]}/`))].sort();
const manifest = (step: Step) => JSON.parse(readFileSync(path.join(step.outputDir, "pagefind", "bundles.json"), "utf8")) as BundleManifest;
const superseded = (step: Step) => Object.fromEntries(manifest(step).bundles.filter((entry) => entry.superseded).map((entry) => [entry.path, entry.superseded!.map((result) => result.url)]));
const counts = (step: Step) => [step.result.search!.indexedBundles, step.result.search!.reusedBundles, step.result.search!.indexedRecords];

/** Each record of a bundle as Pagefind wrote it: url -> content. */
function contents(step: Step, sitePath: string): Map<string, string> {
  const dir = path.join(step.outputDir, sitePath, "fragment");
  return new Map(
    readdirSync(dir).map((file) => {
      const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).toString("utf8").slice("pagefind_dcd".length)) as { url: string; content: string };
      return [fragment.url, fragment.content];
    }),
  );
}

describe("the search, updated edit by edit", () => {
  test("an edit re-indexes the live bundle alone; new stories seal into the archives; deletions and amendments are superseded until compaction", async () => {
    const site = newsroom();
    site.edit("bridge-repairs", (text) => `${text.trimEnd()}\n\nThe xylophone band will play at the reopening.\n`);

    // Five articles, sealed oldest first: archive 1 summer-festival and bridge-repairs, 2 tram-extension and council-budget, 3 late-night-ferry.
    const cold = await site.build("cold");
    assert.deepEqual(bundlePaths(cold), ["/pagefind-archive-1/", "/pagefind-archive-2/", "/pagefind-archive-3/", "/pagefind/"]);
    assert.deepEqual(counts(cold), [4, 0, 6]);
    assert.deepEqual([...contents(cold, "/pagefind/").keys()], ["/support/"]);
    assert.deepEqual(manifest(cold).bundles.map((entry) => [entry.path, entry.newest]), [
      ["/pagefind/", ""],
      ["/pagefind-archive-3/", "2026-11-26T23:30:00.000Z"],
      ["/pagefind-archive-2/", "2026-11-26T08:30:00.000Z"],
      ["/pagefind-archive-1/", "2026-11-24T09:00:00.000Z"],
    ]);

    // An archived article edited: the live bundle holds its new record and supersedes the archive's; the archives are the same, byte for byte.
    site.edit("bridge-repairs", (text) => text.replace("xylophone", "zeppelin"));
    const edited = await site.build("edited");
    assert.deepEqual(counts(edited), [1, 3, 2]);
    for (const archive of ["/pagefind-archive-1/", "/pagefind-archive-2/", "/pagefind-archive-3/"]) assert.deepEqual(bundle(edited, archive), bundle(cold, archive), archive);
    assert.notDeepEqual(bundle(edited, "/pagefind/"), bundle(cold, "/pagefind/"));
    assert.match(contents(edited, "/pagefind/").get("/news/bridge-repairs/")!, /zeppelin/);
    assert.match(contents(edited, "/pagefind-archive-1/").get("/news/bridge-repairs/")!, /xylophone/);
    const entry = manifest(edited).bundles.find((listed) => listed.path === "/pagefind-archive-1/")!;
    assert.deepEqual(entry.superseded!.map(({ url, filters }) => ({ url, filters })), [{ url: "/news/bridge-repairs/", filters: { author: ["Ben Okoro"], tag: ["Transport"] } }]);
    assert.ok(readdirSync(path.join(edited.outputDir, "pagefind-archive-1", "fragment")).includes(`${entry.superseded![0]!.id}.pf_fragment`));

    // A new story stays live; the second one past the limit seals both: archive 3 filled, archive 4 cut.
    site.add("new-one", "2026-11-27T08:00:00Z");
    const published = await site.build("published");
    assert.deepEqual(counts(published), [1, 3, 3]);
    assert.deepEqual([...contents(published, "/pagefind/").keys()].sort(), ["/news/bridge-repairs/", "/news/new-one/", "/support/"]);
    site.add("new-two", "2026-11-27T09:00:00Z");
    const sealed = await site.build("sealed");
    assert.deepEqual(counts(sealed), [3, 2, 5]);
    for (const archive of ["/pagefind-archive-1/", "/pagefind-archive-2/"]) assert.deepEqual(bundle(sealed, archive), bundle(cold, archive), archive);
    assert.deepEqual([...contents(sealed, "/pagefind-archive-3/").keys()].sort(), ["/news/late-night-ferry/", "/news/new-one/"]);
    assert.deepEqual([...contents(sealed, "/pagefind-archive-4/").keys()], ["/news/new-two/"]);
    assert.deepEqual([...contents(sealed, "/pagefind/").keys()].sort(), ["/news/bridge-repairs/", "/support/"]);

    // A deleted archived article: superseded with no new record. The live bundle's records are the same (its index is
    // kept), its list of bundles is not; the archives are untouched.
    site.remove("summer-festival");
    const deleted = await site.build("deleted");
    assert.deepEqual(counts(deleted), [0, 5, 0]);
    for (const archive of ["/pagefind-archive-1/", "/pagefind-archive-2/", "/pagefind-archive-3/", "/pagefind-archive-4/"]) assert.deepEqual(bundle(deleted, archive), bundle(sealed, archive), archive);
    assert.deepEqual(superseded(deleted), { "/pagefind-archive-1/": ["/news/bridge-repairs/", "/news/summer-festival/"] });
    const changedFiles = [...bundle(deleted, "/pagefind/")].filter(([file, hash]) => sealed.files.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(changedFiles, ["/pagefind/bundles.json"]);

    // A third superseded article is past the limit of two: archive 1, which holds two of them, is indexed again.
    site.edit("council-budget", (text) => text.replace("six-hour debate", "seven-hour debate"));
    const compacted = await site.build("compacted");
    assert.deepEqual(counts(compacted), [2, 3, 3]);
    assert.deepEqual([...contents(compacted, "/pagefind-archive-1/").keys()], ["/news/bridge-repairs/"]);
    assert.match(contents(compacted, "/pagefind-archive-1/").get("/news/bridge-repairs/")!, /zeppelin/);
    assert.deepEqual(superseded(compacted), { "/pagefind-archive-2/": ["/news/council-budget/"] });
    assert.deepEqual([...contents(compacted, "/pagefind/").keys()].sort(), ["/news/council-budget/", "/support/"]);

    // Nothing changed: nothing indexed, the same bytes.
    const again = await site.build("again");
    assert.deepEqual(counts(again), [0, 5, 0]);
    assert.deepEqual([...again.files].filter(([file]) => file.startsWith("/pagefind")), [...compacted.files].filter(([file]) => file.startsWith("/pagefind")));
    rmSync(site.rootDir, { recursive: true, force: true });
  });

  test("a damaged or missing state indexes everything, to the bytes of a cold build", async () => {
    const site = newsroom();
    const first = await site.build("first");
    writeFileSync(path.join(searchCacheDir(site.rootDir), "state.json"), "{ damaged");
    const damaged = await site.build("damaged");
    assert.deepEqual(counts(damaged), counts(first));
    rmSync(searchCacheDir(site.rootDir), { recursive: true, force: true });
    const missing = await site.build("missing");
    assert.deepEqual(counts(missing), counts(first));
    const search = (step: Step) => [...step.files].filter(([file]) => file.startsWith("/pagefind"));
    assert.deepEqual(search(damaged), search(first));
    assert.deepEqual(search(missing), search(first));
    rmSync(site.rootDir, { recursive: true, force: true });
  });
});
