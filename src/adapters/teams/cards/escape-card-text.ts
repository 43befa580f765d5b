/**
 * Plan and user text in a TextBlock, shown literally (issue 14, item 9).
 * Teams renders a subset of markdown in TextBlocks (bold, italic, links,
 * lists, headings) and turns `<at>…</at>` into a mention when the card lists
 * it. Each character that could start such markup gets a CommonMark
 * backslash escape, which Teams' renderer removes; HTML is never rendered,
 * and `<` escaped makes sure an `<at>` or a tag stays text. Escaped only
 * where markup could begin, so dates (`2020-08-03`) and ordinary prose stay
 * as they are.
 */

// Anywhere in a line: emphasis, code, links, images, strike-through, tags, entities, escapes.
const INLINE = /[\\`*_[\]<>~&!|]/gu;
// At the start of a line (after indentation): headings, quotes, list items, rules.
const LINE_START = /^(\s*)([#>+=-]|\d+(?=[.)]))/gmu;

/** `text` with every markdown and mention trigger escaped. */
export function escapeCardText(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, space: string, marker: string) => (/^\d/u.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}
