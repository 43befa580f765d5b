/**
 * The hidden sheet `_shinchoku` (veryHidden: not listed under Unhide) that
 * lets an edited workbook be read back: which plan, round and date it was
 * written for, and per item what its editable cells said when written. The
 * import compares with that, so only what a person changed is offered as a
 * change, even when someone answered in chat after the export.
 */
import type { ItemSnapshot, WorkbookMeta } from '../../app/report/edited-workbook.ts';
import type { WorkbookType } from './exceljs.ts';
import { cellText } from './cell-text.ts';

export type { ItemSnapshot, WorkbookMeta };

export const META_SHEET = '_shinchoku';
const FORMAT = 1;
const FIRST_ITEM_ROW = 10;

export function writeMeta(workbook: WorkbookType, meta: WorkbookMeta): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.getCell('A1').value = 'format';
  sheet.getCell('B1').value = FORMAT;
  sheet.getCell('A2').value = 'plan';
  sheet.getCell('B2').value = cellText(meta.planKey);
  sheet.getCell('A3').value = 'round';
  sheet.getCell('B3').value = meta.roundId ?? '';
  sheet.getCell('A4').value = 'asOf';
  sheet.getCell('B4').value = meta.asOf;
  sheet.getCell('A5').value = 'lang';
  sheet.getCell('B5').value = meta.lang;
  sheet.getCell('A6').value = 'scale';
  sheet.getCell('B6').value = JSON.stringify(meta.scale);
  let row = FIRST_ITEM_ROW;
  for (const [itemId, snapshot] of meta.items) {
    sheet.getCell(row, 1).value = cellText(itemId);
    sheet.getCell(row, 2).value = cellText(JSON.stringify(snapshot));
    row++;
  }
}

/** The meta of a workbook we wrote; null when the sheet is missing or unreadable (not ours, or damaged). */
export function readMeta(workbook: WorkbookType): WorkbookMeta | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet || sheet.getCell('B1').value !== FORMAT) return null;
  const text = (address: string) => {
    const value = sheet.getCell(address).value;
    return value === null || value === undefined ? '' : String(value);
  };
  try {
    const items = new Map<string, ItemSnapshot>();
    for (let row = FIRST_ITEM_ROW; row <= sheet.rowCount; row++) {
      const id = sheet.getCell(row, 1).value;
      const json = sheet.getCell(row, 2).value;
      if (typeof id === 'string' && typeof json === 'string') items.set(id, JSON.parse(json) as ItemSnapshot);
    }
    const round = text('B3');
    const lang = text('B5') === 'en' ? 'en' : 'ja';
    return { planKey: text('B2'), roundId: round === '' ? null : Number(round), asOf: text('B4'), lang, scale: JSON.parse(text('B6')) as string[], items };
  } catch {
    return null;
  }
}
