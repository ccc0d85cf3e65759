import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { launchChromium, skipReason } from "./chromium.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BASIC = path.join(ROOT, "tests/fixtures/sites/basic");
const skip = skipReason();

/** `npm start`'s program on a copy of the basic site, on a free port; resolves once it serves. */
async function startPreview(rootDir: string) {
  const server = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(ROOT, "src/dev/cli.ts"), "--port", "0"], {
    cwd: rootDir,
    env: { ...process.env, NEWSROOM_IMAGE_CACHE: path.join(BASIC, ".cache/images") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Preview at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server.stdout.on("data", read);
    server.stderr.on("data", read);
    server.once("exit", (code) => reject(new Error(`the preview exited (${code}): ${output}`)));
  });
  return { origin, output: () => output, stop: () => server.kill("SIGTERM") };
}

describe("the preview in a browser (npm start)", { skip }, () => {
  test("a save reloads the open article with the change; a mistake shows over every page until it is fixed", async () => {
    const rootDir = mkdtempSync(path.join(tmpdir(), "newsroom-preview-browser-"));
    cpSync(path.join(BASIC, "content"), path.join(rootDir, "content"), { recursive: true });
    const articleFile = path.join(rootDir, "content/articles/bridge-repairs.md");
    const original = readFileSync(articleFile, "utf8");
    const preview = await startPreview(rootDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${preview.origin}/news/bridge-repairs/`, { waitUntil: "load" });
      assert.doesNotMatch(await page.locator("main").innerText(), /The lane reopens on Monday/);

      writeFileSync(articleFile, `${original.trimEnd()}\n\nThe lane reopens on Monday.\n`);
      await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("The lane reopens on Monday"), undefined, { timeout: 15_000 });

      writeFileSync(articleFile, original.replace(/^authors: .*$/m, "authors: [nobody-here]"));
      const problems = page.locator("#newsroom-problems");
      await problems.waitFor({ timeout: 15_000 });
      assert.match(await problems.innerText(), /bridge-repairs\.md:\d+:\d+.*unknown author "nobody-here"/s);
      assert.match(await page.locator("main").innerText(), /The lane reopens on Monday/, "the last good page stays under the problems");
      // A page opened while the problems stand shows them too.
      const another = await browser.newPage();
      await another.goto(`${preview.origin}/`, { waitUntil: "load" });
      await another.locator("#newsroom-problems").waitFor({ timeout: 15_000 });

      writeFileSync(articleFile, original);
      await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("The lane reopens on Monday"), undefined, { timeout: 15_000 });
      assert.equal(await problems.count(), 0, "the fix reloads the page without the problems");
      const later = await browser.newPage();
      await later.goto(`${preview.origin}/news/council-budget/`, { waitUntil: "load" });
      await later.waitForTimeout(500);
      assert.equal(await later.locator("#newsroom-problems").count(), 0, "a page opened after the fix shows none");
      assert.match(preview.output(), /\/news\/bridge-repairs\/ rebuilt in \d+\.\d+ s/);
    } finally {
      await browser.close();
      preview.stop();
    }
  });
});
