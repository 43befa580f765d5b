/**
 * The open report round as the weekly digest shows it: its dates, how many
 * divisions answered everything, and which still owe answers. Counted with
 * the same functions as `/plan report` (round-progress.ts), from the entries
 * made before the digest's day began (the digest describes the plan at the
 * start of its day).
 */
import type { LocalDate, Plan } from '../../domain/plan.ts';
import type { DigestReportRound, ReportEntry } from '../../domain/report-round.ts';
import { instantAt } from '../../domain/zoned-time.ts';
import type { ReportEntries, ReportRounds } from '../report-ports.ts';
import { roundItemsOf } from './report-scope.ts';
import { divisionProgressOf } from './round-progress.ts';

export interface DigestRoundDeps {
  rounds: Pick<ReportRounds, 'current'>;
  entries: Pick<ReportEntries, 'all'>;
  planKey: string;
  timeZone: string;
}

/** The digest's round line for `plan` on `date`, or null when no round is open. */
export async function digestRoundFor(deps: DigestRoundDeps, plan: Plan, date: LocalDate): Promise<DigestReportRound | null> {
  const round = await deps.rounds.current(deps.planKey);
  if (!round) return null;
  const before = instantAt(date, '00:00', deps.timeZone).toISOString();
  const latest = new Map<string, ReportEntry>();
  for (const entry of await deps.entries.all(round.id)) if (entry.createdAt < before) latest.set(entry.itemId, entry);
  // Items and their owners only: the statuses play no part in who has answered.
  const items = roundItemsOf(plan, new Map());
  const divisions = divisionProgressOf(items, latest);
  const missing = divisions.filter((d) => d.answered < d.items).map((d) => ({ division: d.division, notAnswered: d.items - d.answered, returned: d.returned }));
  return { asOf: round.asOf, deadline: round.deadline, answered: divisions.length - missing.length, total: divisions.length, missing: { total: missing.length, items: missing } };
}
