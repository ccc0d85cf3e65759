import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { createHash } from "node:crypto";
import type { FileStamps } from "../util/file-stamp.ts";
import type { ContentFile } from "./discover-files.ts";
import { eachFrontmatterParsed, type FrontmatterCache, type ParsedFrontmatter } from "./frontmatter.ts";
import { readSourceText } from "./read-source.ts";
import { schemaDiagnostics } from "./schema-diagnostics.ts";
import type { YamlError } from "./yaml-source.ts";

/**
 * A content file as read: its frontmatter parsed, validated by its schema,
 * and every problem found. A file with problems still exists for the rest
 * (an article others link to is not "unknown" because its date is wrong),
 * and its body is still rendered, so that one run reports every problem.
 */
export interface ReadFile<T> {
  file: ContentFile;
  /** Absent when the file could not be read as UTF-8 text. */
  parsed?: ParsedFrontmatter;
  /** The frontmatter as the schema outputs it, when it passed. */
  data?: T;
  diagnostics: Diagnostic[];
}

/** A content file as one load left it: its parse and validation, and the problems they found. */
export interface MemoFile<T> {
  /** Modification time, size and inode: a file with the same stamp is taken as unchanged (unless `watched`). */
  stamp: string;
  /** A hash of its text: a file with another stamp but the same text (a fresh checkout, a save without a change) is unchanged too. */
  hash?: string;
  outcome: T;
}

export interface FileMemo {
  previous: Map<string, MemoFile<unknown>>;
  next: Map<string, MemoFile<unknown>>;
  /** A watcher reports saves: a file not in `saved` is unchanged, without looking at it. */
  watched: boolean;
  saved: ReadonlySet<string>;
  /** Files' stamps for this load. */
  stamps: FileStamps;
}

export interface ReadOptions {
  cache?: FrontmatterCache;
  /** Told how many files the frontmatter cache lacks, before they are parsed (a cold archive starts its render workers then). */
  beforeSplitting?: (misses: number) => void;
  /** The site's time zone, for dates in messages. */
  timeZone?: string;
  memo?: FileMemo;
  /** Told of each file as its text is read (or its last outcome kept without reading it). */
  onFileRead?: () => void;
  /** Told of files as their frontmatter is parsed and validated (or their last outcome kept). */
  onFileParsed?: (count: number) => void;
}

/**
 * Reads, parses and validates files. With a memo, a file unchanged since the
 * last load (the same stamp, or not saved since, when a watcher reports
 * saves) keeps that load's outcome: the same object, the same problems.
 */
export function readContentFiles<S extends z.ZodType>(files: readonly ContentFile[], schema: S, options: ReadOptions): ReadFile<z.output<S>>[] {
  return parseFileTexts(readFileTexts(files, options), schema, options);
}

/** Files' texts, read: the first half of `readContentFiles`, so that a load can read every folder before it parses any. */
export interface FileTexts {
  files: readonly ContentFile[];
  /** Each file's outcome when it is already known (kept from the memo, unreadable); the rest are parsed. */
  known: (ReadFile<unknown> | undefined)[];
  stamps: string[];
  hashes: (string | undefined)[];
  toParse: { index: number; text: string }[];
}

export function readFileTexts(files: readonly ContentFile[], options: ReadOptions): FileTexts {
  const { memo } = options;
  const texts: FileTexts = { files, known: new Array(files.length), stamps: new Array(files.length), hashes: new Array(files.length), toParse: [] };
  for (const [index, file] of files.entries()) {
    const remembered = memo?.previous.get(file.absolutePath);
    const stamp = memo && !memo.watched ? (memo.stamps.of(file.absolutePath) ?? "") : "";
    texts.stamps[index] = stamp;
    texts.hashes[index] = remembered?.hash;
    options.onFileRead?.();
    if (remembered && (memo!.watched ? !memo!.saved.has(file.absolutePath) : remembered.stamp === stamp)) {
      texts.known[index] = remembered.outcome as ReadFile<unknown>;
      continue;
    }
    const source = readSourceText(file.absolutePath);
    if (source.ok) {
      // Checked by stamp first, then by text, as git's index is.
      const hash = memo ? textHash(source.text) : undefined;
      texts.hashes[index] = hash;
      if (remembered && hash === remembered.hash) texts.known[index] = remembered.outcome as ReadFile<unknown>;
      else texts.toParse.push({ index, text: source.text });
    } else {
      const place = source.problem === "not-utf8" ? { file: file.sourcePath, line: source.line, column: source.column } : { file: file.sourcePath, line: 0, column: 0 };
      const diagnostic = source.problem === "not-utf8" ? diagnose("file/not-utf8", place, { offset: source.offset }) : diagnose("file/unreadable", place, { reason: source.reason });
      texts.known[index] = { file, diagnostics: [diagnostic] };
    }
  }
  return texts;
}

/** The second half of `readContentFiles`: the texts read parsed and validated by `schema`, every file's outcome remembered. */
export function parseFileTexts<S extends z.ZodType>(texts: FileTexts, schema: S, options: ReadOptions): ReadFile<z.output<S>>[] {
  const { files, toParse, stamps, hashes } = texts;
  const outcomes = texts.known as ReadFile<z.output<S>>[];
  if (toParse.length < files.length) options.onFileParsed?.(files.length - toParse.length);
  const parsed = eachFrontmatterParsed(
    toParse.map(({ text }) => text),
    { ...(options.cache ? { cache: options.cache } : {}), ...(options.beforeSplitting ? { beforeSplitting: options.beforeSplitting } : {}) },
  );
  let position = 0;
  for (const frontmatter of parsed) {
    const { index } = toParse[position++]!;
    outcomes[index] = validated(files[index]!, frontmatter, schema, options.timeZone);
    options.onFileParsed?.(1);
  }
  for (const [index, outcome] of outcomes.entries()) {
    const hash = hashes[index];
    options.memo?.next.set(files[index]!.absolutePath, { stamp: stamps[index]!, ...(hash ? { hash } : {}), outcome });
  }
  return outcomes;
}

function validated<S extends z.ZodType>(file: ContentFile, parsed: ParsedFrontmatter, schema: S, timeZone: string | undefined): ReadFile<z.output<S>> {
  if (parsed.errors.length > 0) return { file, parsed, diagnostics: parsed.errors.map((error) => yamlDiagnostic(file.sourcePath, error)) };
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    return { file, parsed, diagnostics: schemaDiagnostics(result.error, { file: file.sourcePath, yaml: parsed, schema, ...(timeZone ? { timeZone } : {}) }) };
  }
  return { file, parsed, data: result.data, diagnostics: [] };
}

export function yamlDiagnostic(sourcePath: string, error: YamlError): Diagnostic {
  const place = { file: sourcePath, ...error.place };
  return error.duplicateKey !== undefined ? diagnose("yaml/duplicate-key", place, { key: error.duplicateKey }) : diagnose("yaml/syntax", place, { reason: error.message });
}


function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}
