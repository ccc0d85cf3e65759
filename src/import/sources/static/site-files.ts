import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDataText } from "./front-matter.ts";

/** Markdown and HTML post files under a folder, sorted by path ("_index.md" and hidden files left out). */
export function listPostFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_index.")) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(md|markdown|html)$/i.test(entry.name)) files.push(file);
    }
  };
  walk(dir);
  return files;
}

/** The first of `dir/<name>.{yml,yaml,json,toml}` that exists and reads, parsed. */
export function readDataFile(dir: string, name: string): { data: unknown; file: string } | undefined {
  for (const extension of [".yml", ".yaml", ".json", ".toml"]) {
    const file = path.join(dir, name + extension);
    if (!existsSync(file)) continue;
    const data = parseDataText(readFileSync(file, "utf8"), extension);
    if (data !== undefined) return { data, file };
  }
  return undefined;
}

/** The first folder of `candidates` (relative to root) that exists. */
export function firstFolder(root: string, candidates: readonly string[]): string | undefined {
  return candidates.map((candidate) => path.join(root, candidate)).find((dir) => existsSync(dir) && statSync(dir).isDirectory());
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
