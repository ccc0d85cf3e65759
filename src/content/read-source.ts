import { readFileSync } from "node:fs";

export type SourceText =
  | { ok: true; text: string }
  /** Not UTF-8: the first bad byte, as an offset and as a 1-based line and column (in bytes). */
  | { ok: false; problem: "not-utf8"; offset: number; line: number; column: number }
  | { ok: false; problem: "unreadable"; reason: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * A content file's text. Files must be UTF-8: an archive saved as Latin-1
 * would otherwise be published with U+FFFD in place of "é" and "£", without
 * a word. A byte-order mark is dropped.
 */
export function readSourceText(absolutePath: string): SourceText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { ok: false, problem: "unreadable", reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    return { ok: false, problem: "not-utf8", offset, line, column: offset - before.lastIndexOf(0x0a) };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Lengths and the range of the second byte for each lead (no overlongs, no surrogates, nothing past U+10FFFF).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : lead >= 0xe1 && lead <= 0xec ? [3, 0x80, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xee && lead <= 0xef ? [3, 0x80, 0xbf]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
