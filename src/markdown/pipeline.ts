import type { Root } from "mdast";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { htmlHash } from "./html-hash.ts";
import { remarkHeadingLevels } from "./heading-levels.ts";
import { remarkRawHtml } from "./raw-html/remark-raw-html.ts";
import type { MediaResult, TrustedHosts } from "./raw-html/raw-elements.ts";
import { remarkHeadingIds } from "./remark-heading-ids.ts";
import { remarkLinkPolicy, type SiteLink } from "./remark-link-policy.ts";
import { remarkLocalImages, type LocalImagesOptions, type ResolvedLocalImage } from "./remark-local-images.ts";
import { remarkRelatedCard, type RelatedCardOptions, type RelatedCardTarget } from "./remark-related-card.ts";
import { remarkTableScroll } from "./remark-table-scroll.ts";
import { remarkUnknownDirectives } from "./remark-unknown-directives.ts";
import { remarkWordCount } from "./remark-word-count.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";
import { ALL_SYNTAX_KEY, hasLiteralCandidate, remarkSyntaxExtensions, syntaxKeyOf, withoutAutolinkLiterals } from "./syntax-extensions.ts";
import { isPageId } from "../format/page-ids.ts";

/**
 * What a body's rendering reads besides the body itself: plain data, sent to
 * the render workers and, less the folders, part of the render cache's key.
 */
export interface RenderSettings {
  /** The site's own origin ("https://herald.example.org"): links there are the site's own. */
  siteOrigin: string;
  /** Hosts whose iframes and images bodies may show (site.yaml trustedHosts). */
  trustedHosts: TrustedHosts;
  /** Old addresses of the site's pages (their `aliases`), normalised, and where each now is: links to them are rewritten. */
  aliases: Readonly<Record<string, string>>;
  /** Absolute project root and content folder: where audio and video files are looked up. */
  rootDir: string;
  contentDir: string;
}

export interface PipelineOptions extends RelatedCardOptions, LocalImagesOptions {
  settings: RenderSettings;
  /** Resolves an audio or video file a body's raw HTML names (relative to the body's file). */
  resolveMedia: (written: string, file: VFile) => MediaResult;
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
  /** Audio and video files, as they were resolved. */
  media: ResolvedMedia[];
  /** Links to pages of this site, checked against the pages the build writes. */
  siteLinks: SiteLink[];
}

export interface ResolvedMedia {
  written: string;
  result: MediaResult;
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
    /** The audio and video files the body's raw HTML named, as resolved. */
    media: ResolvedMedia[];
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
      dependencies: {
        relatedCards: file.data.relatedCards ?? {},
        localImages: file.data.localImages ?? [],
        media: file.data.media ?? [],
        siteLinks: file.data.siteLinks ?? [],
      },
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
  const { settings } = options;
  const resolveMedia: PipelineOptions["resolveMedia"] = (written, file) => {
    const result = options.resolveMedia(written, file);
    (file.data.media ??= []).push({ written, result });
    return result;
  };
  return unified()
    .use(remarkParse)
    .use(remarkSyntaxExtensions, syntaxKey)
    .use(parses("directive") ? [[remarkRelatedCard, { articles: options.articles, ...(options.unpublished ? { unpublished: options.unpublished } : {}) }], [remarkUnknownDirectives, { known: ["related"] }]] : [])
    .use(remarkHeadingIds, { isReserved: isPageId })
    .use(remarkLinkPolicy, { siteOrigin: settings.siteOrigin, trustedImageHosts: settings.trustedHosts.images, aliases: settings.aliases })
    .use(remarkLocalImages, { resolveImage: options.resolveImage })
    .use(remarkWordCount)
    .use(parses("table") ? [remarkTableScroll] : [])
    // Last: it turns the whole body into HTML when raw HTML is in it (and sets its heading levels there).
    .use(remarkRawHtml, { siteOrigin: settings.siteOrigin, trustedHosts: settings.trustedHosts, aliases: settings.aliases, resolveImage: options.resolveImage, resolveMedia })
    .use(remarkHeadingLevels)
    .use(remarkHtml, { sanitize: sanitizeSchema })
    .freeze();
}
