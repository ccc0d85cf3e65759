import { RULES, isRuleId } from "./messages.ts";

function ruleSummary(ruleId: string): string {
  return isRuleId(ruleId) ? RULES[ruleId].summary : "problems";
}

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
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
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

export interface ReportOptions {
  /** Only the diagnostics of this rule, every one of them (`npm run check -- --list <rule>`). */
  listRule?: string;
  /** Warnings past this many are summarised by rule, with the command that lists them (default 20). */
  warningsInFull?: number;
  /** How to list one rule's problems, for the summary's hint. */
  listCommand?: (ruleId: string) => string;
}

/**
 * Every error, one line each, then the warnings: in full when there are a
 * few, else one line per rule with its count and the command that lists
 * them (an archive's 263 missing alt texts are one line, not 263), then
 * "3 errors and 263 warnings in 120 files".
 */
export function formatReport(list: readonly Diagnostic[], options: ReportOptions = {}): string {
  const chosen = options.listRule ? list.filter((d) => d.ruleId === options.listRule) : list;
  const sorted = sortDiagnostics(chosen);
  const warnings = sorted.filter((d) => d.severity === "warning");
  const inFull = options.listRule !== undefined || warnings.length <= (options.warningsInFull ?? 20);
  const lines = sorted.filter((d) => inFull || d.severity === "error").map(formatDiagnostic);
  if (!inFull) lines.push(...summarizeByRule(warnings, options.listCommand ?? ((ruleId) => `npm run check -- --list ${ruleId}`)));
  return [...lines, summarizeDiagnostics(sorted)].join("\n");
}

/** One line per rule: "263 images without alt text [images/missing-alt]: npm run check -- --list images/missing-alt". */
function summarizeByRule(warnings: readonly Diagnostic[], listCommand: (ruleId: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning.ruleId, (counts.get(warning.ruleId) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([ruleId, count]) => `warning: ${count} ${ruleSummary(ruleId)} [${ruleId}]: ${listCommand(ruleId)}`);
}

/** Warnings made errors (`--strict`): for newsrooms that accept none. */
export function asErrors(list: readonly Diagnostic[]): Diagnostic[] {
  return list.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));
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
