import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import type { SiteLink } from "../markdown/remark-link-policy.ts";
import type { RelatedCardTarget, UnpublishedTarget } from "../markdown/remark-related-card.ts";
import { renderBodies, type RenderBodiesOptions } from "../markdown/render-bodies.ts";
import type { StandalonePage } from "../content/model.ts";
import { RESERVED_PAGE_IDS, type PageFrontmatter } from "../content/page-schema.ts";
import type { ReadFile } from "../content/read-files.ts";
import { routes } from "../content/routes.ts";

export interface PageContext {
  isPreview: boolean;
  renderOptions: Omit<RenderBodiesOptions, "articles">;
  cardTargets: ReadonlyMap<string, RelatedCardTarget>;
  unpublishedCards: ReadonlyMap<string, UnpublishedTarget>;
  /** Where problems go. */
  diagnostics: Diagnostic[];
}

/**
 * Standalone pages (content/pages/<id>.md, published at /<id>/): bodies
 * rendered like articles', a draft shown in previews only, and an id the
 * site's own addresses use refused.
 */
export async function buildPages(files: readonly ReadFile<PageFrontmatter>[], context: PageContext): Promise<(StandalonePage & { siteLinks: SiteLink[] })[]> {
  const { diagnostics } = context;
  const readable = files.filter((read) => read.parsed);
  for (const read of readable) {
    if (RESERVED_PAGE_IDS.has(read.file.id)) diagnostics.push(diagnose("page/reserved-id", { file: read.file.sourcePath, line: 0, column: 0 }, { id: read.file.id }));
  }
  const rendered = await renderBodies(
    readable.map((read) => ({ body: read.parsed!.body, path: read.file.sourcePath, bodyLineOffset: read.parsed!.bodyLineOffset })),
    { ...context.renderOptions, articles: context.cardTargets, unpublished: context.unpublishedCards },
  );
  const pages: (StandalonePage & { siteLinks: SiteLink[] })[] = [];
  for (const [index, read] of readable.entries()) {
    const body = rendered.bodies[index]!;
    diagnostics.push(...body.diagnostics);
    const { data, file } = read;
    if (!data || (data.draft && !context.isPreview) || RESERVED_PAGE_IDS.has(file.id)) continue;
    pages.push({
      id: file.id,
      url: routes.page(file.id),
      sourcePath: file.sourcePath,
      title: data.title,
      ...(data.description ? { description: data.description } : {}),
      ...(data.updated ? { updatedAt: data.updated } : {}),
      isDraft: data.draft,
      aliases: data.aliases,
      bodyHtml: body.readHtml?.() ?? body.html,
      siteLinks: body.dependencies.siteLinks,
    });
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}
