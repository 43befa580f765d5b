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

/** One field of an answer, by the name the forms and problems use. */
export type ReportField = keyof ReportFields;

/** The order the fields are asked in (the columns of the printed sheet). */
export const REPORT_FIELDS: readonly ReportField[] = Object.freeze(['achievement', 'evaluation', 'issues', 'nextSteps']);

/** Why one field of an answer cannot be recorded. */
export type ReportFieldProblem =
  | { field: 'evaluation'; code: 'unknown_grade'; word: string; valid: string[] }
  | { field: 'achievement'; code: 'achievement_required'; grade: string }
  | { field: ReportField; code: 'too_long'; length: number; max: number }
  | { field: ReportField; code: 'control_characters' };

// C0 and C1 controls except LF and TAB, plus the bidi overrides: as for status comments (comment.ts).
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/**
 * An answer as it will be stored (CRLF folded, surrounding space trimmed,
 * the grade matched after NFKC so a full-width `Ａ` is `A`), or every field
 * problem at once so a form can show each under its field. Nothing is
 * recorded unless all four fields pass.
 */
export function checkReportFields(fields: ReportFields, scale: EvaluationScale): { ok: true; value: ReportFields } | { ok: false; error: ReportFieldProblem[] } {
  const problems: ReportFieldProblem[] = [];
  const clean = {} as ReportFields;
  for (const field of REPORT_FIELDS) {
    const text = fields[field].replace(/\r\n?/gu, '\n').trim();
    clean[field] = text;
    if (FORBIDDEN.test(text)) problems.push({ field, code: 'control_characters' });
    const length = Array.from(text).length;
    if (length > REPORT_FIELD_MAX_CHARS) problems.push({ field, code: 'too_long', length, max: REPORT_FIELD_MAX_CHARS });
  }
  const grade = findGrade(scale, clean.evaluation);
  if (grade === null) {
    problems.push({ field: 'evaluation', code: 'unknown_grade', word: clean.evaluation, valid: scale.grades.map((g) => g.code) });
  } else {
    clean.evaluation = grade.code;
    if (grade.requiresAchievement && clean.achievement === '') problems.push({ field: 'achievement', code: 'achievement_required', grade: grade.code });
  }
  return problems.length === 0 ? { ok: true, value: clean } : { ok: false, error: problems };
}

/**
 * The grade typed as `word`: its code (after NFKC and case folding, so `ａ`
 * is `A` and `〇` is `○`), or its label (`順調`). Null when none matches.
 */
export function findGrade(scale: EvaluationScale, word: string): EvaluationGrade | null {
  const folded = foldGrade(word);
  if (folded === '') return null;
  return scale.grades.find((g) => foldGrade(g.code) === folded) ?? scale.grades.find((g) => foldGrade(g.label) === folded) ?? null;
}

// 〇 (the kanji zero) and ◯ (the large circle) are what Japanese IMEs offer for ○.
function foldGrade(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[〇◯]/gu, '○').replace(/[✕✖xX]/gu, '×');
}

/** The statuses a suggestion is read from (a subset of StatusCode, kept here so the domain file stays free of status.ts). */
export type SuggestionStatus = 'not_started' | 'on_track' | 'at_risk' | 'delayed' | 'done' | 'cancelled';

/**
 * The grade suggested for an item from its milestones' statuses: every
 * milestone done (cancelled ones aside) → the best grade; any delayed → the
 * worst; any at risk → the one above the worst; otherwise (on track, not
 * started) → the second best. On the default scale: ◎, ×, △, ○. Null when
 * the item has no milestone to judge by.
 */
export function suggestEvaluation(statuses: readonly SuggestionStatus[], scale: EvaluationScale): string | null {
  const grades = scale.grades;
  const live = statuses.filter((s) => s !== 'cancelled');
  if (grades.length === 0 || live.length === 0) return null;
  const at = (i: number) => grades[Math.max(0, Math.min(grades.length - 1, i))]!.code;
  if (live.every((s) => s === 'done')) return at(0);
  if (live.includes('delayed')) return at(grades.length - 1);
  if (live.includes('at_risk')) return at(grades.length - 2);
  return at(1);
}

/** Where an item stands in a round. */
export type ReportItemState = 'answered' | 'not_answered' | 'returned';

/** The state of an item from its latest entry (none: not answered). */
export function itemStateOf(latest: ReportEntry | undefined): ReportItemState {
  if (latest === undefined) return 'not_answered';
  return latest.kind === 'answer' ? 'answered' : 'returned';
}

/**
 * A scale written as `CODE:LABEL` pairs separated by commas, best first; a
 * trailing `*` on a grade means it needs no 取組実績 (`A:達成,B:順調,C:遅れ*`).
 * Null when it is not one (fewer than two grades, a code twice, an empty part).
 */
export function parseEvaluationScale(text: string): EvaluationScale | null {
  const parts = text.normalize('NFKC').split(',').map((p) => p.trim());
  const grades: EvaluationGrade[] = [];
  for (const part of parts) {
    const match = /^([^:\s]{1,8})\s*:\s*([^*]+?)\s*(\*)?$/u.exec(part);
    if (!match) return null;
    const code = match[1]!;
    if (grades.some((g) => g.code === code)) return null;
    grades.push({ code, label: match[2]!, requiresAchievement: match[3] === undefined });
  }
  return grades.length >= 2 ? { grades } : null;
}

/** A division that owes answers in a round, as the digest lists it. */
export interface DigestRoundDivision {
  division: string;
  /** Items not answered yet, sent-back ones included. */
  notAnswered: number;
  /** Of those, items sent back. */
  returned: number;
}

/** The open report round as the weekly digest shows it (issue 15 §1: who has not answered). */
export interface DigestReportRound {
  asOf: LocalDate;
  deadline: LocalDate;
  /** Divisions with every item answered. */
  answered: number;
  /** Divisions asked. */
  total: number;
  /** The divisions still owing answers, in plan order; `total` is their real number when the list is cut. */
  missing: { total: number; items: DigestRoundDivision[] };
}
