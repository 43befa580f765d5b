/**
 * How wide text shows in a spreadsheet cell, in Excel's column-width unit
 * (about one half-width digit). Excel cannot auto-fit a column in a file it
 * did not lay out itself, so the writer estimates: an East Asian wide or
 * full-width character (漢字, かな, 全角記号) counts 2, anything else 1.
 * Symbols of ambiguous width (○ ◎ △ × ■ ①) are wide in the Japanese fonts
 * the office uses, so they count 2 as well.
 */

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x00d7, 0x00d7], // ×
  [0x1100, 0x115f],
  [0x2190, 0x21ff], // arrows
  [0x2460, 0x24ff], // ①
  [0x25a0, 0x25ff], // ■ ○ ◎ △
  [0x2600, 0x26ff],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  for (const [from, to] of WIDE) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/** The width of one line of text (no newlines expected). */
export function displayWidth(line: string): number {
  let width = 0;
  for (const char of line) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** The widest line of a possibly multi-line text. */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

/** How many lines `text` takes when wrapped in a column `width` wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}
