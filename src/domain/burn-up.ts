/**
 * The burn-up of a fiscal year (issue 15 §3): month by month, how many units
 * had fallen due and how many were 完了 by the end of that month. It counts
 * the digest's units (digest-units.ts) and, like the digest, leaves 中止 out:
 * cancelled work is neither due nor done. Months that have not begun at the
 * date have a due figure (the plan as it stands) and no done figure.
 */
import type { BusinessCalendar } from './calendar.ts';
import { datedHistory } from './digest-history.ts';
import { trackedUnits, unitState } from './digest-units.ts';
import { addMonths, firstDayOfMonth, toYearMonth } from './local-date.ts';
import type { LocalDate, Plan, YearMonth } from './plan.ts';
import type { GroupLatest } from './status-summary.ts';
import type { StatusUpdate } from './status-update.ts';

export interface BurnUpPoint {
  month: YearMonth;
  /** Units due on or before the month's end (as revised at that time, or now for months to come). */
  due: number;
  /** Units 完了 at the month's end, or at the date for the month it falls in; null for months to come. */
  done: number | null;
}

export interface BurnUpInput {
  plan: Plan;
  /**
   * Every update made from the start of the fiscal year on (with `latest`,
   * the latest per group of the whole history), as DigestInput says.
   */
  updates: readonly StatusUpdate[];
  latest?: readonly GroupLatest[];
  calendar: BusinessCalendar;
  timeZone: string;
  /** The report's date: the plan is read as it stood at the start of this day. */
  date: LocalDate;
}

/** The twelve months of the plan's fiscal year, April to March, with their figures. */
export function buildBurnUp(input: BurnUpInput): BurnUpPoint[] {
  const { plan, calendar, date } = input;
  const history = datedHistory(input.updates, input.timeZone, input.latest);
  const units = trackedUnits(plan);
  const first = toYearMonth(plan.fiscalYear, 4);
  return Array.from({ length: 12 }, (_, i) => {
    const month = addMonths(first, i);
    const nextMonthStart = firstDayOfMonth(addMonths(month, 1));
    const started = firstDayOfMonth(month) <= date;
    // A month that has ended is read at its end; the current one at the date; one to come as the plan now stands.
    const cut = !started || nextMonthStart > date ? date : nextMonthStart;
    const state = history.stateBefore(cut);
    let due = 0;
    let done = 0;
    for (const unit of units) {
      const now = unitState(unit, state, calendar);
      if (now.status === 'cancelled') continue;
      if (now.due !== null && now.due < nextMonthStart) due++;
      if (now.status === 'done') done++;
    }
    return { month, due, done: started ? done : null };
  });
}
