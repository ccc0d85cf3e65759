import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { copyBasicSite, pollUntil, startPreview } from "./preview-process.ts";

/** Saves as vim, `sed -i`, JetBrains' safe write and `git checkout` do: a new file renamed over the old one. */
function saveByRename(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const withTitle = (text: string, title: string) => text.replace(/^title: .*$/m, `title: "${title}"`);

describe("the preview process (npm start) picks up every save", () => {
  test("five write-then-rename saves of one article in a row each show in the served page", async () => {
    const rootDir = copyBasicSite("newsroom-preview-saves-");
    const articleFile = path.join(rootDir, "content/articles/bridge-repairs.md");
    const original = readFileSync(articleFile, "utf8");
    const preview = await startPreview(rootDir);
    try {
      const page = `${preview.origin}/news/bridge-repairs/`;
      for (let save = 1; save <= 5; save++) {
        const title = `Bridge repairs, save number ${save}`;
        saveByRename(articleFile, withTitle(original, title));
        await pollUntil(page, (status, body) => status === 200 && body.includes(title), `"${title}" (save ${save} of 5)`);
      }
    } finally {
      await preview.stop();
    }
  });

  test("a file saved in a folder created after the start is picked up, and a deleted article's page goes", async () => {
    const rootDir = copyBasicSite("newsroom-preview-folders-");
    const content = (...parts: string[]) => path.join(rootDir, "content", ...parts);
    const original = readFileSync(content("articles/bridge-repairs.md"), "utf8");
    const preview = await startPreview(rootDir);
    try {
      // The hero names a photo in a folder that does not exist yet: the save is refused, the terminal says why.
      const title = "Bridge photo arrives";
      saveByRename(content("articles/bridge-repairs.md"), withTitle(original, title).replace("../images/tram.jpg", "../images/2026/bridge.jpg"));
      const problemsShown = () => preview.output().split("fix the problems above and save again").length - 1;
      await waitFor(() => problemsShown() >= 1, "the missing photo reported");
      // The new folder is a change of its own (a load that fails again); its file comes in a later save.
      mkdirSync(content("images/2026"));
      await waitFor(() => problemsShown() >= 2, "the new folder seen");
      await delay(300);
      copyFileSync(content("images/tram.jpg"), content("images/2026/bridge.jpg"));
      await pollUntil(`${preview.origin}/news/bridge-repairs/`, (status, body) => status === 200 && body.includes(title), `"${title}" once its photo is in the new folder`);

      rmSync(content("articles/summer-festival.md"));
      await pollUntil(`${preview.origin}/news/summer-festival/`, (status) => status === 404, "a 404 for the deleted article");
    } finally {
      await preview.stop();
    }
  });
});

describe("the preview's output folder", () => {
  test("the preview writes .cache/preview/ and leaves the production site in _site/ as it was", async () => {
    const rootDir = copyBasicSite("newsroom-preview-output-");
    const production = path.join(rootDir, "_site");
    mkdirSync(production);
    writeFileSync(path.join(production, "index.html"), "the published site");
    const preview = await startPreview(rootDir);
    try {
      const title = "Bridge repairs, previewed";
      const articleFile = path.join(rootDir, "content/articles/bridge-repairs.md");
      saveByRename(articleFile, withTitle(readFileSync(articleFile, "utf8"), title));
      await pollUntil(`${preview.origin}/news/bridge-repairs/`, (status, body) => status === 200 && body.includes(title), `"${title}"`);
      assert.match(readFileSync(path.join(rootDir, ".cache/preview/news/bridge-repairs/index.html"), "utf8"), new RegExp(title));
      assert.match(readFileSync(path.join(rootDir, ".cache/preview/news/secret-draft/index.html"), "utf8"), /data-component="preview-notice"/, "drafts are shown");
    } finally {
      await preview.stop();
    }
    assert.deepEqual(readdirSync(production), ["index.html"]);
    assert.equal(readFileSync(path.join(production, "index.html"), "utf8"), "the published site");
  });

  test("without a production site, the preview creates none", async () => {
    const rootDir = copyBasicSite("newsroom-preview-no-site-");
    const preview = await startPreview(rootDir);
    await preview.stop();
    assert.equal(existsSync(path.join(rootDir, "_site")), false);
  });

  test("--output naming the production folder is refused with a message, and nothing is written", async () => {
    const rootDir = copyBasicSite("newsroom-preview-refuse-");
    for (const output of ["_site", "./_site/", "_site/preview", path.join(rootDir, "_site")]) {
      const refused = await startPreview(rootDir, ["--output", output]).then(
        async (preview) => {
          await preview.stop();
          assert.fail(`--output ${output} was accepted`);
        },
        (error: Error) => error.message,
      );
      assert.match(refused, /the preview exited \(2\)/, output);
      assert.match(refused, /--output .* is the production site's folder.*drafts.*Leave --output out/s, output);
      assert.equal(existsSync(path.join(rootDir, "_site")), false, output);
    }
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await delay(20);
  }
}
