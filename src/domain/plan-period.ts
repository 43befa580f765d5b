/**
 * Which plans are live (issues 12 and 13): a plan reminds and digests only
 * within its fiscal year, and the plan a user means when they name none is
 * the one of the current fiscal year.
 */
import { compareLocalDates } from './local-date.ts';
import type { LocalDate } from './plan.ts';
import { fiscalYearOf } from './schedule.ts';

/**
 * The first and last day of a plan's reminder period: its fiscal year, and
 * April of the next, when March's due dates are still owed their overdue
 * notices (as the shell's banner has always said). After it the plan is
 * read-only: no reminder, no scheduled digest.
 */
export interface PlanPeriod {
  start: LocalDate;
  end: LocalDate;
}

/** April 1 of `fiscalYear` to April 30 of the year after. */
export function planPeriodOf(fiscalYear: number): PlanPeriod {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-04-30` };
}

/** The last day of the fiscal year itself: March 31 of the year after. */
export function fiscalYearEndOf(fiscalYear: number): LocalDate {
  return `${fiscalYear + 1}-03-31`;
}

/** True when `day` lies within the plan's reminder period. */
export function isWithinPeriod(day: LocalDate, period: PlanPeriod): boolean {
  return compareLocalDates(day, period.start) >= 0 && compareLocalDates(day, period.end) <= 0;
}

/** What the default choice needs to know of a stored plan. */
export interface PlanHeader {
  key: string;
  fiscalYear: number;
  /** '' for the plan stored first in the database; see db/migrations/20261201000001_plan_keys.ts. */
  prefix: string;
}

/**
 * The plan meant when none is named, on `today`: one of the current fiscal
 * year; else the latest plan of a past year (its history stays readable);
 * else the earliest plan still to come. Among plans of one year, the one
 * stored first, then by key, so a one-plan database always means its plan.
 */
export function chooseDefaultPlan<T extends PlanHeader>(plans: readonly T[], today: LocalDate): T | null {
  if (plans.length === 0) return null;
  const year = fiscalYearOf(today);
  const years = [...new Set(plans.map((p) => p.fiscalYear))];
  const past = years.filter((y) => y <= year);
  const chosenYear = past.length > 0 ? Math.max(...past) : Math.min(...years);
  const candidates = plans.filter((p) => p.fiscalYear === chosenYear);
  return [...candidates].sort((a, b) => (a.prefix === '' ? -1 : b.prefix === '' ? 1 : a.key.localeCompare(b.key)))[0] ?? null;
}

/** A plan key: a letter, then letters, digits or hyphens, at most 32 in all (`gyokaku-2021`). */
export const PLAN_KEY_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/** True for a key a coordinator may choose; keys never contain `/`, which separates them from stored ids. */
export function isValidPlanKey(key: string): boolean {
  return PLAN_KEY_PATTERN.test(key);
}

/** The key a plan gets when the coordinator chooses none: `fy2020`. */
export function defaultPlanKey(fiscalYear: number): string {
  return `fy${fiscalYear}`;
}
