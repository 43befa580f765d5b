/**
 * The progress report of a plan for a round or a date: reads the plan, its
 * status history and the round's answers, works out the digest's units for
 * the as-of date (and for the previous round's), and builds the sheet model.
 * The CLI export, `/plan export` and the dashboard's download all come here.
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import { buildDigestWithUnits } from '../../domain/digest.ts';
import type { LocalDate, Plan } from '../../domain/plan.ts';
import { DEFAULT_EVALUATION_SCALE, type EvaluationScale, type ReportEntry, type ReportRound } from '../../domain/report-round.ts';
import type { ReminderPolicy } from '../../domain/reminder-policy.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { StatusUpdate } from '../../domain/status-update.ts';
import { buildProgressSheet } from './build-progress-sheet.ts';
import type { ProgressSheet } from './progress-sheet.ts';

/** What the report reads; the rounds are absent where they are not stored (then a date gives no answers). */
export interface ReportSources {
  loadPlan(key: string): Promise<Plan | null>;
  /** Every status update of the plan of `key`, in its own milestone ids. */
  statusesOf(key: string): Promise<StatusUpdate[]>;
  rounds?: {
    byId(id: number): Promise<ReportRound | null>;
    /** Every round of the plan, the latest opened first. */
    list(planId: string): Promise<ReportRound[]>;
  };
  entries?: {
    /** Every entry of the round, oldest first. */
    all(roundId: number): Promise<ReportEntry[]>;
  };
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  timeZone: string;
}

/**
 * Which report: a round (its plan and as-of date), or a plan on a date (the
 * answers of its round of exactly that as-of date, if any), or a plan with
 * neither (its latest round, else `today`).
 */
export interface ReportRequest {
  planKey: string;
  roundId?: number;
  date?: LocalDate;
  today: LocalDate;
}

export type ReportProblem =
  | { code: 'no_plan'; planKey: string }
  | { code: 'unknown_round'; roundId: number }
  | { code: 'round_of_other_plan'; roundId: number; planKey: string; roundPlan: string };

/** The report the request names, or why there is none. */
export async function loadProgressSheet(sources: ReportSources, request: ReportRequest): Promise<Result<ProgressSheet, ReportProblem>> {
  let round: ReportRound | null = null;
  let planKey = request.planKey;
  if (request.roundId !== undefined) {
    round = (await sources.rounds?.byId(request.roundId)) ?? null;
    if (!round) return fail({ code: 'unknown_round', roundId: request.roundId });
    if (request.planKey !== '' && round.planId !== request.planKey) return fail({ code: 'round_of_other_plan', roundId: round.id, planKey: request.planKey, roundPlan: round.planId });
    planKey = round.planId;
  }
  const plan = await sources.loadPlan(planKey);
  if (!plan) return fail({ code: 'no_plan', planKey });
  const rounds = (await sources.rounds?.list(planKey)) ?? [];
  if (!round) round = request.date !== undefined ? (rounds.find((r) => r.asOf === request.date) ?? null) : (rounds[0] ?? null);
  const asOf = round?.asOf ?? request.date ?? request.today;
  const previousRound = [...rounds].filter((r) => r.asOf < asOf).sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : b.id - a.id))[0] ?? null;

  const updates = await sources.statusesOf(planKey);
  const unitsOn = (date: LocalDate) =>
    buildDigestWithUnits({ plan, updates, calendar: sources.calendar, policy: sources.policy, timeZone: sources.timeZone, date, previousDate: null }).units;
  const entries = round ? ((await sources.entries?.all(round.id)) ?? []) : [];
  return ok(
    buildProgressSheet({
      planKey,
      plan,
      asOf,
      units: unitsOn(asOf),
      round,
      scale: scaleOf(round),
      entries,
      previous: previousRound ? { round: previousRound, units: unitsOn(previousRound.asOf) } : null,
      updates,
      calendar: sources.calendar,
      timeZone: sources.timeZone,
    }),
  );
}

/** The round's own scale (kept with the round when it was opened), else the office's usual one. */
export function scaleOf(round: ReportRound | null): EvaluationScale {
  return round?.scale ?? DEFAULT_EVALUATION_SCALE;
}
