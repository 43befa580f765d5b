/**
 * Carry-over (issue 13): what last year's plan left open at its year end, so
 * that nothing unfinished vanishes when the next year's plan arrives.
 */
import type { BusinessCalendar } from './calendar.ts';
import { compareLocalDates } from './local-date.ts';
import { compactText } from './compact-text.ts';
import { fiscalYearEndOf, planPeriodOf } from './plan-period.ts';
import type { LocalDate, Plan } from './plan.ts';
import { planProgress } from './progress.ts';
import type { StateLookup } from './reminder-policy.ts';
import type { StatusCode } from './status.ts';

/** One unfinished milestone of last year. */
export interface CarryOver {
  id: string;
  title: string;
  owners: string[];
  status: StatusCode;
  /** Its earliest open due date, when it has one. */
  due: LocalDate | null;
}

/**
 * The milestones of `plan` still open on the last day of its fiscal year
 * (or on `today`, if that comes first): 遅延 and 注意 whatever their date,
 * 未着手 once past due. Plan order.
 */
export function unfinishedAtYearEnd(plan: Plan, state: StateLookup, calendar: BusinessCalendar, today: LocalDate): CarryOver[] {
  const end = fiscalYearEndOf(plan.fiscalYear);
  const asOf = compareLocalDates(today, end) < 0 ? today : end;
  return planProgress(plan, state, calendar, asOf)
    .filter((p) => p.open && (p.status === 'delayed' || p.status === 'at_risk' || (p.status === 'not_started' && p.daysOverdue !== null)))
    .map((p) => ({ id: p.placed.milestone.id, title: p.placed.milestone.title, owners: p.placed.owners, status: p.status, due: p.nextDue }));
}

/** What choosing last year's plan needs to know of a stored plan. */
export interface PlanIdentity {
  key: string;
  title: string;
  fiscalYear: number;
}

/** A title without the fiscal year it names: 「令和2年度 第三次…年次計画」 and 「令和3年度 第三次…年次計画」 are one series. */
function seriesOfTitle(title: string): string {
  return compactText(title).replace(/(?:令和|平成)(?:元|\d{1,2})年度|\d{4}年度|fy\d{4}/giu, '');
}

/** A key without its trailing year: `gyokaku-2021` → `gyokaku-`; the default `fy2021` names no series. */
function seriesOfKey(key: string): string | null {
  const stem = key.replace(/\d{4}$/u, '');
  return stem === key || stem === 'fy' ? null : stem;
}

/**
 * Last year's plan of `plan`'s series among `stored` (issue 13): the latest
 * earlier fiscal year's plan with the same title once its year is left out
 * (「令和2年度 …」 → 「令和3年度 …」), else with the same key stem
 * (`gyokaku-2020` → `gyokaku-2021`), else, when `plan` is the only plan of
 * its year, the only plan of the latest earlier year. Null when none is
 * plainly the one: with several plans a year and no match, guessing would
 * show one series another's leftovers.
 */
export function findPredecessor<T extends PlanIdentity>(plan: PlanIdentity, stored: readonly T[]): T | null {
  const earlier = stored.filter((p) => p.fiscalYear < plan.fiscalYear && p.key !== plan.key);
  const latest = (list: T[]) => [...list].sort((a, b) => b.fiscalYear - a.fiscalYear || a.key.localeCompare(b.key))[0] ?? null;
  const title = seriesOfTitle(plan.title);
  const byTitle = earlier.filter((p) => seriesOfTitle(p.title) === title);
  if (byTitle.length > 0) return latest(byTitle);
  const stem = seriesOfKey(plan.key);
  const byKey = stem === null ? [] : earlier.filter((p) => seriesOfKey(p.key) === stem);
  if (byKey.length > 0) return latest(byKey);
  // One plan a year, on both sides: the sequence is plain even under a new title.
  if (stored.some((p) => p.fiscalYear === plan.fiscalYear && p.key !== plan.key)) return null;
  const year = Math.max(...earlier.map((p) => p.fiscalYear));
  const ofYear = earlier.filter((p) => p.fiscalYear === year);
  return ofYear.length === 1 ? ofYear[0]! : null;
}

/** The digest's section 「前年度からの未完了」: last year's plan and what it left open. */
export interface DigestCarryOver {
  key: string;
  fiscalYear: number;
  /** Cut for a message like every digest list (capDigest); `total` is the real count. */
  unfinished: { total: number; items: CarryOver[] };
}

/**
 * Whether the digest of `date` lists last year's unfinished milestones: in
 * the plan's first digest (none recorded before it), whenever that is, and
 * in every digest while last year's plan is still in its period (to April
 * 30: its March overdue notices still go out, so the list shrinks as they
 * are closed). After that last year's plan is read-only, the list can no
 * longer change, and `/plan status overdue --year YYYY` keeps it at hand.
 */
export function showsCarryOver(date: LocalDate, previousDigest: LocalDate | null, predecessorYear: number): boolean {
  return previousDigest === null || compareLocalDates(date, planPeriodOf(predecessorYear).end) <= 0;
}
