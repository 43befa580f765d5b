/**
 * The ports of report rounds (issue 15 §1), shaped by what the round's use
 * cases, the workbook and the dashboard read: the rounds of a plan, and the
 * append-only entries (answers and send-backs) of a round.
 */
import type { LocalDate } from '../domain/plan.ts';
import type { EvaluationScale, ReportAnswerVia, ReportEntry, ReportFields, ReportRound } from '../domain/report-round.ts';

/** What opening a round records. */
export interface NewReportRound {
  planId: string;
  asOf: LocalDate;
  deadline: LocalDate;
  scale: EvaluationScale;
  openedBy: string;
  /** UTC ISO instant. */
  openedAt: string;
}

export type OpenRoundResult =
  | { ok: true; round: ReportRound }
  /** The plan already has an open round: nothing was recorded. */
  | { ok: false; open: ReportRound };

export interface ReportRounds {
  /** Records a new open round, unless the plan has one open already (checked by the database, so two instances cannot both open one). */
  open(round: NewReportRound): Promise<OpenRoundResult>;
  /** The plan's open round, or null. */
  current(planId: string): Promise<ReportRound | null>;
  byId(id: number): Promise<ReportRound | null>;
  /** Every round of the plan, the latest opened first. */
  list(planId: string): Promise<ReportRound[]>;
  /** Closes the round at `at`; false when it was closed already (or does not exist). */
  close(id: number, at: string): Promise<boolean>;
}

/** What appending an entry records; the store assigns the id. */
export type NewReportEntry =
  | ({ kind: 'answer'; roundId: number; itemId: string; division: string; actor: string; via: ReportAnswerVia; createdAt: string } & ReportFields)
  | { kind: 'returned'; roundId: number; itemId: string; division: string; actor: string; via: ReportAnswerVia; createdAt: string; comment: string };

export interface ReportEntries {
  /** Appends one answer or send-back; entries are never edited. */
  append(entry: NewReportEntry): Promise<ReportEntry>;
  /** An item's entries in the round, oldest first. */
  historyOf(roundId: number, itemId: string): Promise<ReportEntry[]>;
  /** Every entry of the round, oldest first. */
  all(roundId: number): Promise<ReportEntry[]>;
  /** Per item, its latest entry in the round (an answer, or a send-back awaiting a new answer). */
  latestByItem(roundId: number): Promise<Map<string, ReportEntry>>;
  /** Per item, its latest answer in the round, also when it was sent back since. */
  latestAnswerByItem(roundId: number): Promise<Map<string, Extract<ReportEntry, { kind: 'answer' }>>>;
}
