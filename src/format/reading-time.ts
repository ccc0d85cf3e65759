/** Adult silent reading of non-fiction runs at about 238 words a minute (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, at least 1: "1 min read" for a short brief. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
