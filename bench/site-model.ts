/**
 * Times the site model alone: loads a corpus's content once (warm caches make
 * that quick), then builds the model and makes every list a build uses (tag
 * and author groups, feed and tag pages, feeds, search shards, sitemaps),
 * and reads one property of every article, as a listing does.
 *
 *   node --import ./src/loader/register.mjs bench/site-model.ts <corpusDir> [passes=5]
 *
 * Prints one line per pass; the first warms the JIT.
 */
import { buildSiteModel } from "../src/collections/site-model.ts";
import { loadContent } from "../src/assembly/load-content.ts";

const [rootDir, passesArg] = process.argv.slice(2);
if (!rootDir) {
  process.stderr.write("usage: node --import ./src/loader/register.mjs bench/site-model.ts <corpusDir> [passes]\n");
  process.exit(2);
}
const builtAt = new Date("2026-11-28T09:00:00Z");
const { content, diagnostics } = await loadContent({ rootDir, now: builtAt });
if (!content) throw new Error(`the corpus has problems: ${diagnostics.length}`);

const milliseconds = (since: number) => Number((performance.now() - since).toFixed(1));
for (let pass = 1; pass <= Number(passesArg ?? 5); pass++) {
  let started = performance.now();
  const model = buildSiteModel(content, { isPreview: false, builtAt });
  const lists = [model.tagGroups, model.authorGroups, model.feedPages, model.tagPages, model.feeds, model.sitemapFiles];
  const modelMs = milliseconds(started);
  started = performance.now();
  const featured = content.articles.filter((article) => article.isFeatured).length;
  const readMs = milliseconds(started);
  process.stdout.write(`${JSON.stringify({ pass, articles: content.articles.length, lists: lists.length, modelMs, featured, readOnePropertyMs: readMs })}\n`);
}
