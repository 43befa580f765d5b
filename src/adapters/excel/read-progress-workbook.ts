/**
 * Reads back a progress report workbook we wrote and a person edited: per
 * row of 進捗管理表, the cells they may change (取組項目, 担当課, 年次計画 and
 * the four answer fields), as text. Every cell that cannot be taken (a
 * formula, an unknown or repeated 番号) is reported by sheet, row and
 * column; the answers' own checks follow in workbook-changes.ts.
 */
import type { CellProblem, EditableCell, EditedRow, EditedWorkbook } from '../../app/report/edited-workbook.ts';
import type { SheetFields } from '../../app/report/progress-sheet.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { translator } from '../../i18n/catalog.ts';
import { loadWorkbook, type Cell, type WorkbookType } from './exceljs.ts';
import { columnLetter, columnNumber, FIRST_DATA_ROW, type ProgressColumnKey } from './progress-columns.ts';
import { META_SHEET, readMeta, type WorkbookMeta } from './workbook-meta.ts';

const CELL_COLUMNS: Record<EditableCell, ProgressColumnKey> = {
  id: 'id',
  item: 'item',
  owners: 'owners',
  plan: 'plan',
  achievement: 'achievement',
  evaluation: 'evaluation',
  issues: 'issues',
  nextSteps: 'nextSteps',
};

export type ReadProblem = { kind: 'unreadable'; reason: string } | { kind: 'not_ours' };

/** Parses `bytes`; problems are worded in the workbook's own language. */
export async function readProgressWorkbook(bytes: Uint8Array): Promise<Result<EditedWorkbook, ReadProblem>> {
  let workbook: WorkbookType;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (error) {
    return fail({ kind: 'unreadable', reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
  }
  const meta = readMeta(workbook);
  if (!meta) return fail({ kind: 'not_ours' });
  const t = translator(meta.lang);
  // The sheet as we named it; a person may have renamed it, so else the first sheet that is not ours.
  const sheet = workbook.getWorksheet(t('excel.sheet.progress')) ?? workbook.worksheets.find((ws) => ws.name !== META_SHEET);
  if (!sheet) return fail({ kind: 'not_ours' });

  const problems: CellProblem[] = [];
  const at = (row: number, key: ProgressColumnKey) => `${sheet.name}!${columnLetter(columnNumber(key))}${row}`;
  const seen = new Map<string, number>();
  const rows: EditedRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const read = (key: ProgressColumnKey): string => {
      const text = cellText(sheet.getCell(r, columnNumber(key)));
      if (text === null) {
        problems.push({ cell: at(r, key), reason: t('excel.cell.formula') });
        return '';
      }
      return text;
    };
    const itemId = read('id').trim();
    const editable = (['item', 'owners', 'plan', 'achievement', 'evaluation', 'issues', 'nextSteps'] as const).map(read);
    if (itemId === '' && editable.every((text) => text.trim() === '')) continue;
    const [title, owners, plan, achievement, evaluation, issues, nextSteps] = editable as [string, string, string, string, string, string, string];
    if (!meta.items.has(itemId)) {
      problems.push({ cell: at(r, 'id'), reason: t('excel.cell.unknownId', { id: itemId }) });
      continue;
    }
    const first = seen.get(itemId);
    if (first !== undefined) {
      problems.push({ cell: at(r, 'id'), reason: t('excel.cell.duplicateId', { id: itemId, first: at(first, 'id') }) });
      continue;
    }
    seen.set(itemId, r);
    const fields: SheetFields = { achievement, evaluation: evaluation.trim(), issues, nextSteps };
    rows.push({
      itemId,
      cells: Object.fromEntries(Object.entries(CELL_COLUMNS).map(([cell, key]) => [cell, at(r, key)])) as Record<EditableCell, string>,
      title: title.trim(),
      owners: owners.split(/[\n、,]/u).map((o) => o.trim()).filter((o) => o !== ''),
      lines: plan.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
      fields,
    });
  }
  return ok({ meta, rows, problems });
}

/**
 * A cell's text as a person sees it; null for a formula, which is never
 * taken (its result could change with the cells it points to). Rich text,
 * hyperlinks, numbers and dates are read as the text they show.
 */
function cellText(cell: Cell): string | null {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/gu, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((part) => part.text).join('').replace(/\r\n?/gu, '\n');
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return String(value);
}
