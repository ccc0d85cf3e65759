import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import type { Page } from "playwright-core";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { checkSite } from "../../src/check/check-site.ts";
import { isoInZone } from "../../src/format/dates.ts";
import { articleIdFor } from "../../src/new-article/new-article.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { skipReason } from "./chromium.ts";
import { git, ROOT, startCmsSession, type CmsSession } from "./cms-session.ts";

const SCREENSHOTS = path.join(ROOT, "tests/output/screenshots");
const skip = skipReason();
if (skip) console.warn(`# CMS browser tests skipped: ${skip}`);
mkdirSync(SCREENSHOTS, { recursive: true });

/** Accents and punctuation: the file name must still be the id `npm run new` gives the headline. */
const HEADLINE = "Café crews’ vote: strike over night rosters";
const ARTICLE_ID = articleIdFor(HEADLINE);
/** The fixture's zone: the form's dates are written with its offset, whatever the machine's zone. */
const SITE_ZONE = "Europe/Berlin";

/** Opens /admin/ (or another page of the session's site) and logs in to the local backend. */
async function openAdmin(session: CmsSession, hash = ""): Promise<Page> {
  const { page } = await session.openPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${session.origin}/admin/${hash}`);
  await page.getByRole("button", { name: "Login" }).click({ timeout: 30_000 });
  return page;
}

/**
 * Decap's own save button in simple mode (the local file backend): Publish,
 * then Publish now; done when the file on disk says so (what the test is
 * about), with a screenshot of the form if it never does.
 */
async function publishNow(page: Page, file: string, isSaved: (text: string | undefined) => boolean): Promise<string> {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now", { exact: true }).click();
  for (const started = Date.now(); Date.now() - started < 30_000; await delay(200)) {
    const text = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (isSaved(text)) return text!;
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, "cms-not-saved-1280.png") });
  throw new Error(`${file} was not saved within 30 s (see cms-not-saved-1280.png)`);
}

/** A photograph as a newsroom would upload it: a 1600x900 JPEG (wide enough that no hero warning applies). */
async function generatedPhoto(): Promise<string> {
  const file = path.join(temporaryFolder("newsroom-photo-"), "ferry-crew.jpg");
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 90, b: 140 } } }).jpeg({ quality: 80 }).toFile(file);
  return file;
}

async function errorsOf(rootDir: string): Promise<string[]> {
  const { diagnostics } = await checkSite({ rootDir, checkOnly: true });
  return diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.message}`);
}

/** Known and harmless: Decap asks the local git backend for an unpublished version of an entry that has none yet. */
const isExpectedProblem = (problem: string) => problem.includes('"action":"unpublishedEntry"') || problem === "console: Failed to load resource: the server responded with a status of 404 (Not Found)";

describe("the CMS at /admin/, on the local file backend, in Chromium", { skip }, () => {
  let session: CmsSession;
  let photo: string;
  before(async () => {
    session = await startCmsSession("fs");
    photo = await generatedPhoto();
  });
  after(async () => {
    await session?.close();
  });

  test("Decap accepts the configuration made from the schemas and lists the four collections, loading nothing from elsewhere", async () => {
    const page = await openAdmin(session);
    const collections = page.getByRole("navigation").or(page.locator("aside")).first();
    for (const label of ["Articles", "Authors and desks", "Pages", "Site settings"]) await page.getByRole("link", { name: label }).first().waitFor();
    assert.ok(await collections.isVisible());
    await page.getByText("Tram line to reach the harbour by 2028").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-collections-1280.png") });
    assert.deepEqual(session.offOrigin, []);
    assert.deepEqual(session.problems, []);
    await page.context().close();
  });

  test("Decap refuses a configuration its own schema rejects, so the check above can fail", async () => {
    const broken = path.join(session.siteDir, "admin-broken");
    cpSync(path.join(session.siteDir, "admin/index.html"), path.join(broken, "index.html"));
    const settings = JSON.parse(readFileSync(path.join(session.siteDir, "admin/config.json"), "utf8"));
    delete settings.config.collections[0].fields.find((field: { name: string }) => field.name === "authors").collection;
    writeFileSync(path.join(broken, "config.json"), JSON.stringify(settings));
    const { page, context } = await session.openPage();
    await page.goto(`${session.origin}/admin-broken/`);
    await page.getByText("Error loading the CMS configuration").waitFor({ timeout: 30_000 });
    assert.match(await page.locator("body").innerText(), /collection/);
    await context.close();
    session.problems.length = 0;
  });

  test("an article created in the form is saved as `npm run new` writes one, passes the checker and builds into its page", async () => {
    const page = await openAdmin(session, "#/collections/articles/new");
    await page.getByLabel("Headline").fill(HEADLINE, { timeout: 30_000 });
    await page.getByLabel("Dek").fill("The union says the new rota leaves crossings short of staff.");
    for (const name of ["Ana", "City"]) {
      await page.getByLabel("Authors and desks").fill(name);
      await page.getByRole("option", { name: new RegExp(name) }).click();
    }
    await page.getByLabel("Topics").fill("transport, Harbour Strikes");
    await page.getByRole("button", { name: "Add Hero photograph" }).click();
    await page.getByText("Choose an image").click();
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByText("ferry-crew.jpg").waitFor();
    await page.getByRole("button", { name: "Choose selected" }).click();
    await page.getByLabel("Alt text").fill("Crew members on the ferry's car deck");
    await page.getByLabel("Credit").fill("Courier photographer");
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type("The crews voted on Tuesday.");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Add Component" }).click();
    await page.getByRole("menuitem", { name: "Related article card" }).click();
    await page.getByLabel("Article", { exact: true }).fill("Tram");
    await page.getByRole("option", { name: /Tram line/ }).click();
    // The preview pane shows the article in the site's own stylesheet.
    const preview = page.frameLocator("iframe").first();
    await preview.locator("h1.article__headline", { hasText: HEADLINE }).waitFor();
    assert.match(await preview.locator('link[rel="stylesheet"]').first().getAttribute("href") ?? "", /^\/css\/site\.[0-9a-f]{10}\.css$/);
    assert.equal(await preview.locator("h1.article__headline").evaluate((h1) => getComputedStyle(h1).fontFamily.includes("serif")), true);
    await preview.locator('[data-component="related-card"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-new-article-1280.png") });
    // The backend writes the file and the photo in one request; the file is whole once its last line is there.
    const saved = await publishNow(page, path.join(session.repoDir, `content/articles/${ARTICLE_ID}.md`), (text) => text?.endsWith("::related{id=tram-extension}\n") === true);
    await page.context().close();

    const date = /^date: (.*)$/m.exec(saved)?.[1] ?? "";
    assert.equal(isoInZone(new Date(date), SITE_ZONE), date, "the date is written in the site's zone, with its offset");
    assert.equal(
      saved,
      [
        "---",
        `title: "${HEADLINE}"`,
        'dek: "The union says the new rota leaves crossings short of staff."',
        "authors: [ana-lima, city-desk]",
        `date: ${date}`,
        "tags: [transport, Harbour Strikes]",
        "hero:",
        "  src: ../images/ferry-crew.jpg",
        '  alt: "Crew members on the ferry\'s car deck"',
        '  credit: "Courier photographer"',
        "---",
        "The crews voted on Tuesday.",
        "",
        "::related{id=tram-extension}",
        "",
      ].join("\n"),
    );
    const upload = path.join(session.repoDir, "content/images/ferry-crew.jpg");
    for (const started = Date.now(); Date.now() - started < 10_000 && !(existsSync(upload) && statSync(upload).size === statSync(photo).size); ) await delay(100);
    assert.deepEqual(readFileSync(upload), readFileSync(photo), "the upload is in content/images/ as it was");
    assert.deepEqual(await errorsOf(session.repoDir), []);

    const outputDir = path.join(temporaryFolder("newsroom-cms-build-"), "site");
    await buildSite({ rootDir: session.repoDir, outputDir });
    const { document } = parseHTML(readFileSync(path.join(outputDir, `news/${ARTICLE_ID}/index.html`), "utf8"));
    assert.equal(document.querySelector("h1")?.textContent, HEADLINE);
    assert.equal(document.querySelector('[data-component="related-card"] .related-card__title')?.textContent, "Tram line to reach the harbour by 2028");
    assert.ok(document.querySelector('[data-component="hero"] img'), "the hero is on the page");
    // The build publishes the CMS too, with the site's stylesheet for its previews.
    const settings = JSON.parse(readFileSync(path.join(outputDir, "admin/config.json"), "utf8"));
    assert.ok(existsSync(path.join(outputDir, settings.previewStyles[0])), `${settings.previewStyles[0]} is published`);
    assert.deepEqual(session.offOrigin, []);
    assert.deepEqual(session.problems, []);
  });

  test("an edit rewrites only what changed, and deleting the article removes its file", async () => {
    const file = path.join(session.repoDir, `content/articles/${ARTICLE_ID}.md`);
    const before = readFileSync(file, "utf8");
    const page = await openAdmin(session, `#/collections/articles/entries/${ARTICLE_ID}`);
    await page.getByLabel("Dek").fill("The union says the new rota leaves night crossings short of staff.", { timeout: 30_000 });
    await page.getByRole("button", { name: "Add Corrections and updates" }).click();
    await page.getByLabel("Correction").fill("An earlier version gave the wrong day for the vote.");
    const after = await publishNow(page, file, (text) => text?.includes("wrong day for the vote") === true && text.endsWith("\n::related{id=tram-extension}\n"));
    const correction = /^ {2}- date: (.*)\n {4}text: "An earlier version gave the wrong day for the vote."$/m.exec(after);
    assert.ok(correction, after);
    assert.equal(isoInZone(new Date(correction[1]!), SITE_ZONE), correction[1]);
    assert.equal(
      after,
      before
        .replace("leaves crossings", "leaves night crossings")
        .replace('  credit: "Courier photographer"\n', `  credit: "Courier photographer"\ncorrections:\n  - date: ${correction[1]}\n    text: "An earlier version gave the wrong day for the vote."\n`),
    );
    assert.deepEqual(await errorsOf(session.repoDir), []);

    await page.getByRole("button", { name: "Delete entry" }).click();
    // Decap returns to the list once the backend has deleted the file.
    await page.waitForURL(/#\/collections\/articles$/, { timeout: 30_000 });
    await page.context().close();
    assert.equal(existsSync(file), false);
    // Media are shared: an article's photo stays when the article goes.
    assert.ok(existsSync(path.join(session.repoDir, "content/images/ferry-crew.jpg")));
    assert.deepEqual(await errorsOf(session.repoDir), []);
    assert.deepEqual(session.problems, []);
  });
  test("the preview runs no script a contributor wrote in a body", async () => {
    const file = path.join(session.repoDir, "content/articles/hostile-body.md");
    writeFileSync(file, readFileSync(path.join(session.repoDir, "content/articles/tram-extension.md"), "utf8").replace('title: "Tram line to reach the harbour by 2028"', 'title: "Hostile body"') + '\n<img src="x" onerror="top.__pwned = 1">\n\n<script>top.__pwned = 2</script>\n');
    const page = await openAdmin(session, "#/collections/articles/entries/hostile-body");
    const preview = page.frameLocator("iframe").first();
    await preview.locator("h1.article__headline", { hasText: "Hostile body" }).waitFor({ timeout: 30_000 });
    await preview.locator('[data-component="article-body"] p').first().waitFor();
    await delay(1000);
    assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
    assert.equal(await preview.locator("[onerror], script").count(), 0);
    await page.context().close();
    rmSync(file);
    session.problems.length = 0;
  });
});

describe("the CMS's editorial workflow, on the local git backend, in Chromium", { skip }, () => {
  let session: CmsSession;
  before(async () => {
    session = await startCmsSession("git");
  });
  after(async () => {
    await session?.close();
  });

  test("a new article is a draft on its own branch, goes to In review and Ready, and reaches main only when published", async () => {
    const id = "harbour-wall-repairs-begin";
    const branch = `cms/articles/${id}`;
    const status = () => git(session.repoDir, "config", "--get", `branch.${branch}.description`).trim();
    const page = await openAdmin(session, "#/collections/articles/new");
    await page.getByLabel("Headline").fill("Harbour wall repairs begin", { timeout: 30_000 });
    await page.getByLabel("Dek").fill("Divers start work on the old wall on Monday.");
    await page.getByLabel("Authors and desks").fill("City");
    await page.getByRole("option", { name: /City desk/ }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Changes saved").waitFor({ timeout: 30_000 });
    // Asked of git, not the working copy, which the backend checks branches out in while it works.
    const fileOn = (ref: string) => git(session.repoDir, "ls-tree", "--name-only", ref, `content/articles/${id}.md`).trim();
    assert.equal(fileOn(branch), `content/articles/${id}.md`, "the draft is on its own branch");
    assert.match(git(session.repoDir, "show", `${branch}:content/articles/${id}.md`), /^title: "Harbour wall repairs begin"$/m);
    assert.equal(fileOn("main"), "", "main has no such file yet");

    for (const [label, recorded] of [["In review", "decap-cms/pending_review"], ["Ready", "decap-cms/pending_publish"]] as const) {
      await page.getByRole("button", { name: /^Status:/ }).click();
      await page.getByRole("menuitem", { name: label }).click();
      await page.getByText(`Status: ${label}`).waitFor();
      assert.equal(status(), recorded);
    }
    await page.goto(`${session.origin}/admin/#/workflow`);
    await page.getByText("Harbour wall repairs begin").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "cms-workflow-1280.png") });

    await page.goto(`${session.origin}/admin/#/collections/articles/entries/${id}`);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Publish now", { exact: true }).click();
    await page.getByText("Entry published").waitFor({ timeout: 30_000 });
    await page.context().close();
    assert.equal(fileOn("main"), `content/articles/${id}.md`, "published: on main");
    assert.equal(git(session.repoDir, "branch", "--list", branch), "", "the branch is merged and gone");
    assert.equal(git(session.repoDir, "branch", "--show-current").trim(), "main");
    assert.match(git(session.repoDir, "log", "-1", "--format=%s"), /harbour-wall-repairs-begin/);
    assert.equal(readFileSync(path.join(session.repoDir, `content/articles/${id}.md`), "utf8"), git(session.repoDir, "show", `main:content/articles/${id}.md`), "main is checked out");
    assert.deepEqual(await errorsOf(session.repoDir), []);
    assert.deepEqual(session.offOrigin, []);
    assert.deepEqual(session.problems.filter((problem) => !isExpectedProblem(problem)), []);
  });
});
