/**
 * Posts the weekly digest to the coordinator channel (SPEC §6) through the
 * outbox. The scheduler calls it every day at the digest time and it decides;
 * `/plan digest post` calls it with `manual`.
 *
 * When the scheduled call posts: on a business day from the week's digest
 * day (the schedule's weekday, or the first business day after it in the
 * same ISO week) to the end of that week, at or after the digest time, if
 * the week has no digest yet. Any later day than the digest day, or an hour
 * or more after the time, marks it late: the bot was down when it was due.
 * A bot that has never posted a digest does not post a late one, so a first
 * start in mid-week waits for the next digest day.
 */
import { buildBurnUp } from '../domain/burn-up.ts';
import type { BusinessCalendar } from '../domain/calendar.ts';
import { buildDigest, DEFAULT_PERIOD_DAYS } from '../domain/digest.ts';
import { digestDayOfWeek, type DigestSchedule } from '../domain/digest-schedule.ts';
import type { Directory } from '../domain/directory.ts';
import { isoWeekKey } from '../domain/iso-week.ts';
import { addDays, compareLocalDates } from '../domain/local-date.ts';
import { planPeriodOf } from '../domain/plan-period.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { DigestReportRound } from '../domain/report-round.ts';
import type { ReminderPolicy } from '../domain/reminder-policy.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { wallClock } from '../domain/zoned-time.ts';
import type { Lang } from '../i18n/catalog.ts';
import { narrowToDigestReading, NO_PLAN, readStatusesFor, type DigestProblem, type DigestStatuses } from './build-digest.ts';
import type { DigestOutbox } from './digest-port.ts';
import { digestMessage } from './digest-message.ts';
import { digestCarryOver, type DigestCarryOverDeps } from './list-carry-over.ts';

/** Minutes after the digest time from which a digest on its own day counts as late. */
export const LATE_AFTER_MINUTES = 60;

export interface PostDigestDeps {
  plans: { load(): Promise<Plan | null> };
  statuses: DigestStatuses;
  digests: DigestOutbox;
  /** The coordinator channel is where the digest goes. */
  directory: Directory;
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  timeZone: string;
  /** DIGEST_CRON, read (digestScheduleOf in config.ts). */
  schedule: DigestSchedule;
  lang: Lang;
  /** Put before the outbox keys: '' for the plan stored first, `KEY/` for others (see ReminderTickDeps.keyPrefix). */
  keyPrefix?: string;
  /** The plan's open report round on a date (src/app/report/digest-round.ts); absent where rounds are not wired. */
  reportRound?: (plan: Plan, date: LocalDate) => Promise<DigestReportRound | null>;
  /** Last year's plan of the series, for the section 「前年度からの未完了」 (digestCarryOver). */
  carryOver?: DigestCarryOverDeps;
}

export interface PostDigestOptions {
  /** Posted by a coordinator now, whatever the day (`/plan digest post`). */
  manual?: boolean;
  /**
   * With `manual`: the post becomes the week's digest, in place of the one
   * already posted or instead of the one still to come. Without it a manual
   * post is an extra, and the week's scheduled digest still goes out.
   */
  replace?: boolean;
}

/** Why a scheduled call posted nothing; all are normal. */
export type DigestSkipReason =
  | 'not_business_day'
  /** Before the week's digest day, or after it on a first start (see the file comment), or the week has no business day left. */
  | 'not_digest_day'
  | 'before_digest_time'
  | 'already_posted'
  /** The plan's fiscal year is over: it digests nothing any more (a coordinator may still post one by hand). */
  | 'period_over';

export type PostDigestOutcome =
  | {
      kind: 'enqueued';
      week: string;
      date: LocalDate;
      /** The outbox message's id and key. */
      outboxId: number;
      key: string;
      channel: string;
      late: boolean;
      manual: boolean;
      /** True when it took the place of the week's digest (scheduled posts and `replace`). */
      weekly: boolean;
    }
  | { kind: 'skipped'; week: string; date: LocalDate; reason: DigestSkipReason };

/**
 * Posts the digest of the day of `now` if it is due (see the file comment),
 * or at once with `manual`. The week's record and the outbox message are
 * written in one transaction, so two instances, a restart, or a cron firing
 * during the start-up catch-up post a week's digest once. Fails only without
 * a stored plan.
 */
export async function postDigest(now: Date, deps: PostDigestDeps, options: PostDigestOptions = {}): Promise<Result<PostDigestOutcome, DigestProblem>> {
  const { date: today, time } = wallClock(now, deps.timeZone);
  const week = isoWeekKey(today);
  const manual = options.manual === true;
  // Only a coordinator's post may take the place of a week's digest.
  const replace = manual && options.replace === true;
  const weekly = !manual || replace;
  const skipped = (reason: DigestSkipReason) => ok<PostDigestOutcome>({ kind: 'skipped', week, date: today, reason });

  let digestDay: LocalDate | null = null;
  if (!manual) {
    if (!deps.calendar.isBusinessDay(today)) return skipped('not_business_day');
    digestDay = digestDayOfWeek(today, deps.schedule.weekday, deps.calendar);
    if (digestDay === null || today < digestDay) return skipped('not_digest_day');
    if (time < deps.schedule.time) return skipped('before_digest_time');
    // Most days of a week find its digest posted: answer without loading the plan.
    if (await deps.digests.get(week)) return skipped('already_posted');
  }
  const late = digestDay !== null && (today > digestDay || minutesOf(time) - minutesOf(deps.schedule.time) >= LATE_AFTER_MINUTES);

  const plan = await deps.plans.load();
  if (!plan) return fail(NO_PLAN);
  if (!manual && compareLocalDates(today, planPeriodOf(plan.fiscalYear).end) > 0) return skipped('period_over');
  // Read before the transaction (on SQLite a read inside it on another
  // connection would wait for it). Digests are only ever added, so the
  // previous one found inside is this one or a later one, and the statuses
  // read from this one's date on cover it.
  // From the fiscal year's start at the latest: the chart's burn-up counts the whole year.
  const before = (await deps.digests.latestBefore(week))?.day ?? null;
  const year = await readStatusesFor(today, before, deps, planPeriodOf(plan.fiscalYear).start);
  const burnUp = buildBurnUp({ plan, ...year, calendar: deps.calendar, timeZone: deps.timeZone, date: today });
  // The digest itself replays only its own window's share, as before the chart.
  const statuses = narrowToDigestReading(year, today, before, deps.timeZone);
  const reportRound = (await deps.reportRound?.(plan, today)) ?? null;
  // First digest or not, judged by the digests before this week as the statuses are (a preview judges the same).
  const carryOver = await digestCarryOver(deps.carryOver, plan, today, before);
  const division = deps.directory.coordinator?.division ?? plan.coordinator ?? '';
  // Without a directory the channel is empty: only the terminal can show it (as for unmapped reminders).
  const channel = deps.directory.coordinator?.channel ?? '';

  return deps.digests.digestTransaction(now, async (tx) => {
    const previous = await tx.latestBefore(week);
    if (!manual && previous === null && digestDay !== null && today > digestDay) return skipped('not_digest_day');
    const previousDate = previous?.day ?? addDays(today, -DEFAULT_PERIOD_DAYS);
    if (weekly && !(await tx.claimWeek({ week, day: today, previousDay: previousDate, late, manual }, replace))) {
      return skipped('already_posted');
    }
    const digest = buildDigest({
      plan,
      ...statuses,
      calendar: deps.calendar,
      policy: deps.policy,
      timeZone: deps.timeZone,
      date: today,
      // Null without a previous digest: the digest then says it covers the last week, naming no digest.
      previousDate: previous?.day ?? null,
      directory: deps.directory,
    });
    const body = { ...digestMessage({ ...digest, ...(reportRound && { reportRound }), ...(carryOver && { carryOver }) }, { lang: deps.lang, week, late, manual }), burnUp };
    // The week's digest is keyed by its week; extras get `…|manual`, `…|manual|2`, ….
    const baseKey = `${deps.keyPrefix ?? ''}${weekly ? `digest|${week}` : `digest|${week}|manual`}`;
    const { id, key } = await tx.enqueue({ baseKey, day: today, division, channel, body }, weekly ? week : null);
    return ok<PostDigestOutcome>({ kind: 'enqueued', week, date: today, outboxId: id, key, channel, late, manual, weekly });
  });
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
