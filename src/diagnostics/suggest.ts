/** Levenshtein distance, for "did you mean" hints. Small inputs only (ids, keys). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The closest candidate within a third of the word's length; else the only
 * candidate that starts with the word (an id cut short, "dune-replanting"
 * for "dune-replanting-volunteers"); else undefined.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  const lower = word.toLowerCase();
  const extending: string[] = [];
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    if (lower.length >= 4 && other.startsWith(lower)) extending.push(candidate);
  }
  return best ?? (extending.length === 1 ? extending[0] : undefined);
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}
