/**
 * What the warm-rebuild measurement needs: an editor's one-article edit that
 * can be undone, and a byte-for-byte comparison of two built sites.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The article the edit goes to: the middle one by name. */
export function articleToEdit(corpusDir: string): string {
  const articlesDir = path.join(corpusDir, "content", "articles");
  const names = readdirSync(articlesDir).filter((name) => name.endsWith(".md")).sort();
  return path.join(articlesDir, names[Math.floor(names.length / 2)]!);
}

/** Appends a paragraph to one article in the middle of the corpus; returns what undoes it. */
export function editOneArticle(corpusDir: string): { file: string; undo: () => void } {
  const file = articleToEdit(corpusDir);
  const original = readFileSync(file, "utf8");
  writeFileSync(file, `${original.trimEnd()}\n\nUpdate: the council confirmed the figures on Friday evening.\n`);
  return { file, undo: () => writeFileSync(file, original) };
}

function listFiles(root: string, dir = root, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, absolute, found);
    else found.push(path.relative(root, absolute));
  }
  return found;
}

/** Paths (relative) that exist in only one site or differ in content; empty when the sites are identical. */
export function differingFiles(siteA: string, siteB: string): string[] {
  const filesA = listFiles(siteA).sort();
  const filesB = new Set(listFiles(siteB));
  const differing = filesA.filter((file) => !filesB.has(file) || !readFileSync(path.join(siteA, file)).equals(readFileSync(path.join(siteB, file))));
  const inA = new Set(filesA);
  for (const file of filesB) if (!inA.has(file)) differing.push(file);
  return differing;
}
