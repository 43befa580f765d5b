/**
 * Turns a reminder into the line a message shows: the milestone's title, its
 * latest status, and how late it is.
 */
import type { LocalDate } from '../domain/plan.ts';
import { listMilestones } from '../domain/plan.ts';
import type { PolicyContext } from '../domain/reminder-policy.ts';
import type { Reminder } from '../domain/reminder.ts';
import type { ReminderLine } from './ports.ts';

/** The line for a reminder; `missed` when it goes out late, in a catch-up message. */
export type LineBuilder = (r: Reminder, missed: boolean) => ReminderLine;

/**
 * A line builder for messages sent on `today`. A missed reminder's line
 * carries the day it was due to be sent (`originalDate`), and its overdue
 * count runs to today, the day its reader sees it.
 */
export function reminderLineBuilder(today: LocalDate, ctx: PolicyContext): LineBuilder {
  const titles = new Map(listMilestones(ctx.plan).map((placed) => [placed.milestone.id, placed.milestone.title]));
  return (r, missed) => {
    const late = r.kind === 'overdue' || r.kind === 'escalation';
    return {
      kind: r.kind,
      milestoneId: r.milestoneId,
      title: titles.get(r.milestoneId) ?? r.milestoneId,
      checkpoint: r.checkpoint,
      due: r.due,
      status: ctx.state(r.milestoneId, r.checkpoint)?.status ?? 'not_started',
      ...(late && r.due !== null && { daysOverdue: ctx.calendar.countBusinessDaysBetween(r.due, missed ? today : r.date) }),
      ...(r.owner !== undefined && { owner: r.owner }),
      ...(missed && { originalDate: r.date }),
    };
  };
}
