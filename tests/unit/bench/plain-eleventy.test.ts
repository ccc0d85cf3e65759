/**
 * The benchmark's plain Eleventy reference (bench/plain-once.ts with
 * bench/eleventy-plain/): a three-article corpus, in the generated corpus's
 * frontmatter format, built in a child process as bench/run.ts does.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { articlePagesWritten } from "../../../bench/article-pages.ts";
import { makeTempDir } from "../helpers.ts";
import { TYPESCRIPT_FLAGS } from "../../../src/loader/node-flags.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PLAIN_ONCE = path.join(ROOT, "bench", "plain-once.ts");

interface Article {
  id: string;
  title: string;
  heading: string;
  /** A YAML timestamp with an offset, as bench/generate-corpus.ts writes them. */
  date: string;
}

const ARTICLES: Article[] = [
  { id: "harbour-approved-1", title: "Harbour approved the ferry budget", heading: "What the council agreed", date: "2026-03-14T09:30:00+01:00" },
  { id: "storm-delayed-2", title: "Storm delayed the morning trains", heading: "Diversions this week", date: "2026-03-15T22:10:00-05:00" },
  // Quoted: Eleventy gets a string rather than a Date, and must still accept it.
  { id: "museum-reopened-3", title: "Museum reopened after repairs", heading: "Opening hours", date: "\"2026-03-16T07:00:00+05:30\"" },
];

/** One article file in the generator's shape: tags, related, hero, a ::related directive in the body. */
function articleFile(article: Article, index: number): string {
  return [
    "---",
    `title: ${JSON.stringify(article.title)}`,
    `dek: "A one-sentence standfirst about ${article.id}."`,
    "authors: [news-desk]",
    `date: ${article.date}`,
    ...(index === 1 ? ["updated: 2026-03-16T08:00:00-05:00"] : []),
    "tags: [harbour, north-ferry, council]",
    ...(index > 0 ? ["related:", `  - ${ARTICLES[0]!.id}`, "  - title: \"A report\"", "    url: https://example.org/reports/1"] : []),
    "hero:",
    "  src: ../images/bench-hero-01.jpg",
    "  alt: \"A grey harbour at dawn.\"",
    "  credit: \"Staff photo\"",
    "---",
    "Residents said the **ferry** plan was approved on Tuesday.",
    "",
    ...(index > 0 ? [`::related{id=${ARTICLES[0]!.id}}`, ""] : []),
    `## ${article.heading}`,
    "",
    "- First item;",
    "- Second item;",
    "",
  ].join("\n");
}

/** Runs plain-once.ts like bench/run.ts does; resolves with stdout, rejects on a non-zero exit. */
function runPlainOnce(corpusDir: string, outputDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TYPESCRIPT_FLAGS, PLAIN_ONCE, corpusDir, outputDir], {
      cwd: corpusDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`plain-once.ts exited ${code}:\n${stderr}`))));
  });
}

describe("plain Eleventy reference build", () => {
  const temp = makeTempDir("newsroom-plain-eleventy-");
  const outputDir = path.join(temp.dir, "_site");
  let report: { pages: number; maxRssKB: number; buildSeconds: number };

  before(async () => {
    ARTICLES.forEach((article, index) => temp.write(`content/articles/${article.id}.md`, articleFile(article, index)));
    temp.write("content/authors/news-desk.md", "---\nname: \"News desk\"\ntype: desk\n---\nThe desk.\n");
    temp.write("content/site.yaml", "name: \"The Benchmark Bugle\"\n");
    const stdout = await runPlainOnce(temp.dir, outputDir);
    report = JSON.parse(stdout.trim().split("\n").pop() ?? "") as typeof report;
  });
  after(() => temp.cleanup());

  it("reports one page per article and nothing else; the runner counts them as article pages", () => {
    assert.equal(articlePagesWritten("eleventy-plain", temp.dir, outputDir), 3);
    assert.equal(articlePagesWritten("site", temp.dir, outputDir), 0, "ours are under news/");
    assert.equal(report.pages, 3);
    assert.ok(report.maxRssKB > 0);
    assert.ok(report.buildSeconds > 0);
    // Tags make collections, not pages; authors and site.yaml are not input.
    assert.deepEqual(readdirSync(outputDir).sort(), ARTICLES.map((a) => a.id).sort());
  });

  it("renders each article's Markdown inside the minimal layout", () => {
    for (const article of ARTICLES) {
      const html = readFileSync(path.join(outputDir, article.id, "index.html"), "utf8");
      assert.match(html, /^<!doctype html>\n<html lang="en">/);
      assert.ok(html.includes(`<title>${article.title}</title>`), `title of ${article.id}`);
      const main = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
      assert.ok(main.includes(`<h2>${article.heading}</h2>`), `heading of ${article.id}`);
      assert.ok(main.includes("<strong>ferry</strong>"), `strong text of ${article.id}`);
      assert.ok(main.includes("<li>First item;</li>"), `list of ${article.id}`);
      assert.ok(html.trimEnd().endsWith("</html>"));
    }
  });
});
