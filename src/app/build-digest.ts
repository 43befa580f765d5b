/**
 * The digest of a date, without posting it: `/plan digest` (an ephemeral
 * preview), `shinchoku digest`, and the post use case all build it here.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { buildDigest, type Digest } from '../domain/digest.ts';
import type { Directory } from '../domain/directory.ts';
import { isoWeekKey } from '../domain/iso-week.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { ReminderPolicy } from '../domain/reminder-policy.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { StatusUpdate } from '../domain/status-update.ts';
import type { DigestLedger } from './digest-port.ts';

export interface BuildDigestDeps {
  plans: { load(): Promise<Plan | null> };
  statuses: { all(): Promise<StatusUpdate[]> };
  /** Where the previous digest's date comes from. */
  digests: Pick<DigestLedger, 'latestBefore'>;
  /** Lists the divisions without a channel. */
  directory: Directory;
  calendar: BusinessCalendar;
  /** To know which divisions were reminded (the configured policy). */
  policy: ReminderPolicy;
  /** IANA zone of every schedule, e.g. `Asia/Tokyo`. */
  timeZone: string;
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
  const updates = await deps.statuses.all();
  const previous = await deps.digests.latestBefore(isoWeekKey(date));
  return ok(
    buildDigest({
      plan,
      updates,
      calendar: deps.calendar,
      policy: deps.policy,
      timeZone: deps.timeZone,
      date,
      previousDate: previous?.day ?? null,
      directory: deps.directory,
    }),
  );
}
