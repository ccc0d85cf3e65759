/**
 * The "plain Eleventy" reference build of the benchmark: Eleventy 3 with its
 * defaults, run over a corpus's content/articles/, so bench/run.ts can show
 * what our generator costs on top of Eleventy itself.
 *
 *   node --import tsx bench/plain-once.ts <corpusDir> [outputDir]
 *
 * Deliberately nothing beyond defaults: Eleventy's own markdown-it (and its
 * default Liquid pre-processing of .md files), its own frontmatter parsing,
 * its default permalinks (/<fileSlug>/index.html), and one small Nunjucks
 * layout. Frontmatter `tags` become Eleventy collections, as in any plain
 * Eleventy site. Plain JavaScript, not TypeScript, so Eleventy loads it
 * without tsx.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const LAYOUTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "_layouts");

/** @param {any} eleventyConfig */
export default function plainEleventy(eleventyConfig) {
  // The cached corpora live in bench/.corpus/, which the package's .gitignore
  // lists: with .gitignore honoured Eleventy would silently find no articles.
  eleventyConfig.setUseGitIgnore(false);
  // The input is the corpus, so the layout lives here; Eleventy takes the
  // layouts folder relative to the input folder.
  eleventyConfig.setLayoutsDirectory(path.relative(path.resolve(eleventyConfig.directories.input), LAYOUTS_DIR));
  // Global data rather than a directory data file: the corpus stays untouched.
  eleventyConfig.addGlobalData("layout", "plain.njk");
}
