import path from "node:path";
import matter from "gray-matter";
import { cacheKey, codeFingerprint, KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import { parseYaml, parseYamlQuickly, yamlSource, type ParsedYaml, type YamlSource } from "./yaml-source.ts";
import { cacheFolder } from "../cache/cache-folders.ts";
import { FRONTMATTER_CODE } from "../cache/code-fingerprints.ts";

export interface ParsedFrontmatter extends YamlSource {
  body: string;
  /** Body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
}

function countNewlines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** What parsing a file yields, as plain data: cached by the file's text. */
interface SplitFile {
  yaml: ParsedYaml | null;
  /** Where the YAML is in the (line-ending normalised) text: its places, if the parse kept none, are found from it. */
  yamlAt?: { start: number; end: number };
  /** Where the body starts in the (line-ending normalised) text. */
  bodyStart: number;
  /** The body, when it is not simply the text from bodyStart on. */
  body?: string;
  bodyLineOffset: number;
}


export function frontmatterCacheDir(rootDir: string): string {
  return cacheFolder(rootDir, "frontmatter");
}

/**
 * Parsed frontmatter by file text: parsing YAML is most of reading an
 * unchanged archive (about 0.6 ms a file with positions, a tenth of that
 * without), and most files are unchanged between builds.
 */
export class FrontmatterCache extends KeyedJsonCache<SplitFile> {
  key(source: string): string {
    return cacheKey(codeFingerprint(FRONTMATTER_CODE), source);
  }
}

/**
 * Splits frontmatter from body with gray-matter and parses the YAML; each
 * problem is reported at its real file line (positions are found when a
 * problem is first located, see `yamlSource`). With a cache, an unchanged
 * file is not parsed again.
 */
export function parseFrontmatter(rawSource: string, cache?: FrontmatterCache): ParsedFrontmatter {
  return parseFrontmatterFiles([rawSource], cache ? { cache } : {})[0]!;
}

/**
 * parseFrontmatter for many files. The cache is read first, and
 * `beforeSplitting` told how many files it does not hold (a cold archive's
 * load starts its render workers then, to boot while this thread parses).
 */
export function parseFrontmatterFiles(rawSources: readonly string[], options: FrontmatterFilesOptions): ParsedFrontmatter[] {
  return [...eachFrontmatterParsed(rawSources, options)];
}

export interface FrontmatterFilesOptions {
  cache?: FrontmatterCache;
  beforeSplitting?: (misses: number) => void;
}

/** parseFrontmatterFiles one file at a time, in order: a caller can check each as it comes, and say how far it is. */
export function* eachFrontmatterParsed(rawSources: readonly string[], { cache, beforeSplitting }: FrontmatterFilesOptions): Generator<ParsedFrontmatter> {
  const sources = rawSources.map(normalizeLineEndings);
  const keys = sources.map((source) => cache?.key(source));
  const splits = keys.map((key) => (key === undefined ? undefined : cache?.read(key)));
  beforeSplitting?.(splits.filter((split) => !split).length);
  for (const [index, source] of sources.entries()) {
    let split = splits[index];
    if (!split) {
      split = splitFile(source);
      const key = keys[index];
      if (key !== undefined && survivesJson(split)) cache?.write(key, split);
    }
    yield parsedFrom(source, split);
  }
}

/** Files saved on Windows: line positions stay the same with "\n" alone. */
function normalizeLineEndings(rawSource: string): string {
  return rawSource.includes("\r") ? rawSource.replace(/\r\n?/g, "\n") : rawSource;
}

/**
 * Whether JSON (the cache's format) gives `value` back as it is: YAML's
 * .inf, .nan and -0 it would not. Walking the value costs a tenth of what
 * comparing it with a JSON round trip did.
 */
function survivesJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, "__proto__")) return false;
  return Object.values(value).every(survivesJson);
}

function parsedFrom(source: string, split: SplitFile): ParsedFrontmatter {
  const { yamlAt } = split;
  const findPlaces = yamlAt && (() => parseYaml(source.slice(yamlAt.start, yamlAt.end), countNewlines(source, yamlAt.start)).places);
  const yaml = split.yaml ? yamlSource(split.yaml, findPlaces) : undefined;
  return {
    data: yaml?.data ?? {},
    errors: yaml?.errors ?? [],
    locate: yaml?.locate ?? (() => ({ line: 1, column: 1 })),
    body: split.body ?? source.slice(split.bodyStart),
    bodyLineOffset: split.bodyLineOffset,
  };
}

function splitFile(source: string): SplitFile {
  let yamlText = "";
  // An options object is always passed: without one gray-matter caches every
  // file it has seen for the life of the process.
  const file = matter(source, {
    excerpt: false,
    engines: {
      yaml: (text: string) => {
        yamlText = text;
        return {};
      },
    },
  });
  const yamlStart = source.indexOf(yamlText);
  // Parsed quickly, without places, only where they can be found again from the text.
  const yaml = !yamlText ? null : yamlStart === -1 ? parseYaml(yamlText, 0) : parseYamlQuickly(yamlText, countNewlines(source, yamlStart));
  const yamlAt = yaml && !yaml.places ? { yamlAt: { start: yamlStart, end: yamlStart + yamlText.length } } : {};
  // gray-matter's content is the text after the closing fence (stored whole if it ever is not).
  const bodyStart = source.length - file.content.length;
  const isSuffix = source.endsWith(file.content);
  return { yaml, ...yamlAt, bodyStart, ...(isSuffix ? {} : { body: file.content }), bodyLineOffset: countNewlines(source, bodyStart) };
}
