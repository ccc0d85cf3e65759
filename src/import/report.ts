import type { SourceKind, SourcePlace } from "./model.ts";

/**
 * The kinds of warning an import gives, each with what a summary line calls
 * many of them. Kinds are permanent names: a newsroom may filter the report
 * file on them.
 */
export const WARNING_KINDS = {
  "unknown-shortcode": "shortcodes and template tags left as text",
  "dropped-html": "HTML elements left out (scripts, styles, forms, plugins)",
  "missing-media": "media files not found (references kept, so the build reports them too)",
  "remote-image": "images on other sites, kept as links",
  "remote-media": "audio and video on other sites, kept as links",
  "link-not-imported": "links to pages of the old site that were not imported",
  "image-over-pixel-limit": "images above the build's pixel limit",
  "embed-as-link": "embeds that are not video players, kept as links",
  "id-renamed": "posts renamed to keep ids unique",
  "date-in-site-zone": "dates without a time zone, read in the site's zone",
  "no-date": "posts without a date, dated by their file name",
  "author-without-name": "authors without a known name, named by their id",
  "no-author": "posts without an author, signed by the default desk",
  "title-from-slug": "posts without a title, titled by their slug",
  "dek-from-body": "posts without an excerpt, their dek taken from the first paragraph",
  "no-dek": "posts with neither an excerpt nor a first paragraph for a dek",
  "hero-too-small": "featured images too small to be a hero, left out",
  "unreadable-post": "posts whose file could not be read, not imported",
  "not-imported": "items that are not posts (pages, menus), not imported",
  "old-url-unknown": "posts whose old address could not be worked out",
  "file-kept": "files changed since the last import, left as they are",
  "images-without-alt": "images without alt text",
  "site-setting-guessed": "site settings the source did not give",
} as const;

export type WarningKind = keyof typeof WARNING_KINDS;

export interface ImportWarning extends SourcePlace {
  kind: WarningKind;
  message: string;
}

export interface ImportCounts {
  posts: number;
  drafts: number;
  scheduled: number;
  authors: number;
  tags: number;
  images: number;
  otherMedia: number;
  missingMedia: number;
}

/** The report file's shape (import-report.json): no times in it, so a second run writes the same bytes. */
export interface ImportReportFile {
  from: SourceKind;
  source: string;
  content: string;
  counts: ImportCounts;
  warningsByKind: Partial<Record<WarningKind, number>>;
  warnings: ImportWarning[];
}

/** Collects the warnings of one import, each at its place in the source. */
export class ImportReport {
  readonly warnings: ImportWarning[] = [];

  warn(kind: WarningKind, place: SourcePlace, message: string): void {
    this.warnings.push({ kind, file: place.file, line: place.line, message });
  }

  /** Warnings sorted by file, then line, then kind: the order of the report file. */
  sorted(): ImportWarning[] {
    return [...this.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message));
  }

  byKind(): Partial<Record<WarningKind, number>> {
    const counts: Partial<Record<WarningKind, number>> = {};
    for (const kind of Object.keys(WARNING_KINDS) as WarningKind[]) {
      const count = this.warnings.filter((warning) => warning.kind === kind).length;
      if (count > 0) counts[kind] = count;
    }
    return counts;
  }
}

/** The lines printed at the end of an import: counts, then warnings summarised by kind. */
export function formatSummary(file: ImportReportFile, reportPath: string | undefined): string {
  const { counts } = file;
  const lines = [
    `Imported ${counts.posts} posts (${counts.drafts} drafts, ${counts.scheduled} scheduled), ${counts.authors} authors, ${counts.tags} tags, ${counts.images} images${counts.otherMedia ? ` and ${counts.otherMedia} audio or video files` : ""} from ${file.source}.`,
  ];
  if (counts.missingMedia > 0) lines.push(`${counts.missingMedia} media files were not found: see the report.`);
  const kinds = Object.entries(file.warningsByKind) as [WarningKind, number][];
  if (kinds.length === 0) lines.push("No warnings.");
  else {
    lines.push(`${file.warnings.length} warnings:`);
    for (const [kind, count] of kinds) lines.push(`  ${String(count).padStart(5)}  ${WARNING_KINDS[kind]} [${kind}]`);
  }
  if (reportPath) lines.push(`Every warning, with its file and line: ${reportPath}`);
  return lines.join("\n");
}
