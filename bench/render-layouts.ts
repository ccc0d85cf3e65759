/**
 * Times the layouts alone: renders the first N article pages and the first
 * 1,000 tag pages of a corpus with Preact, as Eleventy's article and tag
 * templates do, after loading its content (warm caches make that quick).
 *
 *   node --import ./src/loader/register.mjs bench/render-layouts.ts <corpusDir> [N=3000]
 *
 * Prints ms per page for three passes (the first warms the JIT) and a digest
 * of the HTML, so that two versions of the layouts can be compared for speed
 * and for identical output.
 */
import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { VNode } from "preact";
import { render as renderArticle } from "../layouts/article.11ty.tsx";
import { render as renderTag } from "../layouts/tag.11ty.tsx";
import { ContentStore } from "../src/eleventy/content-store.ts";
import { PUBLIC_DIR } from "../src/eleventy/static-assets.ts";
import { readPublicAssets } from "../src/eleventy/static-assets.ts";

const [rootDir, countArg] = process.argv.slice(2);
if (!rootDir) {
  process.stderr.write("usage: node --import ./src/loader/register.mjs bench/render-layouts.ts <corpusDir> [N]\n");
  process.exit(2);
}
const model = await new ContentStore({ rootDir, contentDir: "content", isPreview: false, now: () => new Date("2026-11-28T09:00:00Z") }).reload();
const { manifest: assets } = await readPublicAssets(PUBLIC_DIR);
const articles = model.articles.slice(0, Number(countArg ?? 3000));
const tagPages = model.tagPages.slice(0, 1000);

function pass(label: string, digest?: ReturnType<typeof createHash>): void {
  const timed = <T>(items: readonly T[], page: (item: T) => unknown) => {
    const started = performance.now();
    for (const item of items) {
      const html = renderToStaticMarkup(page(item) as VNode);
      digest?.update(html);
    }
    return ((performance.now() - started) / Math.max(1, items.length)).toFixed(3);
  };
  const article = timed(articles, (item) => renderArticle({ newsroom: model, article: item, assets, page: { url: item.url } }));
  const tag = timed(tagPages, (tagPage) => renderTag({ newsroom: model, tagPage, assets, page: { url: tagPage.url } }));
  console.log(`${label}: article ${article} ms/page (${articles.length}), tag ${tag} ms/page (${tagPages.length})`);
}

pass("warm-up");
pass("pass 1");
const digest = createHash("sha256");
pass("pass 2", digest);
console.log(`digest ${digest.digest("hex")}`);
