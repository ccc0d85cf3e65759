import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
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

/**
 * Turns zod issues into editor-facing diagnostics placed at the YAML node they
 * concern: one per issue, every issue reported.
 */
export function schemaDiagnostics(
  error: z.ZodError,
  source: { file: string; yaml: YamlSource; schema: z.ZodType },
): Diagnostic[] {
  const { file, yaml, schema } = source;
  const diagnostics: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const place = yaml.locate([...path, key], { key: true });
        const hint = didYouMean(key, known) ?? `known keys are ${known.join(", ")}`;
        diagnostics.push({ file, ...place, severity: "error", message: `unknown key "${dotted([...path, key])}"`, hint, ruleId: "frontmatter/unknown-key" });
      }
      continue;
    }
    // A required key left out: zod's own check, or our rule that only drafts may omit it.
    const isMissing = valueAt(yaml.data, path) === undefined && (issue.code === "invalid_type" || issue.code === "custom");
    diagnostics.push({
      file,
      ...yaml.locate(path),
      severity: "error",
      message: isMissing ? `missing "${dotted(path)}"` : issue.message,
      ...(isMissing ? { hint: `add it: ${issue.message}` } : {}),
      ruleId: isMissing ? "frontmatter/missing-field" : "frontmatter/invalid-value",
    });
  }
  return diagnostics;
}
