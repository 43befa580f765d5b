/**
 * Carry-over (issue 13): what last year's plan left open at its year end, so
 * that nothing unfinished vanishes when the next year's plan arrives.
 */
import type { BusinessCalendar } from './calendar.ts';
import { compareLocalDates } from './local-date.ts';
import { fiscalYearEndOf } from './plan-period.ts';
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
