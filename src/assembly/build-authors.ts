import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { AUTHOR_PHOTO_WIDTH } from "../images/image-options.ts";
import { bodyImageProblems } from "../images/image-problems.ts";
import { renderBodies, type RenderBodiesOptions } from "../markdown/render-bodies.ts";
import type { AuthorFrontmatter } from "../content/author-schema.ts";
import { imageProblem, type ContentImages } from "./content-images.ts";
import type { Author, ContentSiteLink } from "../content/model.ts";
import type { ReadFile } from "../content/read-files.ts";
import { routes } from "../content/routes.ts";

export interface BuiltAuthors {
  byId: Map<string, Author>;
  /** Links of the bios to the site's own pages. */
  siteLinks: ContentSiteLink[];
}

export interface AuthorContext {
  images: ContentImages;
  renderOptions: Omit<RenderBodiesOptions, "articles">;
  /** Where problems go. */
  diagnostics: Diagnostic[];
}

/**
 * Authors and desks from their files: the bio rendered (for every file, its
 * frontmatter valid or not, so that all of its problems show in one run), the
 * photo checked and planned. A file with problems gives no author; articles
 * naming it are not told it is unknown (see article-references.ts).
 */
export async function buildAuthors(files: readonly ReadFile<AuthorFrontmatter>[], context: AuthorContext): Promise<BuiltAuthors> {
  const { images, diagnostics } = context;
  const readable = files.filter((read) => read.parsed);
  const bios = await renderBodies(
    readable.map((read) => ({ body: read.parsed!.body, path: read.file.sourcePath, bodyLineOffset: read.parsed!.bodyLineOffset })),
    { ...context.renderOptions, articles: new Map() },
  );
  const byId = new Map<string, Author>();
  const siteLinks: ContentSiteLink[] = [];
  for (const [index, read] of readable.entries()) {
    const bio = bios.bodies[index]!;
    diagnostics.push(...bio.diagnostics);
    siteLinks.push(...bio.dependencies.siteLinks.map((link) => ({ file: read.file.sourcePath, ...link })));
    const { data, file } = read;
    if (!data) continue;
    const author: Author = {
      id: file.id,
      name: data.name,
      isDesk: data.type === "desk",
      ...(data.role ? { role: data.role } : {}),
      bioHtml: bio.readHtml?.() ?? bio.html,
      url: routes.author(file.id),
      sourcePath: file.sourcePath,
      aliases: data.aliases,
    };
    if (data.photo) {
      const place = () => ({ file: file.sourcePath, ...read.parsed!.locate(["photo", "src"]) });
      const photo = await images.inspect(file.absolutePath, data.photo.src);
      if (photo.ok) {
        const plan = images.pipeline.rendition(photo.source, { widths: [AUTHOR_PHOTO_WIDTH], formats: ["jpeg"] });
        author.photo = { url: plan.sources[0]!.candidates[0]!.url, width: plan.width, height: plan.height, alt: data.photo.alt };
        images.use(`${file.sourcePath}:photo`, { source: photo.source, written: data.photo.src, place, ruleId: "author/photo-damaged", problems: bodyImageProblems(photo.source, data.photo.src) });
      } else {
        diagnostics.push(imageProblem("photo", photo.kind, place(), { reason: photo.problem, hint: photo.hint }));
      }
    }
    byId.set(file.id, author);
  }
  return { byId, siteLinks };
}
