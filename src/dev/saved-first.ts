import path from "node:path";
import type { ArticleHashes } from "../assembly/content-memo.ts";
import { buildSavedArticle, type LoadedContext } from "../assembly/saved-article.ts";
import { normalizedSitePath } from "../collections/published-paths.ts";
import { buildSiteModel } from "../collections/site-model.ts";
import type { Article } from "../content/model.ts";
import { brokenSiteLinks } from "../content/site-links.ts";
import type { NewsroomOptions } from "../eleventy/content-store.ts";
import type { AssetManifest } from "../eleventy/static-assets.ts";
import type { PlannedPage } from "../site-builder/output-plan.ts";
import { planArticlePage, writeChanges } from "../site-builder/site-update.ts";

/** The last load of the whole content that had no error, as the preview keeps it. */
export interface GoodLoad {
  /** What its content may link to. */
  linkable: ReadonlySet<string>;
  loaded: LoadedContext;
}

export interface SavedFirstOptions {
  newsroom: NewsroomOptions;
  outputDir: string;
  assets: AssetManifest;
  pagesPerBatch: number;
  /** Articles' hashes known from earlier plans. */
  articleHashes: WeakMap<Article, ArticleHashes>;
}

/**
 * A saved article's page, written before the whole content is loaded again
 * (decision 0060): the article built on its own against the last good load,
 * put in that load's place for it, and its page rendered from that site.
 *
 * Only when nothing else can have changed because of it: the file is one
 * that load built, it has no problem of its own, it keeps its place in the
 * site (slug, dates, tags, authors, standing, related, aliases: the same
 * pages list it, no slug or old address can clash, no tag changes its
 * label), and its links lead to pages that exist. Otherwise undefined, and
 * the saved page waits for the whole load, as every save did before.
 *
 * The page is keyed as the plan keys it: once the whole load is planned,
 * an equal key says the page is the one the plan would write.
 */
export async function writeSavedArticleFirst(last: GoodLoad, absolutePath: string, options: SavedFirstOptions): Promise<PlannedPage | undefined> {
  const { newsroom } = options;
  if (newsroom.isStrict) return undefined;
  const now = (newsroom.now ?? (() => new Date()))();
  const saved = await buildSavedArticle(last.loaded, absolutePath, now);
  if (!saved) return undefined;
  const { content } = last.loaded;
  const before = content.articles.find((article) => article.sourcePath === saved.article.sourcePath);
  if (!before || placeInSite(before) !== placeInSite(saved.article)) return undefined;
  const contentDir = path.resolve(newsroom.rootDir, newsroom.contentDir);
  if (brokenSiteLinks(saved.siteLinks, last.linkable, normalizedSitePath, contentDir).length > 0) return undefined;
  const model = buildSiteModel({ ...content, articles: content.articles.map((article) => (article === before ? saved.article : article)) }, { isPreview: newsroom.isPreview, builtAt: now });
  const page = planArticlePage(model, options.assets, saved.article, options.articleHashes);
  await writeChanges({ pages: [page], files: [] }, options.outputDir, { newsroom, model, assets: options.assets, pagesPerBatch: options.pagesPerBatch });
  return page;
}

/** What decides where an article appears and what may clash with it; the rest (headline, dek, body, images) only changes how it looks. */
function placeInSite(article: Article): string {
  const { id, slug, url, publishedAt, updatedAt, tags, authors, related, aliases, isFeatured, isDraft, isScheduled } = article;
  return JSON.stringify({ id, slug, url, publishedAt, updatedAt, tags, authors, related, aliases, isFeatured, isDraft, isScheduled });
}
