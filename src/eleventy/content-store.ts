import { asErrors, ContentError, formatReport, hasErrors } from "../diagnostics/diagnostic.ts";
import { checkSite } from "../check/check-site.ts";
import type { ContentMemo } from "../assembly/content-memo.ts";
import type { SiteModel } from "../collections/site-model.ts";

export interface NewsroomOptions {
  /** Project root; content and diagnostics paths are relative to it. */
  rootDir: string;
  /** Content folder relative to rootDir. */
  contentDir: string;
  /** Preview builds show drafts and "Edit" links. */
  isPreview: boolean;
  /** The build's "now", for what depends on it (the Google News sitemap's two days). */
  now?: () => Date;
  /** Seconds spent in each stage of the last build, for the benchmark ("content", "images", ...). */
  timings?: Map<string, number>;
  /** Kept between loads by the dev server: files and articles a save did not touch are not built again. */
  memo?: ContentMemo;
  /** Told of each file read and parsed, each body rendered, each article built and each page Eleventy writes (the build's progress lines). */
  onFileRead?: (total: number) => void;
  onFileParsed?: (total: number, count: number) => void;
  onBodyRendered?: (total: number) => void;
  onArticleBuilt?: (total: number) => void;
  onPageWritten?: () => void;
  /** Warnings fail the build too (`--strict`). */
  isStrict?: boolean;
  /** Where the warnings of a successful load are reported (default: stderr). */
  warn?: (report: string) => void;
}

/**
 * Holds the content of the current build. Reloaded before every Eleventy
 * build (and every dev-server rebuild); a build with content errors stops
 * here, before Eleventy writes anything.
 */
export class ContentStore {
  #model: SiteModel | undefined;
  #linkable: ReadonlySet<string> | undefined;
  constructor(readonly options: NewsroomOptions) {}

  async reload(): Promise<SiteModel> {
    const now = (this.options.now ?? (() => new Date()))();
    const checked = await checkSite({ ...this.options, now });
    const diagnostics = this.options.isStrict ? asErrors(checked.diagnostics) : checked.diagnostics;
    if (!checked.model || hasErrors(diagnostics)) throw new ContentError(diagnostics);
    if (diagnostics.length > 0) (this.options.warn ?? ((report) => console.warn(report)))(formatReport(diagnostics));
    this.#model = checked.model;
    this.#linkable = checked.linkable;
    return this.#model;
  }

  /** What the content of the last reload may link to (src/check/check-site.ts). */
  get linkable(): ReadonlySet<string> {
    if (!this.#linkable) throw new Error("internal error, please report: links asked for before the content was loaded");
    return this.#linkable;
  }

  /** Uses content loaded elsewhere (the build loads once, then renders in batches). */
  adopt(model: SiteModel): void {
    this.#model = model;
  }

  get model(): SiteModel {
    if (!this.#model) throw new Error("internal error, please report: content read before it was loaded");
    return this.#model;
  }
}
