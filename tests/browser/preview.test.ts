import assert from "node:assert/strict";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { copyBasicSite, startPreview } from "../integration/preview-process.ts";
import { launchChromium, skipReason } from "./chromium.ts";

const skip = skipReason();

describe("the preview in a browser (npm start)", { skip }, () => {
  test("a save reloads the open article with the change; a mistake shows over every page until it is fixed", async () => {
    const rootDir = copyBasicSite("newsroom-preview-browser-");
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

      // The fix saved as vim and JetBrains' safe write do: a new file renamed over the old one.
      writeFileSync(`${articleFile}.tmp`, original);
      renameSync(`${articleFile}.tmp`, articleFile);
      await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("The lane reopens on Monday"), undefined, { timeout: 15_000 });
      assert.equal(await problems.count(), 0, "the fix reloads the page without the problems");
      const later = await browser.newPage();
      await later.goto(`${preview.origin}/news/council-budget/`, { waitUntil: "load" });
      await later.waitForTimeout(500);
      assert.equal(await later.locator("#newsroom-problems").count(), 0, "a page opened after the fix shows none");
      assert.match(preview.output(), /\/news\/bridge-repairs\/ rebuilt in \d+\.\d+ s/);
    } finally {
      await browser.close();
      await preview.stop();
    }
  });
});
