import path from "node:path";
import { normalizedSitePath, publishedPaths } from "../collections/published-paths.ts";
import { buildSiteModel, type SiteModel } from "../collections/site-model.ts";
import { loadContent, type LoadOptions, type LoadResult } from "../content/load-content.ts";
import { brokenSiteLinks } from "../content/site-links.ts";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface CheckedSite extends LoadResult {
  /** The site model, when the content has no error. */
  model?: SiteModel;
}

export interface CheckOptions extends LoadOptions {
  /** Articles per search index (see src/collections/search-shards.ts). */
  articlesPerSearchShard?: number;
}

/**
 * Everything `npm run check` and every build check, in one run: the content
 * loaded and validated, then the links between its pages checked against
 * the pages the site will have (on the content as far as it could be built,
 * so that a problem elsewhere does not hide a broken link).
 */
export async function checkSite(options: CheckOptions): Promise<CheckedSite> {
  const loaded = await loadContent(options);
  const { partial } = loaded;
  if (!partial) return loaded;
  const now = options.now ?? new Date();
  const model = buildSiteModel(partial, {
    isPreview: options.isPreview ?? false,
    builtAt: now,
    ...(options.articlesPerSearchShard ? { articlesPerSearchShard: options.articlesPerSearchShard } : {}),
  });
  const published = publishedPaths(model);
  for (const url of partial.unbuiltArticleUrls) published.add(url);
  const contentDir = path.resolve(options.rootDir, options.contentDir ?? "content");
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...brokenSiteLinks(partial.siteLinks, published, normalizedSitePath, contentDir)];
  if (hasErrors(diagnostics)) {
    const { content: _content, ...rest } = loaded;
    return { ...rest, diagnostics };
  }
  return { ...loaded, diagnostics, model };
}
