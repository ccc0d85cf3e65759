import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RenderSettings } from "../markdown/pipeline.ts";
import { renderBodies } from "../markdown/render-bodies.ts";
import type { ReferenceIndex } from "../content/article-references.ts";
import type { Article, Content, ContentSiteLink } from "../content/model.ts";
import { readArticleFile, type ContentFiles } from "../content/read-content.ts";
import type { ContentFile } from "../content/discover-files.ts";
import { FileStamps } from "../util/file-stamp.ts";
import { buildArticles } from "./build-articles.ts";
import type { BuiltAuthors } from "./build-authors.ts";
import type { LoadOptions } from "./load-content.ts";
import { contentImages, placedLinks } from "./load-content.ts";

/**
 * What a whole load without errors found, kept by the content memo so that
 * the preview can build one saved article on its own against it. Only that:
 * the load's files themselves (each parse with its body) are not kept, as
 * they would outlive the load in every build (about 470 MB of heap at
 * 100,000 articles).
 */
export interface LoadedContext {
  options: LoadOptions;
  /** The article files the load read, by absolute path. */
  articleFiles: ReadonlyMap<string, ContentFile>;
  /** The related cards bodies were rendered with (ContentFiles' `cards` and `unpublishedCards`). */
  cards: ContentFiles["cards"];
  unpublishedCards: ContentFiles["unpublishedCards"];
  authors: BuiltAuthors;
  renderSettings: RenderSettings;
  references: ReferenceIndex;
  content: Content;
}

/** A saved article built on its own: the article, and its body's links to the site's own pages (to check). */
export interface SavedArticle {
  article: Article;
  siteLinks: ContentSiteLink[];
}

/**
 * Builds one saved article file by the load's own steps (read and validate
 * it, render its body, build it, encode its images) against the rest of the
 * content as the last load found it: its authors, the articles that exist,
 * the related cards, the aliases. Undefined when it is not a file that load
 * had, or when it has any problem of its own: the whole load, which follows,
 * reports those. What spans the site (unique slugs, tags, links to pages
 * that may have gone) is the caller's to judge, or the whole load's.
 */
export async function buildSavedArticle(loaded: LoadedContext, absolutePath: string, now: Date): Promise<SavedArticle | undefined> {
  const known = loaded.articleFiles.get(absolutePath);
  const site = loaded.content.site;
  if (!known) return undefined;
  const isPreview = loaded.options.isPreview ?? false;
  const read = readArticleFile(known, { timeZone: site.timeZone, now, isPreview });
  if (!read.fields || !read.read.parsed || !read.isShown || hasErrors(read.diagnostics)) return undefined;
  const { rootDir, contentDir } = loaded.renderSettings;
  const images = contentImages(loaded.options, site, rootDir, contentDir, new FileStamps());
  const parsed = read.read.parsed;
  const { bodies } = await renderBodies([{ body: parsed.body, path: read.read.file.sourcePath, bodyLineOffset: parsed.bodyLineOffset }], {
    settings: loaded.renderSettings,
    resolveImage: images.resolveImage,
    articles: loaded.cards,
    unpublished: loaded.unpublishedCards,
    workers: 0,
  });
  const body = bodies[0]!;
  const built = await buildArticles([{ read: read.read, fields: read.fields, parsed, body, isShown: true, isScheduled: read.isScheduled, slug: read.slug }], {
    site,
    authors: loaded.authors,
    images,
    memo: undefined,
    cardTargets: loaded.cards,
    references: loaded.references,
    isPreview,
    stamps: new FileStamps(),
  });
  const { diagnostics: imageDiagnostics } = await images.finish();
  const diagnostics: Diagnostic[] = [...body.diagnostics, ...built.diagnostics, ...imageDiagnostics];
  const article = built.articles[0];
  if (!article || hasErrors(diagnostics)) return undefined;
  await built.addPlaceholders(images.pipeline);
  return { article, siteLinks: placedLinks(article.sourcePath, body.dependencies.siteLinks) };
}
