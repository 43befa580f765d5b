/**
 * Text for a cell. exceljs writes a JS string as a string cell whatever it
 * starts with (`=1+2` stays text, checked by test/adapters/excel), and every
 * writer here passes text through this one function, so no typed comment
 * can become a formula. What XML 1.0 cannot carry (control characters other
 * than tab and newline) is dropped instead of corrupting the file, and text
 * is cut at Excel's limit of 32,767 characters per cell.
 */

const EXCEL_CELL_MAX = 32767;

export function cellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\r\n?/gu, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '');
  return clean.length > EXCEL_CELL_MAX ? clean.slice(0, EXCEL_CELL_MAX) : clean;
}

/** Header and footer text: `&` starts a code there (`&P` is the page number), so a literal one is doubled. */
export function headerFooterText(text: string): string {
  return cellText(text).replace(/&/gu, '&&').replace(/\n/gu, ' ');
}
