/**
 * What the digest counts (SPEC §6): one unit per milestone, except that a
 * `months` or `monthly` milestone counts once per checkpoint month, since each
 * checkpoint is reported and reminded on its own.
 */
import type { BusinessCalendar } from './calendar.ts';
import { listMilestones, type LocalDate, type PlacedMilestone, type Plan, type YearMonth } from './plan.ts';
import type { StateLookup } from './reminder-policy.ts';
import { checkpointsOf, dueDateOf } from './schedule.ts';
import { isClosed, type StatusCode } from './status.ts';

/** A milestone, or one checkpoint of it, in plan order. */
export interface TrackedUnit {
  placed: PlacedMilestone;
  /** The checkpoint month for `months` and `monthly` schedules, else null. */
  checkpoint: YearMonth | null;
  /** The month the plan makes it due in; null for ongoing milestones (`from`, `asNeeded`, unscheduled). */
  month: YearMonth | null;
}

/** A unit as it stood at one moment. */
export interface UnitState {
  status: StatusCode;
  /** The last business day of its due month (as revised, if it was); null when it has none. */
  due: LocalDate | null;
}

/**
 * Every unit of the plan in document order, a milestone's checkpoints in
 * month order. Milestones without a due date count as one unit each, so that
 * ongoing work shows in the counts by status too.
 */
export function trackedUnits(plan: Plan): TrackedUnit[] {
  return listMilestones(plan).flatMap((placed): TrackedUnit[] => {
    const checkpoints = checkpointsOf(placed.milestone.schedule, plan.fiscalYear);
    if (checkpoints.length === 0) return [{ placed, checkpoint: null, month: null }];
    return checkpoints.map((cp) => ({ placed, checkpoint: cp.key, month: cp.month }));
  });
}

/**
 * A unit's status and due date under `state`: its latest status (未着手 when
 * never reported) and the due month's last business day, following a
 * revised due month exactly as the reminders do.
 */
export function unitState(unit: TrackedUnit, state: StateLookup, calendar: BusinessCalendar): UnitState {
  const known = state(unit.placed.milestone.id, unit.checkpoint);
  const month = unit.month === null ? null : (known?.revisedDue ?? unit.month);
  return { status: known?.status ?? 'not_started', due: month === null ? null : dueDateOf(month, calendar) };
}

/** True when the unit is past due at the start of `date`: due before it and neither done nor cancelled. */
export function isOverdue(state: UnitState, date: LocalDate): boolean {
  return state.due !== null && state.due < date && !isClosed(state.status);
}
