import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildArchiveFixture } from "../integration/archive-fixture.ts";
import { htmlPages } from "../integration/build-fixture.ts";
import { buildSampleSite, ROOT } from "./sample-site.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const VNU = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
const HOW_TO_GET_JAVA = "No Java runtime found for the W3C Nu HTML Checker: install one (Debian: apt-get install -y default-jre-headless).";

function skipReason(): string | undefined {
  if (spawnSync("java", ["-version"]).status === 0) return undefined;
  if (process.env.CI === "true") throw new Error(`${HOW_TO_GET_JAVA} (CI=true: the HTML gate must run)`);
  return HOW_TO_GET_JAVA;
}

const skip = skipReason();
let siteDir: string;
before(async () => {
  if (!skip) siteDir = await buildSampleSite();
});

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** Runs the checker; it reports as JSON on stderr and exits 1 when it found errors. */
function checkHtml(files: string[]): VnuMessage[] {
  const result = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`vnu failed: ${result.stderr}`);
  return (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
}

describe("HTML validity", { skip }, () => {
  test("the checker reports an invalid document (the gate can fail)", () => {
    const dir = temporaryFolder("vnu-");
    writeFileSync(path.join(dir, "bad.html"), "<!doctype html><html lang=en><head><title>x</title></head><body><p><div>x</p></body></html>");
    assert.ok(checkHtml([path.join(dir, "bad.html")]).some((message) => message.type === "error"));
  });

  test("every page of the sample site passes the W3C Nu HTML Checker with zero errors", () => {
    const pages = htmlPages(siteDir);
    assert.ok(pages.length > 30, `checked ${pages.length} pages`);
    const errors = checkHtml(pages.map((page) => path.join(siteDir, page))).map(
      (message) => `${message.url.split("/site/")[1]}:${message.lastLine ?? 0} ${message.message}`,
    );
    assert.deepEqual(errors, []);
  });

  test("the front and numbered pages of long listings pass too (the sample's listings fit their front pages)", async () => {
    const archive = await buildArchiveFixture(12);
    const pages = ["news-feed/index.html", "news-feed/page/1/index.html", "news-feed/page/4/index.html", "tags/transport/index.html", "tags/transport/page/1/index.html"];
    const errors = checkHtml(pages.map((page) => path.join(archive.outputDir, page))).map((message) => `${message.url.split("/site/")[1]}:${message.lastLine ?? 0} ${message.message}`);
    assert.deepEqual(errors, []);
  });
});
