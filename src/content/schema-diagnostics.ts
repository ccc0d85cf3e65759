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

/** Keys allowed at `path` of a zod object schema, for "did you mean" on unknown keys. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    // Unwrap optional/default/pipe/array wrappers until an object shape appears.
    for (let depth = 0; depth < 8; depth++) {
      const def = (current as { def?: Record<string, unknown> }).def;
      if (!def) return [];
      if (def.shape) break;
      current = def.innerType ?? def.in ?? def.element ?? def.schema;
    }
    const shape = (current as { def: { shape?: Record<string, unknown> } }).def.shape;
    if (!shape) return [];
    if (segment === null) return Object.keys(shape);
    if (typeof segment === "number") continue;
    current = shape[segment as string];
    if (!current) return [];
  }
  return [];
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
    const isMissing = valueAt(yaml.data, path) === undefined && issue.code === "invalid_type";
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
