/**
 * What the report-round commands answer, as plain data: the neutral view
 * (src/app/views/build-report-view.ts) words it for Slack, Teams and the shell.
 */
import type { LocalDate } from '../../domain/plan.ts';
import type { EvaluationScale, ReportAnswerVia, ReportEntry, ReportFieldProblem, ReportFields, ReportItemState, ReportRound } from '../../domain/report-round.ts';
import type { WallClock } from '../../domain/zoned-time.ts';

/** A round as the replies show it. */
export interface RoundSummary {
  id: number;
  /** The plan the round is of. */
  planId: string;
  asOf: LocalDate;
  deadline: LocalDate;
  scale: EvaluationScale;
  open: boolean;
}

/** One division's answers in a round. */
export interface DivisionProgress {
  division: string;
  items: number;
  answered: number;
  returned: number;
  notAnswered: number;
}

/** One item's line in a round's status. */
export interface ItemRoundLine {
  itemId: string;
  title: string;
  owners: string[];
  state: ReportItemState;
  /** The grade of the latest answer (also when it was sent back since). */
  evaluation: string | null;
  /** Answered after the deadline's day. */
  late: boolean;
  /** The coordinator's comment when the item was sent back. */
  returnComment: string | null;
}

/** The form an owner fills for one item, prefilled. */
export interface AnswerForm {
  round: RoundSummary;
  item: { id: string; title: string; owners: string[] };
  /** The form's initial values: the latest answer in this round, else what the bot holds (comments, suggested grade). */
  values: ReportFields;
  /** True when `values` come from an earlier answer of this round. */
  fromAnswer: boolean;
  /** The grade the statuses suggest (suggestEvaluation); null when the item has no milestone to judge by. */
  suggested: string | null;
  /** The coordinator's comment when the item was sent back and awaits a new answer. */
  returnComment: string | null;
}

/** One entry of an item's round history, its time on the plan's wall clock. */
export type RoundHistoryEntry = (
  | ({ kind: 'answer' } & ReportFields)
  | { kind: 'returned'; comment: string }
) & { actor: string; division: string; via: ReportAnswerVia; at: WallClock };

export type ReportReply =
  | { op: 'opened'; round: RoundSummary; divisions: number; items: number }
  | { op: 'status'; round: RoundSummary; today: LocalDate; divisions: DivisionProgress[]; mine: ItemRoundLine[] | null; coordinator: boolean }
  | { op: 'form'; form: AnswerForm }
  | { op: 'answered'; round: RoundSummary; item: { id: string; title: string }; fields: ReportFields; late: boolean; actor: string; via: ReportAnswerVia; at: WallClock }
  | { op: 'returned'; round: RoundSummary; item: { id: string; title: string }; division: string; comment: string }
  | { op: 'closed'; round: RoundSummary; divisions: DivisionProgress[] }
  | { op: 'history'; item: { id: string; title: string }; rounds: Array<{ round: RoundSummary; entries: RoundHistoryEntry[] }> };

/** Why a report command changed nothing. */
export type ReportProblem =
  | { code: 'unavailable' }
  | { code: 'no_open_round' }
  | { code: 'round_open'; asOf: LocalDate; deadline: LocalDate }
  | { code: 'bad_date'; word: string }
  | { code: 'as_of_after_deadline'; asOf: LocalDate; deadline: LocalDate }
  | { code: 'deadline_past'; deadline: LocalDate; today: LocalDate }
  | { code: 'not_allowed'; action: 'open' | 'close' | 'return' | 'answer'; owners: string[] }
  | { code: 'unknown_item'; id: string; suggestions: string[] }
  | { code: 'invalid_answer'; itemId: string; problems: ReportFieldProblem[] }
  | { code: 'comment_required' }
  | { code: 'comment_too_long'; length: number; max: number }
  | { code: 'nothing_to_return'; itemId: string; state: ReportItemState }
  | { code: 'bad_field'; word: string };

/** A round as the replies show it. */
export function roundSummaryOf(round: ReportRound): RoundSummary {
  return { id: round.id, planId: round.planId, asOf: round.asOf, deadline: round.deadline, scale: round.scale, open: round.closedAt === null };
}

/** The latest answer among `entries`, or null. */
export function latestAnswerOf(entries: readonly ReportEntry[]): Extract<ReportEntry, { kind: 'answer' }> | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.kind === 'answer') return entry;
  }
  return null;
}
