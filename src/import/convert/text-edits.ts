/**
 * Text rewritten before it is parsed (shortcodes, template tags, WordPress's
 * paragraphs), with a map from each line of the result back to the line it
 * came from, so that a warning found later still names the source line.
 */

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface MappedText {
  text: string;
  /** 1-based line of `text` -> 1-based line of the text the edits were applied to. */
  lineOf: (line: number) => number;
}

/** Applies non-overlapping edits (in any order); lines inside a replacement map to the line where it starts. */
export function applyEdits(original: string, edits: readonly TextEdit[]): MappedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  // For each output line (index), the original line it came from.
  const origins: number[] = [1];
  let cursor = 0;
  let originalLine = 1;
  const push = (piece: string, fromLine: number, isCopy: boolean) => {
    pieces.push(piece);
    let line = fromLine;
    for (const char of piece) {
      if (char !== "\n") continue;
      if (isCopy) line++;
      origins.push(line);
    }
  };
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping: the first one wins
    const kept = original.slice(cursor, edit.start);
    push(kept, originalLine, true);
    originalLine += countLines(kept);
    push(edit.replacement, originalLine, false);
    originalLine += countLines(original.slice(edit.start, edit.end));
    cursor = edit.end;
  }
  push(original.slice(cursor), originalLine, true);
  return { text: pieces.join(""), lineOf: (line) => origins[Math.max(0, Math.min(line, origins.length) - 1)] ?? 1 };
}

export function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

/** 1-based line of an offset in `text`. */
export function lineAt(text: string, offset: number): number {
  return countLines(text.slice(0, offset)) + 1;
}

/** Two maps one after the other: lines of the last text -> lines of the first. */
export function composeLines(inner: (line: number) => number, outer: (line: number) => number): (line: number) => number {
  return (line) => inner(outer(line));
}
