import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptiedDirs, planDeploy } from "../../../src/deploy/deploy-plan.ts";
import { HEADER_RULES } from "../../../src/feeds/headers.ts";
import { uploadHeadersOf } from "../../../src/deploy/file-headers.ts";
import type { OutputManifest } from "../../../src/deploy/output-manifest.ts";

const manifest = (files: Record<string, string>): OutputManifest => ({ version: 1, files: Object.fromEntries(Object.entries(files).map(([file, sha256]) => [file, { sha256, size: 1 }])) });
const headersOf = (file: string) => uploadHeadersOf(file, HEADER_RULES);
const uploads = (plan: ReturnType<typeof planDeploy>) => plan.uploads.flatMap((batch) => batch.files);

describe("planDeploy", () => {
  const deployed = manifest({ "index.html": "a", "css/site.1.css": "b", "news/x/index.html": "c", "feed.xml": "d" });

  test("uploads only new and changed files, and deletes only what the site no longer has", () => {
    const site = manifest({ "index.html": "a2", "css/site.1.css": "b", "news/y/index.html": "e", "feed.xml": "d" });
    const plan = planDeploy(site, deployed, [], headersOf);
    assert.deepEqual(uploads(plan).sort(), ["index.html", "news/y/index.html"]);
    assert.deepEqual(plan.deletes, ["news/x/index.html"]);
    assert.deepEqual(plan.emptiedDirs, ["news/x"]);
  });

  test("plans nothing when the site is the deployed one", () => {
    const plan = planDeploy(deployed, deployed, [], headersOf);
    assert.deepEqual([plan.uploads, plan.deletes, plan.changing], [[], [], []]);
  });

  test("uploads unsettled paths the site has and deletes those it has not, whatever the manifest says", () => {
    const plan = planDeploy(deployed, deployed, ["index.html", "news/z/index.html"], headersOf);
    assert.deepEqual(uploads(plan), ["index.html"]);
    assert.deepEqual(plan.deletes, ["news/z/index.html"]);
    assert.deepEqual(plan.changing, ["index.html", "news/z/index.html"]);
  });

  test("orders batches assets, then data, then pages, one batch per set of headers", () => {
    const site = manifest({ "news/y/index.html": "1", "feed.xml": "2", "images/derived/a-320.avif": "3", "images/derived/a-320.webp": "4", "css/site.2.css": "5", "pagefind/pagefind-entry.json": "6" });
    const plan = planDeploy(site, manifest({}), [], headersOf);
    assert.deepEqual(plan.uploads.map((batch) => batch.phase), ["assets", "assets", "assets", "data", "data", "pages"]);
    const avif = plan.uploads.find((batch) => batch.files.includes("images/derived/a-320.avif"))!;
    assert.deepEqual(avif.headers, { cacheControl: "public, max-age=31536000, immutable", contentType: "image/avif" });
  });
});

describe("emptiedDirs", () => {
  test("names the topmost folders left with no file of the new site", () => {
    assert.deepEqual(emptiedDirs(["a/b/c/x.html", "a/b/d/y.html", "a/z.html", "top.html"], ["a/keep.html"]), ["a/b"]);
    assert.deepEqual(emptiedDirs(["a/b/x.html"], []), ["a"]);
  });
});
