import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import type { ArticleFrontmatter } from "./article-schema.ts";
import type { ParsedFrontmatter } from "./frontmatter.ts";
import { messageDate } from "./schema-diagnostics.ts";

/** Why an article that exists is not published in this build. */
export type Unpublished = { isDraft: true } | { isDraft: false; publishAt: Date };

export interface ReferenceIndex {
  /** Every author and desk id with a file, its problems or not. */
  authorIds: ReadonlySet<string>;
  /** Every article id with a file, its problems or not: what exists may be linked. */
  articleIds: ReadonlySet<string>;
  /** Articles that exist but are held back (drafts, scheduled), by id. */
  unpublished: ReadonlyMap<string, Unpublished>;
  timeZone?: string;
}

/**
 * The references an article's frontmatter makes (its authors, its related
 * articles), each checked on its own: a file with other problems still has
 * its references checked, and a reference to a file that exists is never
 * "unknown", whatever that file's own problems.
 */
export function referenceDiagnostics(sourcePath: string, fields: Partial<ArticleFrontmatter>, parsed: ParsedFrontmatter, index: ReferenceIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const placeAt = (path: (string | number)[]) => ({ file: sourcePath, ...parsed.locate(path) });
  fields.authors?.forEach((id, position) => {
    if (index.authorIds.has(id)) return;
    const suggestion = didYouMean(id, index.authorIds);
    diagnostics.push(diagnose("article/unknown-author", placeAt(["authors", position]), { id, known: [...index.authorIds], ...(suggestion ? { suggestion } : {}) }));
  });
  fields.related?.forEach((entry, position) => {
    if (typeof entry !== "string") return;
    // Placed only when there is a problem: locating a field parses the YAML again, with positions.
    if (!index.articleIds.has(entry)) {
      const suggestion = didYouMean(entry, index.articleIds);
      diagnostics.push(diagnose("article/unknown-related", placeAt(["related", position]), { id: entry, ...(suggestion ? { suggestion } : {}) }));
      return;
    }
    const held = index.unpublished.get(entry);
    if (held) diagnostics.push(diagnose("article/related-not-published", placeAt(["related", position]), { id: entry, ...unpublishedParams(held, index.timeZone) }));
  });
  return diagnostics;
}

export function unpublishedParams(held: Unpublished, timeZone: string | undefined): { isDraft: boolean; publishAt?: string } {
  return held.isDraft ? { isDraft: true } : { isDraft: false, publishAt: messageDate(held.publishAt, timeZone) };
}
