import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where a stored text is: byte offset and length in the spool's file. */
interface StoredText {
  offset: number;
  length: number;
}

/** Closes the file of a spool nothing refers to any more (the dev server loads content again on every edit). */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * Texts kept in a temporary file instead of the heap, for what a build holds
 * per article and reads back only a few times: rendered bodies (most of the
 * content's memory, since V8 stores text with a curly quote or a dash at two
 * bytes a character: about 100 MB at 10,000 articles, a gigabyte at 100,000)
 * and the pages' searchable parts waiting for the search index. Reads come
 * from the operating system's file cache.
 */
export class TextSpool {
  readonly #fd: number;
  #size = 0;

  constructor() {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-spool-"));
    const file = path.join(dir, "spool.txt");
    this.#fd = openSync(file, "w+");
    // The open descriptor keeps the data; the name can go at once (where the
    // system allows it), so nothing is left behind however the process ends.
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    }
    closeWhenCollected.register(this, this.#fd);
  }

  /** Stores a text; the returned function reads it back. */
  put(text: string): () => string {
    const bytes = Buffer.from(text, "utf8");
    const stored: StoredText = { offset: this.#size, length: bytes.length };
    for (let written = 0; written < bytes.length; ) written += writeSync(this.#fd, bytes, written, bytes.length - written, stored.offset + written);
    this.#size += bytes.length;
    // The reader holds the spool, so the file stays open while any reader can still be called.
    return () => this.#read(stored);
  }

  #read({ offset, length }: StoredText): string {
    const bytes = Buffer.allocUnsafe(length);
    for (let read = 0; read < length; ) {
      const got = readSync(this.#fd, bytes, read, length - read, offset + read);
      if (got === 0) throw new Error("internal error, please report: a spooled text is cut short");
      read += got;
    }
    return bytes.toString("utf8");
  }
}
