import type { ImportReport } from "../report.ts";
import type { LinkRewriter } from "./link-rewriter.ts";
import type { MediaLibrary } from "./media-library.ts";

/** What converting one post's body needs: where it is, where media and links go, and where warnings go. */
export interface BodyContext {
  /** The source file, relative to the source root, for warnings. */
  file: string;
  /** Line of the body text -> line of the source file. */
  lineOf: (line: number) => number;
  report: ImportReport;
  media: MediaLibrary;
  links: LinkRewriter;
  /** The post's own folder, for media named relative to it. */
  mediaBase?: string;
  /** Hosts of the iframes kept: the site trusts them (site.yaml trustedHosts.iframes). */
  iframeHosts: Set<string>;
}

/** The place of a line of the body text, in the source file. */
export function placeAt(context: BodyContext, line: number | undefined): { file: string; line: number } {
  return { file: context.file, line: context.lineOf(line ?? 1) };
}
