import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Tool } from "./run.ts";

/**
 * The article pages a build wrote into `siteDir`: ours at news/<slug>/,
 * plain Eleventy's at /<file slug>/ for each file of content/articles/. A
 * build that silently skipped articles is caught by the runner.
 *
 * Counted by the runner once the build's process has exited, outside its
 * wall time: at 100,000 articles the count takes about half a second, which
 * timed inside the child made every edit look that much slower.
 */
export function articlePagesWritten(tool: Tool, corpusDir: string, siteDir: string): number {
  if (tool === "eleventy-plain") {
    const inputDir = path.join(corpusDir, "content", "articles");
    return readdirSync(inputDir).filter((name) => name.endsWith(".md") && existsSync(path.join(siteDir, name.slice(0, -".md".length), "index.html"))).length;
  }
  const newsDir = path.join(siteDir, "news");
  if (!existsSync(newsDir)) return 0;
  return readdirSync(newsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(newsDir, entry.name, "index.html"))).length;
}
