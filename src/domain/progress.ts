/**
 * Where each milestone stands on a given day: its checkpoints with their due
 * dates (revised ones included), their statuses, and how far past due the
 * open ones are. The one reading of "status" and "overdue" that every
 * listing, the App Home and the plan summary share.
 */
import type { BusinessCalendar } from './calendar.ts';
import { compareLocalDates } from './local-date.ts';
import { listMilestones, type LocalDate, type PlacedMilestone, type Plan, type YearMonth } from './plan.ts';
import type { StateLookup } from './reminder-policy.ts';
import { checkpointsOf, dueDateOf } from './schedule.ts';
import { isClosed, type StatusCode } from './status.ts';

export interface CheckpointProgress {
  /** The month for `months` and `monthly` schedules; null for a milestone's single checkpoint. */
  key: YearMonth | null;
  /** The month the due date falls in: the revised one when there is one. */
  month: YearMonth;
  due: LocalDate;
  /** True when a coordinator moved the due month. */
  revised: boolean;
  status: StatusCode;
  /** Business days from the due date to today when open and past due (0 on a holiday right after it); null otherwise. */
  daysOverdue: number | null;
}

export interface MilestoneProgress {
  placed: PlacedMilestone;
  /** The headline status: of the current checkpoint, else (all closed) of the last one, else of the milestone as a whole. */
  status: StatusCode;
  /**
   * The checkpoint the owner is being asked about: the open one due first
   * (the earliest that is due and open, else the next one due). Buttons and
   * updates that name no month report on it.
   */
  current: CheckpointProgress | null;
  checkpoints: CheckpointProgress[];
  /** False once done or cancelled (every checkpoint, for schedules that have several). */
  open: boolean;
  /** The earliest due date among open checkpoints. */
  nextDue: LocalDate | null;
  /**
   * The due date the headline is about: the current checkpoint's, else (all
   * closed) the last one's, so a done milestone still shows when it was due.
   * Null only for milestones without a due date.
   */
  due: LocalDate | null;
  /** The most business days any open checkpoint is past due; null when none is. */
  daysOverdue: number | null;
}

/** Every milestone of the plan with its progress on `today`, in plan order. */
export function planProgress(plan: Plan, state: StateLookup, calendar: BusinessCalendar, today: LocalDate): MilestoneProgress[] {
  return listMilestones(plan).map((placed) => milestoneProgress(placed, plan.fiscalYear, state, calendar, today));
}

/** One milestone's progress on `today`. */
export function milestoneProgress(
  placed: PlacedMilestone,
  fiscalYear: number,
  state: StateLookup,
  calendar: BusinessCalendar,
  today: LocalDate,
): MilestoneProgress {
  const id = placed.milestone.id;
  const checkpoints = checkpointsOf(placed.milestone.schedule, fiscalYear).map((cp): CheckpointProgress => {
    const current = state(id, cp.key);
    const month = current?.revisedDue ?? cp.month;
    const due = dueDateOf(month, calendar);
    const status = current?.status ?? 'not_started';
    const late = !isClosed(status) && compareLocalDates(due, today) < 0;
    return { key: cp.key, month, due, revised: month !== cp.month, status, daysOverdue: late ? calendar.countBusinessDaysBetween(due, today) : null };
  });
  const open = checkpoints.filter((cp) => !isClosed(cp.status));
  const whole = state(id, null)?.status ?? 'not_started';
  // Due order, not schedule order: a revised due month can move a checkpoint ahead of an earlier one.
  const current = open.reduce<CheckpointProgress | null>((first, cp) => (first === null || cp.due < first.due ? cp : first), null);
  const status = current?.status ?? checkpoints[checkpoints.length - 1]?.status ?? whole;
  const overdue = open.map((cp) => cp.daysOverdue).filter((d): d is number => d !== null);
  return {
    placed,
    status,
    current,
    checkpoints,
    open: checkpoints.length > 0 ? open.length > 0 : !isClosed(whole),
    nextDue: open.map((cp) => cp.due).sort()[0] ?? null,
    due: (current ?? checkpoints[checkpoints.length - 1])?.due ?? null,
    daysOverdue: overdue.length > 0 ? Math.max(...overdue) : null,
  };
}

/**
 * The checkpoint an update that names no month is about (issue 12): the one
 * the owner is being asked about, or, once every checkpoint is closed, the
 * last one, whose status the milestone's headline shows. Null for a
 * milestone with no checkpoint keyed by month (one due date, or none).
 */
export function checkpointAskedAbout(progress: MilestoneProgress): CheckpointProgress | null {
  const keyed = progress.checkpoints.filter((cp) => cp.key !== null);
  if (keyed.length === 0) return null;
  return progress.current ?? keyed[keyed.length - 1]!;
}

/**
 * The open checkpoint coming due between `from` and `until` (inclusive),
 * earliest first; null when none is. An older checkpoint still overdue does
 * not count: that one belongs to the overdue list.
 */
export function checkpointComingDue(progress: MilestoneProgress, from: LocalDate, until: LocalDate): CheckpointProgress | null {
  const coming = progress.checkpoints.filter((cp) => !isClosed(cp.status) && cp.due >= from && cp.due <= until);
  return coming.reduce<CheckpointProgress | null>((first, cp) => (first === null || cp.due < first.due ? cp : first), null);
}

/**
 * The milestone as a line about one of its checkpoints: its status, due
 * date and lateness are that checkpoint's. A list of what is coming due
 * shows the month coming due, not an earlier one that is overdue.
 */
export function progressAt(progress: MilestoneProgress, checkpoint: CheckpointProgress): MilestoneProgress {
  return {
    ...progress,
    status: checkpoint.status,
    current: checkpoint,
    open: !isClosed(checkpoint.status),
    nextDue: checkpoint.due,
    due: checkpoint.due,
    daysOverdue: checkpoint.daysOverdue,
  };
}

/**
 * Soonest due first, the way a to-do list reads: open before closed, the
 * most overdue first, then by due date, milestones without a due date last;
 * plan order breaks ties.
 */
export function bySoonestDue(a: MilestoneProgress, b: MilestoneProgress): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  const lateA = a.daysOverdue ?? -1;
  const lateB = b.daysOverdue ?? -1;
  if (lateA !== lateB) return lateB - lateA;
  if (a.nextDue !== b.nextDue) {
    if (a.nextDue === null) return 1;
    if (b.nextDue === null) return -1;
    return a.nextDue < b.nextDue ? -1 : 1;
  }
  return 0;
}
