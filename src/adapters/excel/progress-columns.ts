/**
 * The columns of 進捗管理表, shared by the writer and the reader of an edited
 * workbook: where each field sits, how wide it may grow, and which ones a
 * person is expected to edit.
 */
import type { MessageKey } from '../../i18n/catalog.ts';

export type ProgressColumnKey =
  | 'id'
  | 'pillar'
  | 'initiative'
  | 'item'
  | 'owners'
  | 'plan'
  | `m${number}`
  | 'status'
  | 'achievement'
  | 'evaluation'
  | 'issues'
  | 'nextSteps'
  | 'updatedOn';

export interface ProgressColumn {
  key: ProgressColumnKey;
  /** Header text; months are labelled by their month number. */
  header: MessageKey;
  /** The calendar month of a 工程 column (4 … 12, 1 … 3). */
  month?: number;
  /** The widest the column is made; longer text wraps. */
  maxWidth: number;
  minWidth: number;
  wrap: boolean;
  /** A field of the report answer, typed by the divisions. */
  answer?: 'achievement' | 'evaluation' | 'issues' | 'nextSteps';
  /** A plan field the coordinator may correct (read back through the re-import diff). */
  planField?: boolean;
}

const MONTH_ORDER = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

export const PROGRESS_COLUMNS: readonly ProgressColumn[] = [
  { key: 'id', header: 'excel.col.id', maxWidth: 7, minWidth: 5, wrap: false },
  { key: 'pillar', header: 'excel.col.pillar', maxWidth: 14, minWidth: 6, wrap: true },
  { key: 'initiative', header: 'excel.col.initiative', maxWidth: 18, minWidth: 8, wrap: true },
  { key: 'item', header: 'excel.col.item', maxWidth: 24, minWidth: 10, wrap: true, planField: true },
  { key: 'owners', header: 'excel.col.owners', maxWidth: 16, minWidth: 8, wrap: true, planField: true },
  { key: 'plan', header: 'excel.col.plan', maxWidth: 40, minWidth: 12, wrap: true, planField: true },
  ...MONTH_ORDER.map((month): ProgressColumn => ({ key: `m${month}`, header: 'excel.col.month', month, maxWidth: 4.5, minWidth: 4.5, wrap: false })),
  { key: 'status', header: 'excel.col.status', maxWidth: 11, minWidth: 9, wrap: true },
  { key: 'achievement', header: 'excel.col.achievement', maxWidth: 34, minWidth: 14, wrap: true, answer: 'achievement' },
  { key: 'evaluation', header: 'excel.col.evaluation', maxWidth: 9, minWidth: 9, wrap: false, answer: 'evaluation' },
  { key: 'issues', header: 'excel.col.issues', maxWidth: 24, minWidth: 10, wrap: true, answer: 'issues' },
  { key: 'nextSteps', header: 'excel.col.nextSteps', maxWidth: 24, minWidth: 10, wrap: true, answer: 'nextSteps' },
  { key: 'updatedOn', header: 'excel.col.updatedOn', maxWidth: 11, minWidth: 11, wrap: false },
];

/** Rows above the table: title, as-of date, round line and the 工程 group label; the column headers are on HEADER_ROW. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

/** The 1-based column number of a key. */
export function columnNumber(key: ProgressColumnKey): number {
  const index = PROGRESS_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no column ${key}`);
  return index + 1;
}

/** `A`, `B`, … `AA`: a column number as Excel names it. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
