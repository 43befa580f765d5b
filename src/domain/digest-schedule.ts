/**
 * When the weekly digest goes out (SPEC §6): on a day of the week at a time
 * (DIGEST_CRON, `0 9 * * 1` = Mondays 09:00), moved to the first business day
 * after it in the same ISO week when that day is not one.
 */
import type { BusinessCalendar } from './calendar.ts';
import { addDays } from './local-date.ts';
import { startOfIsoWeek } from './iso-week.ts';
import type { LocalDate } from './plan.ts';
import { fail, ok, type Problem, type Result } from './result.ts';

export interface DigestSchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, 24-hour, in the plan's time zone. */
  time: string;
}

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * Reads DIGEST_CRON. Only the shape a weekly digest needs is accepted:
 * `MINUTE HOUR * * WEEKDAY` with single numbers, the weekday 0–7 (0 and 7 are
 * Sunday) or MON…SUN. The bot does not run the expression as such: it wakes
 * daily at that time and posts on the first business day from that weekday,
 * which a cron expression cannot say.
 */
export function parseDigestCron(expression: string): Result<DigestSchedule, Problem> {
  const bad = (why: string) =>
    fail({ code: 'bad_digest_cron', message: `"${expression}" ${why}; write MINUTE HOUR * * WEEKDAY, e.g. 0 9 * * 1 (Mondays 09:00)` });
  const fields = expression.trim().split(/\s+/u);
  if (fields.length !== 5) return bad('must have 5 fields');
  const [minute = '', hour = '', dayOfMonth, month, weekday = ''] = fields;
  if (!/^\d{1,2}$/u.test(minute) || Number(minute) > 59) return bad('must name one minute (0–59)');
  if (!/^\d{1,2}$/u.test(hour) || Number(hour) > 23) return bad('must name one hour (0–23)');
  if (dayOfMonth !== '*' || month !== '*') return bad('must have * as day of month and month');
  const named = DAY_NAMES.indexOf(weekday.toUpperCase());
  const day = named >= 0 ? named : /^[0-7]$/u.test(weekday) ? Number(weekday) : null;
  if (day === null) return bad('must name one day of the week (0–7 or MON…SUN)');
  return ok({ weekday: day === 0 ? 7 : day, time: `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` });
}

/**
 * The day the digest of `date`'s ISO week goes out: the first business day
 * on or after the schedule's weekday, within that week. Null when the rest of
 * the week has no business day (the week then has no scheduled digest).
 */
export function digestDayOfWeek(date: LocalDate, weekday: number, calendar: BusinessCalendar): LocalDate | null {
  const monday = startOfIsoWeek(date);
  for (let offset = weekday - 1; offset < 7; offset++) {
    const day = addDays(monday, offset);
    if (calendar.isBusinessDay(day)) return day;
  }
  return null;
}

