/**
 * The progress report (進捗管理表) as neutral data: what every sheet of the
 * workbook shows, cell by cell, decided once here. The Excel adapter only
 * lays it out (widths, colours, print setup); the CSV writer and any later
 * renderer show the very same values.
 *
 * Layout decisions (issue 15 §2 left them open):
 * - One row per 取組項目 (item), in plan order, so rows of a pillar stand
 *   together; the pillar is a column on every row rather than a heading row
 *   between them, because heading rows break the autofilter, sorting, and
 *   the one-row-one-item reading of a workbook imported back.
 * - The item's milestones are one cell (年次計画), one line each with its
 *   schedule as the plan wrote it: an item has 1–8 of them, and a row per
 *   milestone would repeat the item's answer fields, which are per item.
 * - 工程 is twelve narrow month columns (4月–3月), a mark where a milestone
 *   of the item is scheduled: the 工程表 look the office already prints.
 */
import type { LocalDate, YearMonth } from '../../domain/plan.ts';
import type { EvaluationScale, ReportAnswerVia } from '../../domain/report-round.ts';
import type { StatusCounts } from '../../domain/digest.ts';
import type { StatusCode } from '../../domain/status.ts';
import type { UpdateVia } from '../../domain/status-update.ts';

/** The four fields a division fills, as the sheet shows them. */
export interface SheetFields {
  achievement: string;
  evaluation: string;
  issues: string;
  nextSteps: string;
}

/** One row of 進捗管理表: one item. */
export interface ProgressRow {
  /** 番号: the item's id, stable across exports and re-imports. */
  itemId: string;
  pillar: { id: string; title: string };
  initiative: { id: string; title: string };
  /** 取組項目. */
  title: string;
  /** 担当課. */
  owners: string[];
  /** 年次計画: one line per milestone, `・title(schedule)`. */
  milestoneLines: string[];
  /** 工程: per month of the fiscal year (MONTHS order), true where scheduled. */
  months: boolean[];
  /** The item's units by status at the start of the date (the digest's counts). */
  counts: StatusCounts;
  /** What the sheet shows in the answer columns. */
  fields: SheetFields;
  /** True when the fields are the round's answer; false when prefilled from the latest status comments (or empty). */
  answered: boolean;
  /** True when the coordinator sent the item back after its latest answer. */
  returned: boolean;
  /** 更新日: the answer's day, or without one the item's latest status update before the date; null when neither. */
  updatedOn: LocalDate | null;
}

/** One line of a summary sheet (a pillar, a division, or the total). */
export interface SummaryRow {
  label: string;
  /** Items in it. */
  items: number;
  /** Items per evaluation code of the scale (the round's latest answers). */
  evaluations: Record<string, number>;
  /** Items without an answer in the round. */
  unanswered: number;
  /** Units by status (the digest's counts). */
  counts: StatusCounts;
  /** Units, cancelled left out (the digest's progress.total). */
  total: number;
  done: number;
  /** done / total; null when total is 0. */
  completionRate: number | null;
  overdue: number;
  /** The same figures at the previous round's date; null without a previous round. */
  previous: { completionRate: number | null; overdue: number; done: number } | null;
}

/** A unit needing attention: overdue, or reported 遅延 / 注意. */
export interface AttentionRow {
  milestoneId: string;
  itemId: string;
  pillarId: string;
  itemTitle: string;
  milestoneTitle: string;
  checkpoint: YearMonth | null;
  owners: string[];
  due: LocalDate | null;
  status: StatusCode;
  /** Business days past due; null when not overdue. */
  daysOverdue: number | null;
  /** The latest comment on the milestone before the date. */
  comment: string;
}

/** One status update, as 履歴 lists it. */
export interface HistoryRow {
  /** Wall-clock time in the plan's zone, `YYYY-MM-DD HH:mm`. */
  at: string;
  milestoneId: string;
  milestoneTitle: string;
  checkpoint: YearMonth | null;
  status: StatusCode;
  comment: string;
  revisedDue: YearMonth | null;
  actor: string;
  via: UpdateVia;
}

/** One entry of the round (an answer or a send-back), as 報告履歴 lists it. */
export interface ReportHistoryRow {
  at: string;
  itemId: string;
  division: string;
  kind: 'answer' | 'returned';
  /** The answer's fields; null for a send-back. */
  fields: SheetFields | null;
  /** A send-back's comment; empty for an answer. */
  comment: string;
  actor: string;
  via: ReportAnswerVia;
}

export interface ProgressSheet {
  planKey: string;
  planTitle: string;
  fiscalYear: number;
  /** The date the figures are of: the round's as-of date, or the date asked for. */
  asOf: LocalDate;
  /** The round the answers come from; null for a plain date. */
  round: { id: number; asOf: LocalDate; deadline: LocalDate } | null;
  /** The round before it (the change columns compare with it); null when none. */
  previousRound: { id: number; asOf: LocalDate } | null;
  scale: EvaluationScale;
  /** The twelve months of the fiscal year, April first. */
  months: readonly YearMonth[];
  rows: ProgressRow[];
  pillars: SummaryRow[];
  divisions: SummaryRow[];
  /** The whole plan: its counts and rate are the digest's of the same date. */
  total: SummaryRow;
  attention: AttentionRow[];
  history: HistoryRow[];
  reportHistory: ReportHistoryRow[];
}
