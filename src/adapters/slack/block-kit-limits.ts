/**
 * Slack's Block Kit limits that our messages can reach. Exceeding any of them
 * makes chat.postMessage fail with `invalid_blocks` (or `msg_too_long`), which
 * would turn a long reminder into no reminder at all.
 */
export const BLOCK_KIT_LIMITS = Object.freeze({
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  /** Elements of one actions block. */
  elementsPerActions: 25,
  /** The top-level `text` is shown in notifications; Slack truncates it past 4,000. */
  fallbackText: 3000,
});

/**
 * `text` cut to at most `max` characters, ending in `…` when it was cut.
 * Cuts between code points so a surrogate pair (an emoji, a rare kanji) is never split.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
