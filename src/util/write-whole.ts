import { renameSync, writeFileSync } from "node:fs";

/**
 * Writes `file` whole or not at all: the data goes to a temporary name
 * beside it (this process's own), renamed over the file, so that a reader or
 * a killed build never sees half of it. `flush`: on disk before the rename
 * (a journal that must survive a crash).
 */
export function writeFileWhole(file: string, data: string | NodeJS.ArrayBufferView, options: { flush?: boolean } = {}): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data, options.flush ? { flush: true } : {});
  renameSync(temporary, file);
}
