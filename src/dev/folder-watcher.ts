import { existsSync, lstatSync, readdirSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

interface WatchedFolder {
  ino: number;
  watcher: FSWatcher;
}

export interface FolderWatcherOptions {
  /** Called with the paths that changed in one burst: absolute, sorted, each once. */
  onChange: (paths: string[]) => void;
  /** Quiet time that ends a burst (an editor's save is several events: write, rename, touch). Default 30 ms. */
  settleMs?: number;
  /** Entries never reported nor descended into, by name (default: editors' scratch files, see isEditorScratchFile). */
  ignores?: (name: string) => boolean;
}

/**
 * Vim's swap files and write test (`.x.md.swp`, `4913`), Emacs' lock and
 * auto-save files (`.#x.md`, `#x.md#`) and backups (`x.md~`): written while an
 * editor types, never content.
 */
export function isEditorScratchFile(name: string): boolean {
  return /^\..*\.sw[a-p]$/.test(name) || name === "4913" || name.startsWith(".#") || /^#.*#$/.test(name) || name.endsWith("~");
}

/**
 * Watches a folder and every folder below it, and reports what changed in
 * settled bursts.
 *
 * One non-recursive `fs.watch` per folder: inotify (and FSEvents, kqueue) on
 * a folder report its entries by name, so a file replaced by a rename (`sed
 * -i`, vim, JetBrains' safe write, `git checkout`) is reported every time.
 * Node 20's `recursive: true` on Linux watches the files themselves, and loses
 * a file at its first replacement, silently.
 *
 * Every folder is watched when the constructor returns. A folder created later
 * is watched as soon as its parent reports it, and its files are reported
 * then (they may have been written before its watcher existed); a folder
 * deleted or moved away is dropped with everything below it. Symbolic links
 * are reported but not followed.
 */
export class FolderWatcher {
  /** By folder path; the inode tells a folder deleted and created again under the same name from the one watched. */
  readonly #watchers = new Map<string, WatchedFolder>();
  readonly #pending = new Set<string>();
  readonly #onChange: (paths: string[]) => void;
  readonly #settleMs: number;
  readonly #ignores: (name: string) => boolean;
  #settle: NodeJS.Timeout | undefined;
  #closed = false;
  readonly root: string;

  constructor(root: string, options: FolderWatcherOptions) {
    this.#onChange = options.onChange;
    this.#settleMs = options.settleMs ?? 30;
    this.#ignores = options.ignores ?? isEditorScratchFile;
    this.root = path.resolve(root);
    this.#watchTree(this.root, false);
  }

  /** The folders watched now, sorted (for tests and messages). */
  get folders(): string[] {
    return [...this.#watchers.keys()].sort();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#settle);
    for (const { watcher } of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    this.#pending.clear();
  }

  /** Watches `dir` and the folders below it; `reportFiles` reports what they hold (a folder that appeared while watching). */
  #watchTree(dir: string, reportFiles: boolean): void {
    if (!this.#watchFolder(dir)) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone again: its parent reports that
    }
    for (const entry of entries) {
      if (this.#ignores(entry.name)) continue;
      const entryPath = path.join(dir, entry.name);
      if (entry.isDirectory()) this.#watchTree(entryPath, reportFiles);
      else if (reportFiles) this.#pending.add(entryPath);
    }
  }

  /** Starts one folder's watcher; false when it is watched already or cannot be (gone again). */
  #watchFolder(dir: string): boolean {
    let folder: WatchedFolder;
    try {
      const ino = lstatSync(dir).ino;
      const watched = this.#watchers.get(dir);
      if (watched?.ino === ino) return false;
      if (watched) this.#forget(dir); // deleted and created again: the old watcher watches nothing
      folder = { ino, watcher: watch(dir, { persistent: true }, (_event, name) => this.#onEvent(folder, dir, name)) };
    } catch {
      return false;
    }
    // A watched folder deleted can end its watcher with an error (EPERM on some systems): drop it, never crash.
    folder.watcher.on("error", () => this.#watchers.get(dir) === folder && this.#forget(dir));
    this.#watchers.set(dir, folder);
    return true;
  }

  #onEvent(folder: WatchedFolder, dir: string, name: string | Buffer | null): void {
    // Late events of a watcher already dropped (its folder was deleted, or the watcher closed).
    if (this.#closed || this.#watchers.get(dir) !== folder) return;
    if (!existsSync(dir)) {
      // The folder itself was deleted or moved away (its parent reports it too).
      this.#forget(dir);
      this.#report(dir);
      return;
    }
    // Without a name (an overflowed event queue), the folder is what changed.
    const changed = name ? path.join(dir, name.toString()) : dir;
    if (name && this.#ignores(name.toString())) return;
    let isFolder = false;
    try {
      isFolder = lstatSync(changed).isDirectory();
    } catch {
      this.#forget(changed); // deleted or renamed away: what was below it is gone too
    }
    if (isFolder && changed !== dir) this.#watchTree(changed, true);
    this.#report(changed);
  }

  #report(changed: string): void {
    this.#pending.add(changed);
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => this.#flush(), this.#settleMs);
  }

  #flush(): void {
    if (this.#closed || this.#pending.size === 0) return;
    const paths = [...this.#pending].sort();
    this.#pending.clear();
    this.#onChange(paths);
  }

  /** Stops watching `dir` and every folder below it. */
  #forget(dir: string): void {
    const below = dir + path.sep;
    for (const [watched, { watcher }] of this.#watchers) {
      if (watched !== dir && !watched.startsWith(below)) continue;
      watcher.close();
      this.#watchers.delete(watched);
    }
  }
}
