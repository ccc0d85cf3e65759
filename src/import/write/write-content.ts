import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import type { ImportReport } from "../report.ts";

export interface WriteOptions {
  isDryRun: boolean;
  /** Replace files that differ from what the import makes (an editor's changes are lost). */
  overwrite: boolean;
  report: ImportReport;
  /** The project root, for naming files in warnings. */
  rootDir: string;
}

export interface WriteTally {
  written: number;
  unchanged: number;
}

/**
 * Writes what an import made without touching what is already right: a file
 * with the same bytes is left alone (a second run writes nothing), and one
 * that differs (edited since the last import) is kept and reported, unless
 * `overwrite`.
 */
export class ContentWriter {
  readonly tally: WriteTally = { written: 0, unchanged: 0 };

  constructor(private readonly options: WriteOptions) {}

  writeText(file: string, text: string): void {
    this.write(file, Buffer.from(text, "utf8"), () => writeFileSync(file, text));
  }

  copyFile(file: string, source: string): void {
    const size = statSync(source).size;
    if (existsSync(file) && statSync(file).size === size && readFileSync(file).equals(readFileSync(source))) {
      this.tally.unchanged++;
      return;
    }
    this.write(file, undefined, () => copyFileSync(source, file));
  }

  private write(file: string, bytes: Buffer | undefined, save: () => void): void {
    if (existsSync(file)) {
      if (bytes && readFileSync(file).equals(bytes)) {
        this.tally.unchanged++;
        return;
      }
      if (!this.options.overwrite) {
        const shown = path.relative(this.options.rootDir, file).split(path.sep).join("/");
        this.options.report.warn("file-kept", { file: shown, line: 0 }, `${shown} differs from what the import makes: kept as it is (--overwrite replaces it)`);
        return;
      }
    }
    this.tally.written++;
    if (this.options.isDryRun) return;
    mkdirSync(path.dirname(file), { recursive: true });
    save();
  }
}
