import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { slugify } from "../format/slug.ts";
import { isInside } from "../util/paths.ts";
import { KEBAB_ID } from "./fields.ts";

/** A Markdown file of the content folder: an article, an author or desk, or a standalone page. */
export interface ContentFile {
  /** The file name without its extension: what other files use to refer to it. */
  id: string;
  /** Where it was found (inside the content folder, even when it is a link). */
  absolutePath: string;
  /** Relative to the project root, with "/": how diagnostics and articles name it. */
  sourcePath: string;
}

export interface DiscoveredFolder {
  files: ContentFile[];
  diagnostics: Diagnostic[];
}

/** Markdown file extensions, in any case (`.md`, `.MD`, `.markdown`). */
const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Lists the Markdown files of one content folder, in its subfolders too
 * (large archives are kept by year), sorted by path. Nothing is skipped
 * without a word: a file that is not Markdown is a warning; a name that is
 * not an id, two files with one id (an id is the file name, whatever the
 * folder) and a link that leads outside the content folder are errors.
 * Hidden files (".DS_Store", ".gitkeep") are not content and are left alone.
 */
export function discoverFolder(rootDir: string, contentDir: string, folder: string, options: { recursive: boolean }): DiscoveredFolder {
  const diagnostics: Diagnostic[] = [];
  const found: ContentFile[] = [];
  const contentReal = realOrSelf(contentDir);
  const sourcePathOf = (file: string) => path.relative(rootDir, file).split(path.sep).join("/");
  const visitedDirs = new Set<string>();

  const walk = (dir: string) => {
    const real = realOrSelf(dir);
    if (visitedDirs.has(real)) return; // a link back up the tree
    visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const absolutePath = path.join(dir, entry.name);
      const place = { file: sourcePathOf(absolutePath), line: 0, column: 0 };
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = realOrUndefined(absolutePath);
        if (!target) {
          // A link to nothing is reported, never passed over.
          diagnostics.push(diagnose("file/unreadable", place, { reason: "it is a link to a file that does not exist" }));
          continue;
        }
        if (!isInside(contentReal, target)) {
          diagnostics.push(diagnose("file/outside-content", place, { target }));
          continue;
        }
        isDirectory = statSync(target).isDirectory();
      }
      if (isDirectory) {
        if (options.recursive) walk(absolutePath);
        else diagnostics.push(diagnose("file/not-markdown", place, { folder: `content/${folder}` }));
        continue;
      }
      if (!MARKDOWN.test(entry.name)) {
        diagnostics.push(diagnose("file/not-markdown", place, { folder: `content/${folder}` }));
        continue;
      }
      const id = entry.name.replace(MARKDOWN, "");
      if (!KEBAB_ID.test(id)) {
        diagnostics.push(diagnose("file/invalid-name", place, { name: entry.name, suggestion: `${slugify(id) || "a-name"}${path.extname(entry.name).toLowerCase()}` }));
        continue;
      }
      found.push({ id, absolutePath, sourcePath: place.file });
    }
  };
  const root = path.join(contentDir, folder);
  const rootReal = realOrUndefined(root);
  if (rootReal && !isInside(contentReal, rootReal)) {
    diagnostics.push(diagnose("file/outside-content", { file: sourcePathOf(root), line: 0, column: 0 }, { target: rootReal }));
  } else {
    walk(root);
  }

  const files: ContentFile[] = [];
  const owners = new Map<string, ContentFile>();
  for (const file of found.sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))) {
    const owner = owners.get(file.id);
    if (owner) {
      diagnostics.push(diagnose("file/duplicate-id", { file: file.sourcePath, line: 0, column: 0 }, { id: file.id, other: owner.sourcePath }));
      continue;
    }
    owners.set(file.id, file);
    files.push(file);
  }
  return { files, diagnostics };
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function realOrSelf(file: string): string {
  return realOrUndefined(file) ?? path.resolve(file);
}
