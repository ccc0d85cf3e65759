import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";

/** What a file is written from: a text (UTF-8), bytes, or parts of either, written in order. */
export type WholeFileData = string | NodeJS.ArrayBufferView | Iterable<string | NodeJS.ArrayBufferView>;

/**
 * Writes `file` whole or not at all: the data goes to a temporary name
 * beside it (this process's own), renamed over the file, so that a reader or
 * a killed build never sees half of it. `flush`: on disk before the rename
 * (a journal that must survive a crash).
 *
 * A text is written as it is, not made into a Buffer first: V8 counts the
 * memory of every Buffer alive, and past 64 MB more than at its last full
 * collection it starts one. At 100,000 articles the build's last writes
 * (its state's 12 MB of inputs, a 22 MB plan index) did, and the process
 * then waited half a second at its exit for a collection it had no use for.
 * Large bytes can be given in parts (a generator) for the same reason.
 */
export function writeFileWhole(file: string, data: WholeFileData, options: { flush?: boolean } = {}): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    for (const part of typeof data === "string" || ArrayBuffer.isView(data) ? [data] : data) writePart(fd, part, temporary);
    if (options.flush) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
}

function writePart(fd: number, part: string | NodeJS.ArrayBufferView, file: string): void {
  if (typeof part === "string") {
    // One call: a text's bytes cannot be resumed from the middle, and a file takes them all (or the disk is full).
    const written = writeSync(fd, part, null, "utf8");
    const length = Buffer.byteLength(part, "utf8");
    if (written !== length) throw new Error(`${file}: only ${written} bytes written of ${length} (is the disk full?)`);
    return;
  }
  const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}
