import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { isoInZone } from "../format/dates.ts";
import type { FieldRuleIssue } from "./article-schema.ts";
import type { NoOffsetIssue } from "./fields.ts";
import type { YamlSource } from "./yaml-source.ts";

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === "number" ? `[${segment}]` : String(segment))).join(".").replace(/\.\[/g, "[");
}

type SchemaDef = { shape?: Record<string, unknown>; options?: unknown[]; element?: unknown; innerType?: unknown; in?: unknown; schema?: unknown };

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { def?: SchemaDef } | undefined)?.def;
}

/**
 * What `pick` finds in a schema, looking through optional/default/pipe
 * wrappers and into every option of a union.
 */
function findInSchema<T>(schema: unknown, pick: (def: SchemaDef) => T | undefined, depth = 0): T[] {
  const def = defOf(schema);
  if (!def || depth > 10) return [];
  const found = pick(def);
  if (found !== undefined) return [found];
  if (def.options) return def.options.flatMap((option) => findInSchema(option, pick, depth + 1));
  const inner = def.innerType ?? def.in ?? def.schema;
  return inner ? findInSchema(inner, pick, depth + 1) : [];
}

/** The object shapes a schema can be. */
const objectShapes = (schema: unknown) => findInSchema(schema, (def) => def.shape);
/** The element schemas of the arrays a schema can be. */
const arrayElements = (schema: unknown) => findInSchema(schema, (def) => def.element);

/** Keys allowed at `path` of a zod schema, for "did you mean" on unknown keys. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let candidates: unknown[] = [schema];
  for (const segment of path) {
    candidates =
      typeof segment === "number"
        ? candidates.flatMap((candidate) => arrayElements(candidate))
        : candidates.flatMap((candidate) => objectShapes(candidate).map((shape) => shape[segment as string]).filter(Boolean));
  }
  return [...new Set(candidates.flatMap((candidate) => objectShapes(candidate).flatMap(Object.keys)))];
}

/** How a date is shown in messages: in the site's zone when it is known, else as written in UTC. */
export function messageDate(date: Date, timeZone: string | undefined): string {
  return timeZone ? `${isoInZone(date, timeZone).replace("T", " ").slice(0, 16)} ${timeZone}` : date.toISOString();
}

/** A local wall time in `timeZone` as an instant with its offset: "2026-11-26T08:15:00+00:00". */
export function localTimeInZone(local: NoOffsetIssue["local"], timeZone: string): string {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const offsetOf = (ms: number) => {
    const offset = isoInZone(new Date(ms), timeZone).slice(19);
    return (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  };
  // The offset at the wall time read as UTC, then at the instant that gives: right except within a DST change.
  const instant = wall - offsetOf(wall - offsetOf(wall));
  return isoInZone(new Date(instant), timeZone);
}

export interface SchemaSource {
  file: string;
  yaml: YamlSource;
  schema: z.ZodType;
  /** The site's time zone, for dates in messages and fixes; absent while the site settings are broken. */
  timeZone?: string;
}

/**
 * Turns zod issues into editor-facing diagnostics placed at the YAML node they
 * concern: one per issue, every issue reported.
 */
export function schemaDiagnostics(error: z.ZodError, source: SchemaSource): Diagnostic[] {
  const { file, yaml, schema } = source;
  const diagnostics: Diagnostic[] = [];
  for (const issue of expandUnions(error.issues, yaml.data)) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const place = { file, ...yaml.locate([...path, key], { key: true }) };
        diagnostics.push(diagnose("frontmatter/unknown-key", place, { key: dotted([...path, key]), known, ...suggestion(key, known) }));
      }
      continue;
    }
    const place = { file, ...yaml.locate(path) };
    const params = (issue as { params?: unknown }).params as NoOffsetIssue | { kind: "unknown-time-zone" } | undefined;
    if (params?.kind === "unknown-time-zone") {
      const value = String(valueAt(yaml.data, path));
      const hint = didYouMean(value, timeZoneNames());
      diagnostics.push(diagnose("site/unknown-time-zone", place, { value, ...(hint ? { suggestion: hint } : {}) }));
      continue;
    }
    if (params?.kind === "no-offset") {
      const fixed = source.timeZone ? localTimeInZone(params.local, source.timeZone) : undefined;
      diagnostics.push(diagnose("frontmatter/date-without-offset", place, { key: dotted(path), value: params.value, ...(fixed ? { fixed, timeZone: source.timeZone } : {}) }));
      continue;
    }
    // A required key left out: zod's own check.
    const isMissing = valueAt(yaml.data, path) === undefined && (issue.code === "invalid_type" || issue.code === "custom");
    diagnostics.push(
      isMissing
        ? diagnose("frontmatter/missing-field", place, { key: dotted(path), expected: issue.message })
        : diagnose("frontmatter/invalid-value", place, { reason: issue.message }),
    );
  }
  return diagnostics;
}

/** The rules across an article's fields (see `articleFieldRules`), placed and worded. */
export function fieldRuleDiagnostics(issues: readonly FieldRuleIssue[], source: Omit<SchemaSource, "schema">): Diagnostic[] {
  return issues.map((issue) => {
    const place = { file: source.file, ...source.yaml.locate(issue.path) };
    if (issue.rule === "missing-dek") return diagnose("frontmatter/missing-field", place, { key: "dek", expected: "dek: the one-sentence standfirst (a draft may leave it out while it is being written)" });
    const earlier = messageDate(issue.dates!.earlier, source.timeZone);
    const later = messageDate(issue.dates!.later, source.timeZone);
    return issue.rule === "updated-before-date"
      ? diagnose("frontmatter/updated-before-date", place, { updated: earlier, date: later })
      : diagnose("frontmatter/correction-before-date", place, { correction: earlier, date: later });
  });
}

type Issue = z.ZodError["issues"][number];

/**
 * An object that fits none of a union's shapes ({ label, tagg } for a link
 * that is a label with a tag, a page or a url) is reported as the shape it
 * is closest to: a misspelt key gets its "did you mean". A value that is not
 * an object keeps the union's own message.
 */
function expandUnions(issues: readonly Issue[], data: unknown): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== "invalid_union") return [issue];
    const value = valueAt(data, issue.path);
    const options = (issue as { errors?: Issue[][] }).errors ?? [];
    if (value === null || typeof value !== "object" || Array.isArray(value) || options.length === 0) return [issue];
    const closest = options.reduce((best, option) => (option.length < best.length ? option : best));
    return expandUnions(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue), data);
  });
}

let zones: string[] | undefined;
function timeZoneNames(): string[] {
  return (zones ??= Intl.supportedValuesOf("timeZone"));
}

function suggestion(word: string, candidates: readonly string[]): { suggestion?: string } {
  const hint = didYouMean(word, candidates);
  return hint ? { suggestion: hint } : {};
}
