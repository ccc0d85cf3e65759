/**
 * One problem found in the content, in the shape every stage reports:
 * `content/articles/x.md:4:3 error: unknown author "jon-doe" (did you mean "john-doe"?) [author/unknown]`.
 * Stages return diagnostics instead of throwing, so one run shows every problem.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** How to fix it, in the editor's words. */
  hint?: string;
  ruleId: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const hint = d.hint ? ` (${d.hint})` : "";
  return `${place} ${d.severity}: ${d.message}${hint} [${d.ruleId}]`;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}

/** "3 errors in 2 files", "1 warning in 1 file", or "no problems". */
export function summarizeDiagnostics(list: readonly Diagnostic[]): string {
  const count = (severity: Severity) => list.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const errors = count("error");
  const warnings = count("warning");
  if (errors + warnings === 0) return "no problems";
  const files = new Set(list.map((d) => d.file)).size;
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""];
  return `${parts.filter(Boolean).join(" and ")} in ${plural(files, "file")}`;
}

export function formatReport(list: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(list);
  return [...sorted.map(formatDiagnostic), summarizeDiagnostics(sorted)].join("\n");
}

/** Thrown by the build when content has errors; carries the report, never a stack for editors. */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(formatReport(diagnostics));
    this.name = "ContentError";
    this.diagnostics = diagnostics;
  }
}
