/**
 * Carry-over for a new fiscal year's plan (issue 13): last year's plan and
 * what it left open, for the import report and the new plan's first digest.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { findPredecessor, showsCarryOver, unfinishedAtYearEnd, type CarryOver, type DigestCarryOver, type PlanIdentity } from '../domain/carry-over.ts';
import { stateLookupOf } from '../domain/milestone-state.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { GroupLatest } from '../domain/status-summary.ts';

/** The plans of the database, as the carry-over reads them. */
export interface CarryOverPlans {
  list(): Promise<PlanIdentity[]>;
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
 * For the plan `of` (its key when stored, title and fiscal year): last
 * year's plan of its series (findPredecessor) and its milestones still open
 * at its year end (as of `today` if that comes first); null when there is
 * no such plan.
 */
export async function listCarryOver(of: { key: string | null; title: string; fiscalYear: number }, today: LocalDate, deps: CarryOverDeps): Promise<CarryOverReport | null> {
  const last = findPredecessor({ key: of.key ?? '', title: of.title, fiscalYear: of.fiscalYear }, await deps.plans.list());
  return last ? unfinishedOf(last, today, deps) : null;
}

async function unfinishedOf(last: PlanIdentity, today: LocalDate, deps: CarryOverDeps): Promise<CarryOverReport | null> {
  const plan = await deps.plans.loadKey(last.key);
  if (!plan) return null;
  const state = stateLookupOf(await deps.latestOf(last.key), deps.timeZone);
  return { key: last.key, fiscalYear: last.fiscalYear, unfinished: unfinishedAtYearEnd(plan, state, deps.calendar, today) };
}

/** What a plan's digest needs to list last year's leftovers: the carry-over's stores, and the plan's own key. */
export interface DigestCarryOverDeps extends CarryOverDeps {
  key: string;
}

/**
 * The section 「前年度からの未完了」 of the digest of `date` for `plan`, when
 * showsCarryOver says the digest has it (its first, and those until last
 * year's plan turns read-only) and last year left something open; null
 * otherwise. Last year's plan is only loaded when the section is shown.
 */
export async function digestCarryOver(deps: DigestCarryOverDeps | undefined, plan: Plan, date: LocalDate, previousDigest: LocalDate | null): Promise<DigestCarryOver | null> {
  if (!deps) return null;
  const last = findPredecessor({ key: deps.key, title: plan.title, fiscalYear: plan.fiscalYear }, await deps.plans.list());
  if (!last || !showsCarryOver(date, previousDigest, last.fiscalYear)) return null;
  const report = await unfinishedOf(last, date, deps);
  if (!report || report.unfinished.length === 0) return null;
  return { key: report.key, fiscalYear: report.fiscalYear, unfinished: { total: report.unfinished.length, items: report.unfinished } };
}
