import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addFiles, changesSince } from "../../../src/site-builder/output-changes.ts";
import type { PlannedPage } from "../../../src/site-builder/output-plan.ts";
import type { SiteFile } from "../../../src/site-builder/site-files.ts";

const page = (path: string, key: string): PlannedPage => ({ definition: "article", url: `/${path.replace(/index\.html$/, "")}`, path, key });
const file = (path: string, key: string): SiteFile => ({ path, key, write: async () => {} });
const paths = (outputs: readonly { path: string }[]) => outputs.map((output) => output.path);
const SEARCH = /^pagefind(?:-archive-\d+)?\//;

describe("changesSince", () => {
  const previous = new Map([
    ["news/a/index.html", "a1"],
    ["news/b/index.html", "b1"],
    ["news/gone/index.html", "g1"],
    ["feed.xml", "f1"],
    ["pagefind/pagefind.js", "p1"],
    ["pagefind-archive-1/index.json", "q1"],
  ]);
  const plan = { pages: [page("news/a/index.html", "a1"), page("news/b/index.html", "b2"), page("news/new/index.html", "n1")], files: [file("feed.xml", "f2"), file("robots.txt", "r1")] };

  it("renders what is new or keyed otherwise, keeps the rest, deletes what is no longer planned, and holds every planned key for the manifest", () => {
    const changes = changesSince(previous, plan, SEARCH);
    assert.deepEqual(paths(changes.pages), ["news/b/index.html", "news/new/index.html"]);
    assert.deepEqual(paths(changes.files), ["feed.xml", "robots.txt"]);
    assert.equal(changes.kept, 1);
    assert.deepEqual(changes.removed, ["news/gone/index.html"], "the search's files wait for its plan");
    assert.deepEqual([...changes.manifest], [
      ["news/a/index.html", "a1"],
      ["news/b/index.html", "b2"],
      ["news/new/index.html", "n1"],
      ["feed.xml", "f2"],
      ["robots.txt", "r1"],
    ]);
  });

  it("brings the search's files in once planned: changed ones written, those no longer planned deleted", () => {
    const changes = changesSince(previous, plan, SEARCH);
    addFiles(changes, previous, [file("pagefind/pagefind.js", "p1"), file("pagefind-archive-2/index.json", "q2")], SEARCH);
    assert.deepEqual(paths(changes.files), ["feed.xml", "robots.txt", "pagefind-archive-2/index.json"]);
    assert.equal(changes.kept, 2);
    assert.deepEqual(changes.removed, ["news/gone/index.html", "pagefind-archive-1/index.json"]);
    assert.equal(changes.manifest.get("pagefind/pagefind.js"), "p1");
  });

  it("renders everything into an empty folder", () => {
    const changes = changesSince(undefined, plan);
    assert.deepEqual([changes.pages.length, changes.files.length, changes.kept, changes.removed.length], [3, 2, 0, 0]);
  });

  it("refuses two files written to one path, between pages and files too", () => {
    assert.throws(() => changesSince(previous, { pages: [page("feed.xml", "x")], files: [file("feed.xml", "f2")] }), /two files of the site are written to feed\.xml/);
    assert.throws(() => changesSince(undefined, { pages: [page("news/a/index.html", "a1"), page("news/a/index.html", "a2")], files: [] }), /two files of the site are written to news\/a\/index\.html/);
    const changes = changesSince(previous, plan, SEARCH);
    assert.throws(() => addFiles(changes, previous, [file("robots.txt", "r2")], SEARCH), /two files of the site are written to robots\.txt/);
  });
});
