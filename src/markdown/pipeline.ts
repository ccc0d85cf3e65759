import type { Root } from "mdast";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { htmlHash } from "./html-hash.ts";
import { remarkExternalLinks } from "./remark-external-links.ts";
import { remarkHeadingIds } from "./remark-heading-ids.ts";
import { remarkLocalImages, type LocalImagesOptions, type ResolvedLocalImage } from "./remark-local-images.ts";
import { remarkRelatedCard, type RelatedCardOptions, type RelatedCardTarget } from "./remark-related-card.ts";
import { remarkTableScroll } from "./remark-table-scroll.ts";
import { remarkUnknownDirectives } from "./remark-unknown-directives.ts";
import { remarkWordCount } from "./remark-word-count.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";
import { ALL_SYNTAX_KEY, hasLiteralCandidate, remarkSyntaxExtensions, syntaxKeyOf, withoutAutolinkLiterals } from "./syntax-extensions.ts";
import { isPageId } from "../format/page-ids.ts";

export interface PipelineOptions extends RelatedCardOptions, LocalImagesOptions {
  siteOrigin: string;
}

export interface RenderedMarkdown {
  html: string;
  /** `htmlHash(html)`: page keys hash this, not the body (see `Article.bodyHash`). */
  htmlHash: string;
  wordCount: number;
  diagnostics: Diagnostic[];
  /** What the HTML depends on besides the body itself (see render-cache.ts). */
  dependencies: RenderDependencies;
}

export interface RenderDependencies {
  /** Related-article cards shown, by id. */
  relatedCards: Record<string, RelatedCardTarget>;
  /** Local images, in document order, as they were resolved. */
  localImages: ResolvedLocalImage[];
}

export interface MarkdownSource {
  /** The body, without frontmatter. */
  body: string;
  /** Repository-relative path, used in diagnostics. */
  path: string;
  /** File line of the body's first line minus one. */
  bodyLineOffset: number;
}

declare module "vfile" {
  interface DataMap {
    /** Body line n is file line n + bodyLineOffset: for plugins and resolvers that report places. */
    bodyLineOffset: number;
  }
}

export type MarkdownRenderer = (source: MarkdownSource) => Promise<RenderedMarkdown>;


/**
 * remark-parse -> GFM and directives (remark-gfm's and remark-directive's
 * parts, as far as the body may use them: syntax-extensions.ts) -> our
 * plugins -> remark-html (sanitising with our schema). Processors are built
 * once per combination of syntax and reused.
 */
export function createMarkdownRenderer(options: PipelineOptions, { allSyntax = false } = {}): MarkdownRenderer {
  const processors = new Map<string, ReturnType<typeof createProcessor>>();
  const processorFor = (key: string) => {
    let processor = processors.get(key);
    if (!processor) processors.set(key, (processor = createProcessor(options, key)));
    return processor;
  };

  return async ({ body, path, bodyLineOffset }) => {
    const file = new VFile({ value: body, path, data: { bodyLineOffset } });
    // allSyntax: every body parsed with all syntax on, for the tests that hold the selection to it.
    const key = allSyntax ? ALL_SYNTAX_KEY : syntaxKeyOf(body);
    const processor = processorFor(key);
    const tree = allSyntax ? (processor.parse(file) as Root) : parseAsNeeded(key, file, processorFor);
    const html = String(processor.stringify((await processor.run(tree, file)) as Root, file));
    const diagnostics: Diagnostic[] = file.messages.map((message) => ({
      file: path,
      line: (message.line ?? 1) + bodyLineOffset,
      column: message.column ?? 1,
      severity: message.fatal ? "error" : "warning",
      message: message.reason,
      ...(message.note ? { hint: message.note } : {}),
      ruleId: `${message.source ?? "markdown"}/${message.ruleId ?? "problem"}`,
    }));
    return {
      html,
      htmlHash: htmlHash(html),
      wordCount: file.data.wordCount ?? 0,
      diagnostics,
      dependencies: { relatedCards: file.data.relatedCards ?? {}, localImages: file.data.localImages ?? [] },
    };
  };
}

/**
 * The body's tree: parsed without autolink literals first when `key` has
 * them, and with them only if the tree shows they could matter (see
 * `withoutAutolinkLiterals`); the same tree either way.
 */
export function parseAsNeeded(key: string, file: VFile, processorFor: (key: string) => { parse(file: VFile): unknown }): Root {
  const lean = withoutAutolinkLiterals(key);
  if (lean !== key) {
    const tree = processorFor(lean).parse(file) as Root;
    if (!hasLiteralCandidate(tree)) return tree;
  }
  return processorFor(key).parse(file) as Root;
}

function createProcessor(options: PipelineOptions, syntaxKey: string) {
  // Plugins that only act on syntax this processor does not parse are left out: nothing to visit.
  const parses = (syntax: string) => syntaxKey.split(" ").some((part) => part.startsWith(`${syntax}:`));
  return unified()
    .use(remarkParse)
    .use(remarkSyntaxExtensions, syntaxKey)
    .use(parses("directive") ? [[remarkRelatedCard, { articles: options.articles }], [remarkUnknownDirectives, { known: ["related"] }]] : [])
    .use(remarkHeadingIds, { isReserved: isPageId })
    .use(remarkExternalLinks, { siteOrigin: options.siteOrigin })
    .use(remarkLocalImages, { resolveImage: options.resolveImage })
    .use(remarkWordCount)
    .use(parses("table") ? [remarkTableScroll] : [])
    .use(remarkHtml, { sanitize: sanitizeSchema })
    .freeze();
}
