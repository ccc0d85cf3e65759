import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { deployToObjectStorage, type DeployReport } from "../../src/deploy/deploy.ts";
import { parseHeadersFile, uploadHeadersOf, uploadPhaseOf, UPLOAD_PHASES } from "../../src/deploy/file-headers.ts";
import { parseManifest } from "../../src/deploy/output-manifest.ts";
import { rcloneRunner } from "../../src/deploy/rclone.ts";
import { siteContents, siteFiles } from "./build-fixture.ts";
import { ADDED_PAGE, buildSiteVersions, EDITED_PAGE, REMOVED_PAGE, siteDifference, type SiteVersions } from "./deploy-site-versions.ts";
import { emptyFolders, rcloneEnv, rcloneSkipReason, startWebdav, targetContents, temporaryDir, type WebdavServer } from "./rclone-target.ts";

const skip = rcloneSkipReason();
const SCHEDULE = { builtAt: "2026-11-28T09:00:00.000Z", nextPublication: "2026-12-01T08:00:00.000Z", scheduled: [] };
let sites: SiteVersions;
before(async () => {
  if (!skip) sites = await buildSiteVersions();
});

const sorted = (files: readonly string[]) => [...files].sort();
const allFiles = (site: string) => siteFiles(site).map((file) => file.slice(1));

describe("npm run deploy to a local folder through rclone", { skip }, () => {
  const target = path.join(temporaryDir("deploy-local"), "bucket");
  const deploy = (siteDir: string, commit = "c0ffee") =>
    deployToObjectStorage({ siteDir, target, rclone: rcloneRunner({ env: rcloneEnv() }), record: { commit, schedule: SCHEDULE } });
  const assertTargetHolds = (site: string) => {
    assert.deepEqual(targetContents(target), siteContents(site), "the target holds the site byte for byte");
    assert.deepEqual(emptyFolders(target), [], "no empty folder is left behind");
  };

  test("a first deploy uploads every file of the site, assets before data before pages, and nothing is deleted", async () => {
    const report = await deploy(sites.original);
    assert.equal(report.isFirstDeploy, true);
    assert.deepEqual(sorted(report.uploaded), allFiles(sites.original));
    assert.deepEqual(report.deleted, []);
    const phases = report.uploaded.map((file) => UPLOAD_PHASES.indexOf(uploadPhaseOf(file)));
    assert.deepEqual(phases, [...phases].sort((a, b) => a - b), "uploads go in phase order");
    assertTargetHolds(sites.original);
  });

  test("running it again uploads and deletes nothing", async () => {
    const report = await deploy(sites.original);
    assert.deepEqual([report.uploaded, report.deleted, report.isFirstDeploy], [[], [], false]);
    assertTargetHolds(sites.original);
  });

  test("a one-article edit uploads exactly the files whose bytes changed (at most 30) and deletes the search files it replaced", async () => {
    const expected = siteDifference(sites.original, sites.edited);
    const report = await deploy(sites.edited);
    assert.deepEqual(sorted(report.uploaded), expected.changed);
    assert.deepEqual(report.deleted, expected.gone);
    assert.ok(report.uploaded.includes(EDITED_PAGE));
    assert.ok(report.uploaded.length <= 30, `${report.uploaded.length} files uploaded`);
    assert.equal(report.uploaded.at(-1), EDITED_PAGE, "the page goes last, after the search index it points at");
    assertTargetHolds(sites.edited);
  });

  test("a new article uploads its page and the listings, feeds and search files that show it", async () => {
    const expected = siteDifference(sites.edited, sites.added);
    const report = await deploy(sites.added);
    assert.deepEqual(sorted(report.uploaded), expected.changed);
    assert.deepEqual(report.deleted, expected.gone);
    for (const file of [ADDED_PAGE, "index.html", "feed.xml", "sitemap.xml", "pagefind/pagefind-entry.json"]) assert.ok(report.uploaded.includes(file), file);
    assertTargetHolds(sites.added);
  });

  test("a deleted article's page is deleted with its folder, and the pages that listed it are uploaded", async () => {
    const expected = siteDifference(sites.added, sites.removed);
    const report = await deploy(sites.removed);
    assert.deepEqual(sorted(report.uploaded), expected.changed);
    assert.deepEqual(report.deleted, expected.gone);
    assert.ok(report.deleted.includes(REMOVED_PAGE));
    assert.equal(existsSync(path.join(target, path.dirname(REMOVED_PAGE))), false);
    assertTargetHolds(sites.removed);
  });

  test("the target keeps the manifest of what it holds and a record of the commit and schedule it was built from", () => {
    const manifest = parseManifest(readFileSync(path.join(target, ".newsroom/manifest.json"), "utf8"), "manifest");
    const contents = siteContents(sites.removed);
    assert.deepEqual(Object.keys(manifest.files).sort(), [...contents.keys()].map((file) => file.slice(1)));
    for (const [file, entry] of Object.entries(manifest.files)) assert.equal(entry.sha256, contents.get(`/${file}`), file);
    const record = JSON.parse(readFileSync(path.join(target, ".newsroom/deployment.json"), "utf8"));
    assert.equal(record.commit, "c0ffee");
    assert.deepEqual(record.schedule, SCHEDULE);
    assert.deepEqual(JSON.parse(readFileSync(path.join(target, ".newsroom/unsettled.json"), "utf8")), { paths: [] });
  });
});

describe("npm run deploy to a WebDAV server on 127.0.0.1 through rclone", { skip }, () => {
  let server: WebdavServer;
  let served: string;
  const deploy = (siteDir: string): Promise<DeployReport> =>
    deployToObjectStorage({ siteDir, target: "dav:site", rclone: rcloneRunner({ env: rcloneEnv({ dav: { type: "webdav", url: server.url, vendor: "other" } }) }), record: { commit: "c0ffee", schedule: null } });
  before(async () => {
    if (skip) return;
    served = temporaryDir("deploy-webdav");
    server = await startWebdav(served);
  });
  after(() => server?.close());

  test("every file is PUT once with the Cache-Control and Content-Type of its kind, and every page after every asset", async () => {
    server.requests.length = 0;
    const report = await deploy(sites.original);
    const puts = server.requests.filter((request) => request.method === "PUT" && !request.url.startsWith("/site/.newsroom/"));
    assert.deepEqual(puts.map((put) => put.url.slice("/site/".length)).sort(), sorted(report.uploaded));
    const rules = parseHeadersFile(readFileSync(path.join(sites.original, "_headers"), "utf8"));
    for (const put of puts) {
      const headers = uploadHeadersOf(put.url.slice("/site/".length), rules);
      assert.equal(put.headers["cache-control"], headers.cacheControl, put.url);
      if (headers.contentType) assert.equal(put.headers["content-type"], headers.contentType, put.url);
    }
    const cacheOf = (url: string) => puts.find((put) => put.url === url)!.headers["cache-control"];
    assert.equal(cacheOf(`/site/${EDITED_PAGE}`), "public, max-age=300, must-revalidate");
    assert.match(cacheOf(puts.find((put) => put.url.startsWith("/site/css/"))!.url)!, /immutable/);
    const order = puts.map((put) => uploadPhaseOf(put.url.slice("/site/".length)));
    assert.ok(order.lastIndexOf("assets") < order.indexOf("data") && order.lastIndexOf("data") < order.indexOf("pages"), "assets, then data, then pages");
    assert.deepEqual(targetContents(path.join(served, "site")), siteContents(sites.original));
  });

  test("an edit, a new article and a deletion leave the server holding each site, and no folder is listed but those emptied", async () => {
    server.requests.length = 0;
    for (const site of [sites.edited, sites.added, sites.removed]) {
      await deploy(site);
      assert.deepEqual(targetContents(path.join(served, "site")), siteContents(site));
    }
    assert.deepEqual(emptyFolders(path.join(served, "site")), []);
    const known = new Set([...[sites.original, sites.edited, sites.added, sites.removed].flatMap(allFiles), ".newsroom", ".newsroom/manifest.json", ".newsroom/unsettled.json", ".newsroom/deployment.json"]);
    const listed = server.requests
      .filter((request) => request.method === "PROPFIND")
      .map((request) => request.url.replace(/^\/site\/?/, "").replace(/\/$/, ""))
      .filter((file) => file !== "" && !known.has(file));
    // Only the folders the deletion emptied (rmdirs reads them): the article's, and the news feed's only numbered page, whose
    // stories now fit on the front page; "" is the target itself, which rclone checks on start.
    assert.deepEqual([...new Set(listed)].sort(), ["news-feed/page", "news-feed/page/1", "news/bridge-repairs"]);
    assert.ok(server.requests.every((request) => request.headers.depth !== "infinity"));
  });
});
