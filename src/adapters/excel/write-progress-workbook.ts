/**
 * The progress report as an .xlsx file: 進捗管理表 first (the sheet that opens),
 * the summaries and lists after it, and the hidden sheet an edited copy is
 * read back with (workbook-meta.ts).
 */
import type { ProgressSheet } from '../../app/report/progress-sheet.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { createWorkbook, workbookBytes } from './exceljs.ts';
import { writeMeta, type ItemSnapshot } from './workbook-meta.ts';
import { writeListSheets } from './write-list-sheets.ts';
import { writeProgressTable } from './write-progress-table.ts';

export interface WorkbookOptions {
  lang: Lang;
  /** Recorded as the workbook's creation time; the caller's clock. */
  now: Date;
}

/** Writes the workbook of `sheet` and returns its bytes. */
export async function writeProgressWorkbook(sheet: ProgressSheet, options: WorkbookOptions): Promise<Buffer> {
  const t = translator(options.lang);
  const workbook = createWorkbook();
  workbook.creator = 'shinchoku';
  workbook.created = options.now;
  workbook.modified = options.now;
  workbook.title = sheet.planTitle;
  writeProgressTable(workbook, sheet, options.lang, t);
  writeListSheets(workbook, sheet, options.lang, t);
  writeMeta(workbook, {
    planKey: sheet.planKey,
    roundId: sheet.round?.id ?? null,
    asOf: sheet.asOf,
    lang: options.lang,
    scale: sheet.scale.grades.map((g) => g.code),
    items: new Map(sheet.rows.map((row): [string, ItemSnapshot] => [row.itemId, { title: row.title, owners: row.owners, lines: row.milestoneLines, fields: row.fields }])),
  });
  return workbookBytes(workbook);
}

/** A file name people can tell apart in a Downloads folder: `進捗管理表_fy2020_2020-09-30.xlsx`. */
export function workbookFileName(sheet: Pick<ProgressSheet, 'planKey' | 'asOf'>, lang: Lang, extension: 'xlsx' | 'csv' = 'xlsx'): string {
  const base = translator(lang)('excel.sheet.progress').replace(/[\\/:*?"<>|\s]+/gu, '_');
  return `${base}_${sheet.planKey.replace(/[^A-Za-z0-9-]+/gu, '_')}_${sheet.asOf}.${extension}`;
}
