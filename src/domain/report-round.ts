/**
 * The periodic progress report (進捗管理表) the reform office files two or
 * three times a year, collected in chat as a report round: the coordinator
 * opens a round (an "as of" date and a deadline), every owner division
 * answers per item it owns, the coordinator may send an answer back.
 *
 * This file is the contract the round's use cases, the Excel workbook and the
 * dashboard share. Answers are appended, never edited: the latest answer of
 * an item is its answer, and the list is its history (who, when, how).
 */
import type { LocalDate } from './plan.ts';

/** One grade of an evaluation scale, e.g. ◎ 完了. */
export interface EvaluationGrade {
  /** What is stored and typed, e.g. `◎`, `A`. Unique within the scale. */
  code: string;
  /** The word shown beside it, e.g. 完了, 順調. */
  label: string;
  /** Whether an answer with this grade must say what was done (取組実績). */
  requiresAchievement: boolean;
}

/** A plan's evaluation scale, best grade first. */
export interface EvaluationScale {
  grades: readonly EvaluationGrade[];
}

/** The office's usual scale (◎ 完了 / ○ 順調 / △ やや遅れ / × 遅れ). */
export const DEFAULT_EVALUATION_SCALE: EvaluationScale = Object.freeze({
  grades: Object.freeze([
    Object.freeze({ code: '◎', label: '完了', requiresAchievement: true }),
    Object.freeze({ code: '○', label: '順調', requiresAchievement: true }),
    Object.freeze({ code: '△', label: 'やや遅れ', requiresAchievement: true }),
    Object.freeze({ code: '×', label: '遅れ', requiresAchievement: false }),
  ]),
});

/** Longest text of one answer field, in characters (a cell of the printed sheet). */
export const REPORT_FIELD_MAX_CHARS = 1000;

export interface ReportRound {
  /** Assigned by the store. */
  id: number;
  /** The plan the round reports on (plan key, e.g. `fy2020`). */
  planId: string;
  /** The date the report speaks for (「令和2年9月30日現在」). */
  asOf: LocalDate;
  /** The last day divisions may answer; reminders count business days to it. */
  deadline: LocalDate;
  /** The scale the round was opened with; kept with the round, so a later change of the plan's scale leaves it as it was. */
  scale: EvaluationScale;
  openedBy: string;
  /** UTC ISO instant. */
  openedAt: string;
  /** UTC ISO instant; null while the round is open. */
  closedAt: string | null;
}

/** How an answer reached us. */
export type ReportAnswerVia = 'slack' | 'teams' | 'shell' | 'cli' | 'excel';

/** The four fields a division fills per item. */
export interface ReportFields {
  /** 取組実績: what was done. */
  achievement: string;
  /** 進捗評価: a grade code of the plan's scale. */
  evaluation: string;
  /** 課題. */
  issues: string;
  /** 今後の方向性. */
  nextSteps: string;
}

/**
 * One entry of an item's history in a round: an answer, or the coordinator
 * sending the item back with a comment (the division answers again).
 */
export type ReportEntry =
  | ({ kind: 'answer'; id: number; roundId: number; itemId: string; division: string; actor: string; via: ReportAnswerVia; createdAt: string } & ReportFields)
  | { kind: 'returned'; id: number; roundId: number; itemId: string; division: string; actor: string; via: ReportAnswerVia; createdAt: string; comment: string };
