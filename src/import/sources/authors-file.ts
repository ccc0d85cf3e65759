import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import type { SourceAuthor } from "../model.ts";

/**
 * Author names kept outside the posts (--authors, or a site's data file):
 * CSV with an id column and a name (name, full_name, display_name, or
 * first_name and last_name), or YAML/JSON as a map of id -> name or
 * { name, bio }, or a list of { id, name }.
 */
export function readAuthorsFile(file: string): Map<string, SourceAuthor> {
  const text = readFileSync(file, "utf8");
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return authorsFromRows(parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[]);
  return authorsFromData(extension === ".json" ? JSON.parse(text) : parseYaml(text));
}

/** Authors from parsed YAML or JSON data, in any of the usual shapes. */
export function authorsFromData(data: unknown): Map<string, SourceAuthor> {
  if (Array.isArray(data)) return authorsFromRows(data.filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null));
  const authors = new Map<string, SourceAuthor>();
  if (typeof data !== "object" || data === null) return authors;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string") authors.set(key, { key, name: value });
    else if (typeof value === "object" && value !== null) authors.set(key, authorFromRow(key, value as Record<string, unknown>));
  }
  return authors;
}

function authorsFromRows(rows: readonly Record<string, unknown>[]): Map<string, SourceAuthor> {
  const authors = new Map<string, SourceAuthor>();
  for (const row of rows) {
    const key = text(row.id) ?? text(row.key) ?? text(row.slug) ?? text(row.login) ?? text(row.username) ?? text(row.name);
    if (key) authors.set(key, authorFromRow(key, row));
  }
  return authors;
}

function authorFromRow(key: string, row: Record<string, unknown>): SourceAuthor {
  const name = text(row.full_name) ?? text(row.display_name) ?? text(row.name) ?? text(row.title) ?? ([text(row.first_name), text(row.last_name)].filter(Boolean).join(" ") || undefined);
  const bio = text(row.bio) ?? text(row.description);
  const isDesk = row.type === "desk";
  return { key, ...(name ? { name } : {}), ...(bio ? { bio } : {}), ...(isDesk ? { isDesk } : {}) };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
