/**
 * Similarity of two short texts as the Dice coefficient of their character
 * bigrams (0 … 1). Character bigrams suit Japanese, which has no spaces to
 * split words on; a light edit of a milestone title keeps most bigrams.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const bigram = a.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const bigram = b.slice(i, i + 2);
    const left = counts.get(bigram) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(bigram, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * The `count` candidates most like `word`, best first: by similarity, then by
 * the longer common prefix (ids such as `1-1-9` and `1-1-2` share most
 * bigrams with many others), then in the candidates' own order. Used to
 * suggest what a user may have meant by an unknown id or division.
 */
export function closestMatches(word: string, candidates: readonly string[], count = 3): string[] {
  const scored = candidates.map((candidate, index) => ({
    candidate,
    index,
    score: similarity(word, candidate),
    prefix: commonPrefixLength(word, candidate),
  }));
  scored.sort((a, b) => b.score - a.score || b.prefix - a.prefix || a.index - b.index);
  return [...new Set(scored.map((s) => s.candidate))].slice(0, count);
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
