/**
 * 進捗管理表 as CSV that Excel opens correctly: UTF-8 with a byte-order mark
 * (without it Japanese Excel reads Shift_JIS and shows mojibake), CRLF
 * between records, every field quoted. A field that Excel would read as a
 * formula (`=`, `+`, `-`, `@`, and tab or CR, which some versions also
 * take) gets a leading `'`: CSV has no cell types, so that is the only way
 * to keep typed text text (OWASP's CSV injection advice).
 */
import type { ProgressSheet } from '../../app/report/progress-sheet.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { headerTexts, rowTexts } from './write-progress-table.ts';

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One CSV field, neutralised and quoted. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/gu, '""')}"`;
}

/** The CSV bytes of the main sheet: the header row, then one record per item. */
export function writeProgressCsv(sheet: ProgressSheet, lang: Lang): Buffer {
  const t = translator(lang);
  const records = [headerTexts(t), ...sheet.rows.map((row) => rowTexts(row, sheet, lang, t))];
  return Buffer.from(BOM + records.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n', 'utf8');
}
