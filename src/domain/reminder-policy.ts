/**
 * The reminder policy (SPEC §4) as a pure function: given the plan, the
 * latest statuses, the settings and a day, which reminders are due to whom.
 */
import { listMilestones, type LocalDate, type Plan, type PlacedMilestone, type YearMonth } from './plan.ts';
import type { BusinessCalendar } from './calendar.ts';
import type { Reminder, ReminderKind } from './reminder.ts';
import { REMINDER_KINDS } from './reminder.ts';
import { checkpointsOf, dueDateOf, fiscalYearMonths } from './schedule.ts';
import { isClosed, type StatusCode } from './status.ts';
import { addDays, compareLocalDates, daysBetween } from './local-date.ts';

export interface ReminderPolicy {
  /** Lead reminders this many calendar days before a due date, moved back to a business day. */
  leadCalendarDays: number[];
  /** Lead reminders this many business days before a due date. */
  leadBusinessDays: number[];
  /** A reminder on the due date itself. */
  dueDay: boolean;
  /** After the first overdue reminder (the next business day), one every this many days. */
  overdueEveryDays: number;
  /** The coordinator is told once a due date is this many business days past. */
  escalateAfterBusinessDays: number;
  /** A kick-off on the first business day of a milestone's start month. */
  kickoff: boolean;
  /** Monthly check-ins for ongoing milestones (from, yearRound, asNeeded, timesPerYear). */
  checkins: boolean;
  /** No lead reminder when the owner reported within this many days. */
  quietDaysAfterReport: number;
}

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  leadCalendarDays: [14, 7],
  leadBusinessDays: [3, 1],
  dueDay: true,
  overdueEveryDays: 7,
  escalateAfterBusinessDays: 5,
  kickoff: true,
  checkins: true,
  quietDaysAfterReport: 3,
});

/** What the policy needs to know of a milestone's (or checkpoint's) history. */
export interface MilestoneState {
  status: StatusCode;
  /** The local date of the latest report on the milestone, any checkpoint. */
  lastReportOn?: LocalDate;
  /** A due month the coordinator revised; reminders follow it. */
  revisedDue?: YearMonth;
}

export type StateLookup = (milestoneId: string, checkpoint: YearMonth | null) => MilestoneState | undefined;

export interface PolicyContext {
  plan: Plan;
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  state: StateLookup;
}

/** The last day (MM-DD, in the calendar year after the fiscal year starts) a plan sends anything. */
const GRACE_END = '04-30';

const ONGOING_KINDS = new Set(['from', 'yearRound', 'asNeeded', 'timesPerYear']);
const KIND_ORDER = new Map(REMINDER_KINDS.map((kind, index) => [kind, index]));

interface Window {
  from: LocalDate;
  to: LocalDate;
}

/** Locale-independent, so that every machine lists reminders in the same order. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Plain string order (ISO dates sort as text): the policy makes these dates
// itself and remindersBetween checks the window's ends once, so checking
// them again on each of ~100,000 calls only costs time.
const inWindow = (date: LocalDate, w: Window) => date >= w.from && date <= w.to;

/** The first month a milestone's work starts in, for its kick-off. */
function startMonth(placed: PlacedMilestone): YearMonth | null {
  const s = placed.milestone.schedule;
  if (s.kind === 'range' || s.kind === 'from') return s.start;
  if (s.kind === 'months') return s.months[0] ?? null;
  return null;
}

/**
 * The dates of a due date's reminders that fall in the window. They depend
 * on the due date, the policy and the calendar only, and a plan has a few
 * dozen distinct due dates for thousands of checkpoints, so one pass of the
 * policy works each out once (see DueDatesCache).
 */
interface DueDates {
  /** Lead reminder days in the window, ascending, each before the due date. */
  leads: LocalDate[];
  dueInWindow: boolean;
  /** The first overdue day (the next business day) and every overdueEveryDays after it, in the window. */
  overdue: LocalDate[];
  /** The escalation day, if it is in the window. */
  escalation: LocalDate | null;
}

type DueDatesCache = Map<LocalDate, DueDates>;

function dueDatesOf(due: LocalDate, ctx: PolicyContext, w: Window, cache: DueDatesCache): DueDates {
  const known = cache.get(due);
  if (known) return known;
  const { calendar, policy } = ctx;
  const leadDates = new Set<LocalDate>([
    ...policy.leadCalendarDays.map((d) => calendar.onOrBefore(addDays(due, -d))),
    ...policy.leadBusinessDays.map((d) => calendar.businessDaysBefore(due, d)),
  ]);
  const dates: DueDates = {
    leads: [...leadDates].filter((date) => date < due && inWindow(date, w)).sort(),
    dueInWindow: policy.dueDay && inWindow(due, w),
    overdue: [],
    escalation: null,
  };
  const firstOverdue = calendar.nextBusinessDay(due);
  if (compareLocalDates(firstOverdue, w.to) <= 0) {
    const overdueDates: LocalDate[] = [firstOverdue];
    if (policy.overdueEveryDays > 0) {
      // Start near the window: a daily tick late in the year need not walk
      // every weekly overdue date since the spring (a date moves back ≤ 10 days).
      const skip = Math.floor((daysBetween(firstOverdue, w.from) - 10) / policy.overdueEveryDays);
      for (let k = Math.max(1, skip); ; k++) {
        const date = calendar.onOrBefore(addDays(firstOverdue, k * policy.overdueEveryDays));
        if (compareLocalDates(date, w.to) > 0) break;
        if (date !== overdueDates[overdueDates.length - 1] && date !== firstOverdue) overdueDates.push(date);
      }
    }
    dates.overdue = overdueDates.filter((date) => inWindow(date, w));
    if (ctx.plan.coordinator && policy.escalateAfterBusinessDays > 0) {
      const escalation = calendar.businessDaysAfter(due, policy.escalateAfterBusinessDays);
      if (inWindow(escalation, w)) dates.escalation = escalation;
    }
  }
  cache.set(due, dates);
  return dates;
}

/** Every due-date reminder of one checkpoint whose date falls in the window. */
function checkpointReminders(
  placed: PlacedMilestone,
  checkpoint: YearMonth | null,
  month: YearMonth,
  ctx: PolicyContext,
  w: Window,
  cache: DueDatesCache,
): Reminder[] {
  const id = placed.milestone.id;
  const state = ctx.state(id, checkpoint);
  if (state && isClosed(state.status)) return [];
  const due = dueDateOf(state?.revisedDue ?? month, ctx.calendar);
  const dates = dueDatesOf(due, ctx, w, cache);
  const out: Reminder[] = [];
  const add = (date: LocalDate, kind: ReminderKind, division: string, owner?: string) =>
    out.push({ date, kind, milestoneId: id, checkpoint, due, division, ...(owner ? { owner } : {}) });

  for (const date of dates.leads) {
    // The owner just reported: a lead reminder now would only nag.
    const last = state?.lastReportOn;
    if (last && daysBetween(last, date) >= 0 && daysBetween(last, date) <= ctx.policy.quietDaysAfterReport) continue;
    for (const owner of placed.owners) add(date, 'lead', owner);
  }
  if (dates.dueInWindow) for (const owner of placed.owners) add(due, 'due', owner);
  for (const date of dates.overdue) for (const owner of placed.owners) add(date, 'overdue', owner);
  if (dates.escalation) add(dates.escalation, 'escalation', ctx.plan.coordinator!, placed.owners.join('、'));
  return out;
}

/** Kick-off and monthly check-ins of one milestone in the window. */
function startAndCheckinReminders(placed: PlacedMilestone, ctx: PolicyContext, w: Window): Reminder[] {
  const { calendar, policy, plan } = ctx;
  const schedule = placed.milestone.schedule;
  const id = placed.milestone.id;
  const out: Reminder[] = [];
  const whole = ctx.state(id, null);
  if (whole && isClosed(whole.status)) return out;

  const start = startMonth(placed);
  let kickoffDay: LocalDate | undefined;
  if (policy.kickoff && start) {
    kickoffDay = calendar.firstBusinessDay(start);
    const checkpoint = schedule.kind === 'months' ? start : null;
    if (inWindow(kickoffDay, w) && !(checkpoint && isClosed(ctx.state(id, checkpoint)?.status ?? 'not_started'))) {
      for (const owner of placed.owners) out.push({ date: kickoffDay, kind: 'kickoff', milestoneId: id, checkpoint, due: null, division: owner });
    }
  }

  if (policy.checkins && ONGOING_KINDS.has(schedule.kind)) {
    for (const month of fiscalYearMonths(plan.fiscalYear)) {
      if (schedule.kind === 'from' && month < schedule.start) continue;
      const date = calendar.firstBusinessDay(month);
      if (!inWindow(date, w) || date === kickoffDay) continue;
      for (const owner of placed.owners) out.push({ date, kind: 'checkin', milestoneId: id, checkpoint: null, due: null, division: owner });
    }
  }
  return out;
}

/**
 * Every reminder due from `from` to `to` (inclusive), in date order, then by
 * division, plan order and kind. Only business days ever carry reminders.
 */
export function remindersBetween(from: LocalDate, to: LocalDate, ctx: PolicyContext): Reminder[] {
  // A plan speaks for its fiscal year: overdue chasing goes on through April
  // of the next year, then stops (the next year's plan takes over).
  const lastDay = `${ctx.plan.fiscalYear + 1}-${GRACE_END}`;
  const w: Window = { from, to: compareLocalDates(to, lastDay) > 0 ? lastDay : to };
  if (compareLocalDates(w.from, w.to) > 0) return [];
  // Only business days carry reminders; a weekend's or a holiday's window
  // (a Monday tick's catch-up) needs no pass over a large plan to find none.
  if (compareLocalDates(ctx.calendar.onOrBefore(w.to), w.from) < 0) return [];
  const order = new Map<string, number>();
  const all: Reminder[] = [];
  const dueDates: DueDatesCache = new Map();
  listMilestones(ctx.plan).forEach((placed, index) => {
    order.set(placed.milestone.id, index);
    for (const cp of checkpointsOf(placed.milestone.schedule, ctx.plan.fiscalYear)) {
      all.push(...checkpointReminders(placed, cp.key, cp.month, ctx, w, dueDates));
    }
    all.push(...startAndCheckinReminders(placed, ctx, w));
  });
  return all
    .filter((r) => ctx.calendar.isBusinessDay(r.date))
    .sort(
      (a, b) =>
        compareLocalDates(a.date, b.date) ||
        byCodePoint(a.division, b.division) ||
        (order.get(a.milestoneId) ?? 0) - (order.get(b.milestoneId) ?? 0) ||
        byCodePoint(a.checkpoint ?? '', b.checkpoint ?? '') ||
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0),
    );
}

/** The reminders due on one day; none on a day that is not a business day. */
export function remindersOn(day: LocalDate, ctx: PolicyContext): Reminder[] {
  if (!ctx.calendar.isBusinessDay(day)) return [];
  return remindersBetween(day, day, ctx);
}
