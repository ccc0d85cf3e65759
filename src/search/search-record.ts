import { createHash } from "node:crypto";

/**
 * What Pagefind indexes for one page of the site, built from the site model
 * instead of read from the rendered page: the arguments of Pagefind's
 * `addCustomRecord`.
 */
export interface SearchRecord {
  url: string;
  /** Lowercase, as Pagefind reads a page's `<html lang>`: the search page picks its index by it. */
  language: string;
  /** Pagefind's text of the page (see pagefind-text.ts). */
  content: string;
  /** What a result shows: title, date (ISO, UTC), image and image_alt. */
  meta: Record<string, string>;
  /** The search page's filters: author, tag. */
  filters: Record<string, string[]>;
  /** "Newest first" sorts by date. */
  sort: Record<string, string>;
}

/** One record as the search update takes it: known by its hash, built only if it must be indexed. */
export interface SearchRecordSource {
  url: string;
  /** Articles are sealed into archive bundles in time; standalone pages always stay in the live bundle. */
  kind: "article" | "page";
  /**
   * Stands for the record's content: a hash of everything the record is
   * built from, so equal hashes mean equal records, known without building
   * either (an article's body by its own hash, never read).
   */
  hash: string;
  record(): SearchRecord;
}

/** The hash of a record's inputs, as JSON (stable for plain data: keys are written in the order the builder gives them). */
export function inputsHash(inputs: unknown): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
}
