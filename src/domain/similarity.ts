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
