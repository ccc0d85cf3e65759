import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { readSourceText } from "./read-source.ts";
import { yamlDiagnostic } from "./read-files.ts";
import { schemaDiagnostics } from "./schema-diagnostics.ts";
import { siteSchema, type SiteSettings } from "./site-schema.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

export interface LoadedSite {
  /** Present when the settings are valid. */
  site?: SiteSettings;
  /** The parsed YAML, for placing later problems (a navigation entry's tag) at their line. */
  yaml?: YamlSource;
  sourcePath: string;
  diagnostics: Diagnostic[];
}

/** `content/site.yaml`: read, parsed and validated; every problem reported. */
export function loadSite(rootDir: string, contentDir: string): LoadedSite {
  const file = path.join(contentDir, "site.yaml");
  const sourcePath = path.relative(rootDir, file).split(path.sep).join("/");
  const source = readSourceText(file);
  if (!source.ok) {
    const place = { file: sourcePath, line: 0, column: 0 };
    if (source.problem === "not-utf8") return { sourcePath, diagnostics: [diagnose("file/not-utf8", { ...place, line: source.line, column: source.column }, { offset: source.offset })] };
    return { sourcePath, diagnostics: [diagnose("site/missing", place, {})] };
  }
  const yaml = parseYamlSource(source.text);
  if (yaml.errors.length > 0) return { sourcePath, yaml, diagnostics: yaml.errors.map((error) => yamlDiagnostic(sourcePath, error)) };
  const result = siteSchema.safeParse(yaml.data);
  if (!result.success) return { sourcePath, yaml, diagnostics: schemaDiagnostics(result.error, { file: sourcePath, yaml, schema: siteSchema }) };
  return { site: result.data, yaml, sourcePath, diagnostics: [] };
}
