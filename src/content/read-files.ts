import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { createHash } from "node:crypto";
import type { FileStamps } from "../util/file-stamp.ts";
import type { ContentFile } from "./discover-files.ts";
import { parseFrontmatterFiles, type FrontmatterCache, type ParsedFrontmatter } from "./frontmatter.ts";
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
}

/**
 * Reads, parses and validates files. With a memo, a file unchanged since the
 * last load (the same stamp, or not saved since, when a watcher reports
 * saves) keeps that load's outcome: the same object, the same problems.
 */
export function readContentFiles<S extends z.ZodType>(files: readonly ContentFile[], schema: S, options: ReadOptions): ReadFile<z.output<S>>[] {
  const { memo } = options;
  const outcomes = new Array<ReadFile<z.output<S>>>(files.length);
  const stamps = new Array<string>(files.length);
  const hashes = new Array<string | undefined>(files.length);
  const toParse: { index: number; text: string }[] = [];
  for (const [index, file] of files.entries()) {
    const remembered = memo?.previous.get(file.absolutePath) as MemoFile<ReadFile<z.output<S>>> | undefined;
    const stamp = memo && !memo.watched ? (memo.stamps.of(file.absolutePath) ?? "") : "";
    stamps[index] = stamp;
    hashes[index] = remembered?.hash;
    if (remembered && (memo!.watched ? !memo!.saved.has(file.absolutePath) : remembered.stamp === stamp)) {
      outcomes[index] = remembered.outcome;
      continue;
    }
    const source = readSourceText(file.absolutePath);
    if (source.ok) {
      // Checked by stamp first, then by text, as git's index is.
      const hash = memo ? textHash(source.text) : undefined;
      hashes[index] = hash;
      if (remembered && hash === remembered.hash) outcomes[index] = remembered.outcome;
      else toParse.push({ index, text: source.text });
    } else {
      const place = source.problem === "not-utf8" ? { file: file.sourcePath, line: source.line, column: source.column } : { file: file.sourcePath, line: 0, column: 0 };
      const diagnostic = source.problem === "not-utf8" ? diagnose("file/not-utf8", place, { offset: source.offset }) : diagnose("file/unreadable", place, { reason: source.reason });
      outcomes[index] = { file, diagnostics: [diagnostic] };
    }
  }
  const parsed = parseFrontmatterFiles(
    toParse.map(({ text }) => text),
    { ...(options.cache ? { cache: options.cache } : {}), ...(options.beforeSplitting ? { beforeSplitting: options.beforeSplitting } : {}) },
  );
  for (const [position, { index }] of toParse.entries()) {
    outcomes[index] = validated(files[index]!, parsed[position]!, schema, options.timeZone);
  }
  for (const [index, outcome] of outcomes.entries()) {
    const hash = hashes[index];
    memo?.next.set(files[index]!.absolutePath, { stamp: stamps[index]!, ...(hash ? { hash } : {}), outcome });
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
