/**
 * A progress report workbook as a person edited it, read back (by
 * src/adapters/excel/read-progress-workbook.ts): what the use case that
 * turns it into plan changes and report answers works on.
 */
import type { LocalDate } from '../../domain/plan.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { SheetFields } from './progress-sheet.ts';

/** What one item's editable cells said when the workbook was written. */
export interface ItemSnapshot {
  title: string;
  owners: string[];
  lines: string[];
  fields: SheetFields;
}

/** Which plan, round and date the workbook was written for, and its rows as written. */
export interface WorkbookMeta {
  planKey: string;
  roundId: number | null;
  asOf: LocalDate;
  lang: Lang;
  /** Evaluation codes of the round's scale, best first. */
  scale: string[];
  items: Map<string, ItemSnapshot>;
}

export type EditableCell = 'id' | 'item' | 'owners' | 'plan' | 'achievement' | 'evaluation' | 'issues' | 'nextSteps';

/** One row as the person left it. */
export interface EditedRow {
  itemId: string;
  title: string;
  owners: string[];
  lines: string[];
  fields: SheetFields;
  /** Where each editable cell is, `進捗管理表!U14`, for messages. */
  cells: Record<EditableCell, string>;
}

/** A cell that cannot be imported, and why. */
export interface CellProblem {
  /** `進捗管理表!U14`. */
  cell: string;
  reason: string;
}

export interface EditedWorkbook {
  meta: WorkbookMeta;
  rows: EditedRow[];
  /** Cells the reader could not take (formulas, unknown or repeated numbers); their rows are left out of `rows`. */
  problems: CellProblem[];
}
