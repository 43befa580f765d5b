/**
 * Carry-over for a new fiscal year's plan (issue 13): last year's plan and
 * what it left open, for the import report and the new plan's first digest.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { unfinishedAtYearEnd, type CarryOver } from '../domain/carry-over.ts';
import { stateLookupOf } from '../domain/milestone-state.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { GroupLatest } from '../domain/status-summary.ts';

/** The plans of the database, as the carry-over reads them. */
export interface CarryOverPlans {
  list(): Promise<{ key: string; fiscalYear: number }[]>;
  loadKey(key: string): Promise<Plan | null>;
}

export interface CarryOverDeps {
  plans: CarryOverPlans;
  /** The latest statuses of the plan stored under `key`. */
  latestOf(key: string): Promise<GroupLatest[]>;
  calendar: BusinessCalendar;
  timeZone: string;
}

export interface CarryOverReport {
  /** Last year's plan. */
  key: string;
  fiscalYear: number;
  unfinished: CarryOver[];
}

/**
 * For a plan of `fiscalYear`: the latest stored plan of an earlier fiscal
 * year and its milestones still open at its year end (as of `today` if
 * that comes first); null when there is no earlier plan.
 */
export async function listCarryOver(fiscalYear: number, today: LocalDate, deps: CarryOverDeps): Promise<CarryOverReport | null> {
  const earlier = (await deps.plans.list()).filter((p) => p.fiscalYear < fiscalYear);
  const last = earlier.sort((a, b) => b.fiscalYear - a.fiscalYear || a.key.localeCompare(b.key))[0];
  if (!last) return null;
  const plan = await deps.plans.loadKey(last.key);
  if (!plan) return null;
  const state = stateLookupOf(await deps.latestOf(last.key), deps.timeZone);
  return { key: last.key, fiscalYear: last.fiscalYear, unfinished: unfinishedAtYearEnd(plan, state, deps.calendar, today) };
}
