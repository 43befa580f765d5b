/**
 * The burn-up of a fiscal year (issue 15 §3): month by month, how many units
 * had fallen due and how many were 完了 by the end of that month. It counts
 * the digest's units (digest-units.ts) and, like the digest, leaves 中止 out:
 * cancelled work is neither due nor done. Months that have not begun at the
 * date have a due figure (the plan as it stands) and no done figure.
 *
 * The history is read as the digest reads it (digest-history.ts: settled
 * groups for the milestones that did not change lately, every update of the
 * ones that did, each day's state as it stood when the day began), but in
 * one pass: the updates in time order, the month ends advancing through
 * them, each unit's contribution to the counts kept and changed only when an
 * update touched its milestone. At 10,000 milestones and a year's 100,000
 * updates that is one replay instead of twelve, and a unit is looked at
 * when it changes instead of once per month.
 */
import type { BusinessCalendar } from './calendar.ts';
import { trackedUnits, type TrackedUnit } from './digest-units.ts';
import { stateLookupOf } from './milestone-state.ts';
import { addMonths, firstDayOfMonth, toYearMonth } from './local-date.ts';
import type { LocalDate, Plan, YearMonth } from './plan.ts';
import { dueDateOf } from './schedule.ts';
import type { GroupLatest } from './status-summary.ts';
import type { StatusCode, StatusUpdate } from './status-update.ts';
import { localDateOf } from './zoned-time.ts';

export interface BurnUpPoint {
  month: YearMonth;
  /** Units due on or before the month's end (as revised at that time, or now for months to come). */
  due: number;
  /** Units 完了 at the month's end, or at the date for the month it falls in; null for months to come. */
  done: number | null;
}

/** What the burn-up reads of an update: its group, status, revision and when it was made. */
export type BurnUpUpdate = Pick<StatusUpdate, 'id' | 'milestoneId' | 'checkpoint' | 'status' | 'revisedDue' | 'createdAt'>;

export interface BurnUpInput {
  plan: Plan;
  /**
   * Every update made from the start of the fiscal year on (with `latest`,
   * the latest per group of the whole history), as DigestInput says.
   */
  updates: readonly BurnUpUpdate[];
  latest?: readonly GroupLatest[];
  calendar: BusinessCalendar;
  timeZone: string;
  /** The report's date: the plan is read as it stood at the start of this day. */
  date: LocalDate;
}

/** The latest update of one group so far, and its latest due-month revision; `seq` is the replay order. */
interface GroupNow {
  seq: number;
  status: StatusCode;
  revised?: { seq: number; due: YearMonth };
}

/** A replayed milestone's groups: the whole milestone's and each checkpoint's. */
interface MilestoneNow {
  whole?: GroupNow;
  byCheckpoint: Map<YearMonth, GroupNow>;
}

const later = <T extends { seq: number }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : b.seq > a.seq ? b : a);

/** The twelve months of the plan's fiscal year, April to March, with their figures. */
export function buildBurnUp(input: BurnUpInput): BurnUpPoint[] {
  const { plan, calendar, date, timeZone } = input;
  const units = trackedUnits(plan);
  const first = toYearMonth(plan.fiscalYear, 4);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i));

  // The replayed history: every update of the milestones that changed lately, by time then id.
  const dated = inTimeOrder(input.updates);
  const replayed = new Map<string, MilestoneNow>();
  for (const update of dated) if (!replayed.has(update.milestoneId)) replayed.set(update.milestoneId, { byCheckpoint: new Map() });
  // The others read the same on every date: their latest groups, as the digest reads them.
  const settled = stateLookupOf((input.latest ?? []).filter((group) => !replayed.has(group.milestoneId)), timeZone);

  // Each unit's contribution: its status, and its due month when it has one and is not cancelled.
  const status: StatusCode[] = [];
  const dueMonth: (YearMonth | null)[] = [];
  const dueCount = new Map<YearMonth, number>();
  let done = 0;
  const unitsOf = new Map<string, number[]>();
  const count = (s: StatusCode, month: YearMonth | null, by: 1 | -1) => {
    if (s === 'cancelled') return;
    if (month !== null) dueCount.set(month, (dueCount.get(month) ?? 0) + by);
    if (s === 'done') done += by;
  };
  const place = (i: number, s: StatusCode, revisedDue: YearMonth | undefined) => {
    const unit = units[i]!;
    const month = unit.month === null ? null : (revisedDue ?? unit.month);
    status[i] = s;
    dueMonth[i] = month;
    count(s, month, 1);
  };
  units.forEach((unit, i) => {
    const id = unit.placed.milestone.id;
    const list = unitsOf.get(id);
    if (list) list.push(i);
    else unitsOf.set(id, [i]);
    const known = replayed.has(id) ? undefined : settled(id, unit.checkpoint);
    place(i, known?.status ?? 'not_started', known?.revisedDue);
  });

  // Replays updates up to the first made on or after the day `cut` (the digest's reading of "before cut"),
  // then moves the units of the milestones they touched.
  let next = 0;
  const advanceTo = (cut: LocalDate) => {
    const touched = new Set<string>();
    for (; next < dated.length; next++) {
      const update = dated[next]!;
      if (!(localDateOf(update.createdAt, timeZone) < cut)) break;
      const milestone = replayed.get(update.milestoneId)!;
      const checkpoint = update.checkpoint ?? null;
      const current = checkpoint === null ? milestone.whole : milestone.byCheckpoint.get(checkpoint);
      const revised = update.revisedDue === undefined ? current?.revised : { seq: next, due: update.revisedDue };
      const now: GroupNow = revised ? { seq: next, status: update.status, revised } : { seq: next, status: update.status };
      if (checkpoint === null) milestone.whole = now;
      else milestone.byCheckpoint.set(checkpoint, now);
      if (unitsOf.has(update.milestoneId)) touched.add(update.milestoneId);
    }
    for (const id of touched) {
      const milestone = replayed.get(id)!;
      for (const i of unitsOf.get(id)!) {
        const unit: TrackedUnit = units[i]!;
        const own = unit.checkpoint === null ? undefined : milestone.byCheckpoint.get(unit.checkpoint);
        count(status[i]!, dueMonth[i]!, -1);
        place(i, later(milestone.whole, own)?.status ?? 'not_started', later(milestone.whole?.revised, own?.revised)?.due);
      }
    }
  };

  const dueDates = new Map<YearMonth, LocalDate>();
  const dueBefore = (day: LocalDate) => {
    let n = 0;
    for (const [month, counted] of dueCount) {
      let due = dueDates.get(month);
      if (due === undefined) dueDates.set(month, (due = dueDateOf(month, calendar)));
      if (due < day) n += counted;
    }
    return n;
  };

  return months.map((month) => {
    const nextMonthStart = firstDayOfMonth(addMonths(month, 1));
    const started = firstDayOfMonth(month) <= date;
    // A month that has ended is read at its end; the current one at the date; one to come as the plan now stands.
    // The cuts never go back (month ends up to the date, then the date), so the replay only moves forward.
    advanceTo(!started || nextMonthStart > date ? date : nextMonthStart);
    return { month, due: dueBefore(nextMonthStart), done: started ? done : null };
  });
}

/** The updates by time then id, as the stores give them: sorted only when they are not already. */
function inTimeOrder(updates: readonly BurnUpUpdate[]): readonly BurnUpUpdate[] {
  const before = (a: BurnUpUpdate, b: BurnUpUpdate) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  for (let i = 1; i < updates.length; i++) {
    if (before(updates[i]!, updates[i - 1]!)) {
      return [...updates].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
    }
  }
  return updates;
}
