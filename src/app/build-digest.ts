/**
 * The digest of a date, without posting it: `/plan digest` (an ephemeral
 * preview), `shinchoku digest`, and the post use case all build it here.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { buildDigest, digestReadsFrom, type Digest } from '../domain/digest.ts';
import type { Directory } from '../domain/directory.ts';
import { isoWeekKey } from '../domain/iso-week.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { ReminderPolicy } from '../domain/reminder-policy.ts';
import type { DigestReportRound } from '../domain/report-round.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { GroupLatest } from '../domain/status-summary.ts';
import type { StatusUpdate } from '../domain/status-update.ts';
import { instantAt } from '../domain/zoned-time.ts';
import type { DigestLedger } from './digest-port.ts';
import { digestCarryOver, type DigestCarryOverDeps } from './list-carry-over.ts';

export interface BuildDigestDeps {
  plans: { load(): Promise<Plan | null> };
  statuses: DigestStatuses;
  /** Where the previous digest's date comes from. */
  digests: Pick<DigestLedger, 'latestBefore'>;
  /** Lists the divisions without a channel. */
  directory: Directory;
  calendar: BusinessCalendar;
  /** To know which divisions were reminded (the configured policy). */
  policy: ReminderPolicy;
  /** IANA zone of every schedule, e.g. `Asia/Tokyo`. */
  timeZone: string;
  /** The plan's open report round on a date (src/app/report/digest-round.ts); absent where rounds are not wired. */
  reportRound?: (plan: Plan, date: LocalDate) => Promise<DigestReportRound | null>;
  /** Last year's plan of the series, for the section 「前年度からの未完了」 (digestCarryOver); absent where several plans are not wired. */
  carryOver?: DigestCarryOverDeps;
}

/** What the digest reads of the status history (StatusStore). */
export interface DigestStatuses {
  latest(): Promise<GroupLatest[]>;
  touchedSince(since: string): Promise<StatusUpdate[]>;
}

/**
 * The part of the status history the digest of `date` needs (DigestInput):
 * the latest per group, and every update of the milestones that changed
 * since the earliest day it reads (or `alsoFrom`, when earlier: DigestInput
 * takes a longer history as well). Read in this order, so that an update
 * appended in between is in the second part (a group in both is replayed).
 */
export async function readStatusesFor(
  date: LocalDate,
  previousDate: LocalDate | null,
  deps: { statuses: DigestStatuses; timeZone: string },
  /** An earlier day to read from as well, for a figure that looks further back (the burn-up: the fiscal year's start). */
  alsoFrom?: LocalDate,
): Promise<{ latest: GroupLatest[]; updates: StatusUpdate[] }> {
  const latest = await deps.statuses.latest();
  const own = digestReadsFrom(date, previousDate);
  const from = alsoFrom !== undefined && alsoFrom < own ? alsoFrom : own;
  const updates = await deps.statuses.touchedSince(instantAt(from, '00:00', deps.timeZone).toISOString());
  return { latest, updates };
}

/**
 * What readStatusesFor(date, previousDate) would have read, taken out of a
 * longer reading (one with `alsoFrom`): the updates of the milestones
 * changed since the digest's own first day, as the store's touchedSince
 * selects them. The digest model replays every update it is given, so a
 * year's history would cost it several times its own window's.
 */
export function narrowToDigestReading(
  statuses: { latest: GroupLatest[]; updates: StatusUpdate[] },
  date: LocalDate,
  previousDate: LocalDate | null,
  timeZone: string,
): { latest: GroupLatest[]; updates: StatusUpdate[] } {
  const since = instantAt(digestReadsFrom(date, previousDate), '00:00', timeZone).toISOString();
  const touched = new Set(statuses.updates.filter((u) => u.createdAt >= since).map((u) => u.milestoneId));
  return { latest: statuses.latest, updates: statuses.updates.filter((u) => touched.has(u.milestoneId)) };
}

export type DigestProblem = { code: 'no_plan'; message: string };

export const NO_PLAN: DigestProblem = Object.freeze({ code: 'no_plan', message: 'no plan is stored yet; import one with shinchoku import FILE' });

/**
 * The digest of `date` with the whole lists (domain/digest.ts has every
 * definition). "Since the previous digest" starts at the latest digest
 * recorded for an earlier ISO week, so a preview shows what that week's
 * digest says or would say; with none recorded, 7 days before `date`.
 */
export async function buildDigestFor(date: LocalDate, deps: BuildDigestDeps): Promise<Result<Digest, DigestProblem>> {
  const plan = await deps.plans.load();
  if (!plan) return fail(NO_PLAN);
  const previous = await deps.digests.latestBefore(isoWeekKey(date));
  const reportRound = (await deps.reportRound?.(plan, date)) ?? null;
  const carryOver = await digestCarryOver(deps.carryOver, plan, date, previous?.day ?? null);
  const digest = buildDigest({
    plan,
    ...(await readStatusesFor(date, previous?.day ?? null, deps)),
    calendar: deps.calendar,
    policy: deps.policy,
    timeZone: deps.timeZone,
    date,
    previousDate: previous?.day ?? null,
    directory: deps.directory,
  });
  return ok({ ...digest, ...(reportRound && { reportRound }), ...(carryOver && { carryOver }) });
}
