/**
 * At most `max` characters of what a person typed, with `…` when cut: enough
 * to recognise in a refusal, never the whole of a pasted novel (a 200,000-
 * character `/plan` text once came back whole). Counts code points, so a
 * cut never splits a surrogate pair.
 */
export function quotePrefix(text: string, max = 40): string {
  // Enough code units for max + 1 code points; a huge text is never split whole.
  const chars = Array.from(text.slice(0, (max + 1) * 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
