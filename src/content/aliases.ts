import type { ArticleFrontmatter } from "./article-schema.ts";
import type { AuthorFrontmatter } from "./author-schema.ts";
import type { DeclaredAlias } from "./model.ts";
import type { PageFrontmatter } from "./page-schema.ts";
import type { ReadFile } from "./read-files.ts";
import { routes } from "./routes.ts";

export interface AliasSources {
  articleFiles: readonly ReadFile<ArticleFrontmatter>[];
  /** Each article's fields that are valid on their own. */
  fieldsOf: ReadonlyMap<ReadFile<ArticleFrontmatter>, Partial<ArticleFrontmatter>>;
  /** Whether this build shows the article: an unpublished one's old address must not lead to its page yet. */
  shown: (read: ReadFile<ArticleFrontmatter>) => boolean;
  slugOf: (read: ReadFile<ArticleFrontmatter>) => string;
  authorFiles: readonly ReadFile<AuthorFrontmatter>[];
  pageFiles: readonly ReadFile<PageFrontmatter>[];
}

/**
 * Every old address the content declares (`aliases:` of articles, authors
 * and standalone pages), where the page now is and where the alias is
 * written: the build redirects them, rewrites body links to them, and the
 * link check accepts them.
 */
export function declaredAliases(sources: AliasSources): DeclaredAlias[] {
  const aliases: DeclaredAlias[] = [];
  const add = (read: ReadFile<unknown>, paths: readonly string[] | undefined, to: string) => {
    paths?.forEach((from, index) => aliases.push({ from, to, file: read.file.sourcePath, ...read.parsed!.locate(["aliases", index]) }));
  };
  for (const read of sources.articleFiles) {
    const fields = sources.fieldsOf.get(read);
    if (fields && sources.shown(read)) add(read, fields.aliases, routes.article(sources.slugOf(read)));
  }
  for (const read of sources.authorFiles) if (read.data) add(read, read.data.aliases, routes.author(read.file.id));
  for (const read of sources.pageFiles) if (read.data) add(read, read.data.aliases, routes.page(read.file.id));
  return aliases;
}
