/**
 * What the incremental-build measurement needs: an editor's changes that
 * can be undone, and a byte-for-byte comparison of two built sites.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The article the edit goes to: the middle one by name. */
export function articleToEdit(corpusDir: string): string {
  const articlesDir = path.join(corpusDir, "content", "articles");
  const names = readdirSync(articlesDir).filter((name) => name.endsWith(".md")).sort();
  return path.join(articlesDir, names[Math.floor(names.length / 2)]!);
}

/**
 * An editor's day, step by step: nothing changed (a rebuild after a push
 * that touched no content), a paragraph added to one article's body, a
 * sharper dek on another, and a new story published a minute ago. `undo`
 * puts the corpus back as it was.
 */
export function editorsChanges(corpusDir: string): { steps: Record<string, () => void>; undo: () => void } {
  const articlesDir = path.join(corpusDir, "content", "articles");
  const names = readdirSync(articlesDir).filter((name) => name.endsWith(".md")).sort();
  const originals = new Map<string, string>();
  const change = (file: string, edit: (text: string) => string) => {
    const text = readFileSync(file, "utf8");
    if (!originals.has(file)) originals.set(file, text);
    writeFileSync(file, edit(text));
  };
  const newArticle = path.join(articlesDir, "zz-breaking-news-bench.md");
  return {
    steps: {
      unchanged: () => {},
      bodyEdit: () => change(articleToEdit(corpusDir), (text) => `${text.trimEnd()}\n\nUpdate: the council confirmed the figures on Friday evening.\n`),
      dekEdit: () => change(path.join(articlesDir, names[Math.floor(names.length / 3)]!), (text) => text.replace(/^dek: "(.*)"$/m, 'dek: "$1 (updated)"')),
      newArticle: () => writeFileSync(newArticle, breakingNews(readFileSync(path.join(articlesDir, names[names.length - 1]!), "utf8"))),
    },
    undo: () => {
      for (const [file, text] of originals) writeFileSync(file, text);
      rmSync(newArticle, { force: true });
    },
  };
}

/** A story published a minute ago, by the newest story's authors, under its tags and photo, with its body. */
function breakingNews(newest: string): string {
  const field = (name: string) => new RegExp(`^${name}: .*$`, "m").exec(newest)?.[0];
  const hero = /^hero:\n(?: {2}.*\n)+/m.exec(newest)?.[0] ?? "";
  const body = newest.slice(newest.indexOf("\n---\n", 4) + 5);
  const date = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, "Z");
  return ["---", 'title: "Breaking: ferry service suspended after harbour collision"', 'dek: "Crossings are cancelled until the harbour master inspects the quay."', field("authors"), `date: ${date}`, field("tags"), hero.trimEnd(), "---", body].filter((line) => line !== undefined).join("\n");
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

/** Appends a paragraph to one article in the middle of the corpus; returns what undoes it. */
export function editOneArticle(corpusDir: string): { file: string; undo: () => void } {
  const file = articleToEdit(corpusDir);
  const original = readFileSync(file, "utf8");
  writeFileSync(file, `${original.trimEnd()}\n\nUpdate: the council confirmed the figures on Friday evening.\n`);
  return { file, undo: () => writeFileSync(file, original) };
}
