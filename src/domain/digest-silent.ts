/**
 * Divisions that have not answered a reminder in the last week (SPEC §6).
 * Updates carry a person, not a division, so an answer is read from the
 * milestones: an update on a milestone counts for every division that owns it.
 */
import type { BusinessCalendar } from './calendar.ts';
import type { DatedHistory } from './digest-history.ts';
import { addDays } from './local-date.ts';
import { listMilestones, planWith, type LocalDate, type Plan } from './plan.ts';
import { remindersBetween, remindersOn, type ReminderPolicy } from './reminder-policy.ts';
import type { Reminder } from './reminder.ts';

/** How many days before the digest's date the digest looks for unanswered reminders. */
export const SILENT_WINDOW_DAYS = 7;

export interface SilentDivision {
  division: string;
  /** Reminders the policy had for it in the window (one per milestone line, escalations excluded). */
  reminders: number;
  /** The day of the first of them. */
  firstRemindedOn: LocalDate;
  /** Its latest update on any of its milestones before the digest's date; null when it never reported. */
  lastReportOn: LocalDate | null;
}

export interface SilentInput {
  plan: Plan;
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  history: DatedHistory;
  date: LocalDate;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A division is silent when
 * 1. the reminder policy had at least one reminder for it on the 7 days before
 *    `date` (`date − 7` … `date − 1`), each day's reminders computed from the
 *    history as it stood when that day began, as the tick that sent them saw
 *    it (escalations do not count: they go to the coordinator about someone
 *    else's milestone), and
 * 2. no update was made on any milestone it owns from the day of the first of
 *    those reminders until `date` began.
 * Listed longest silent first (earliest first reminder), then by the number
 * of reminders, then by name.
 */
export function silentDivisions(input: SilentInput): SilentDivision[] {
  const { plan, calendar, policy, history, date } = input;
  const days: LocalDate[] = [];
  for (let back = SILENT_WINDOW_DAYS; back >= 1; back--) {
    const day = addDays(date, -back);
    if (calendar.isBusinessDay(day)) days.push(day);
  }
  if (days.length === 0) return [];

  // Each day's reminders come from the state at that day's start. Most
  // milestones did not change during the window: their reminders for the
  // whole window come from one pass of the policy (a large plan is
  // expensive to walk); only the changed ones are walked day by day.
  const changed = history.changedBetween(days[0]!, date);
  const reminders: Reminder[] = remindersBetween(days[0]!, days[days.length - 1]!, {
    plan: planWith(plan, (id) => !changed.has(id)),
    calendar,
    policy,
    state: history.stateBefore(date),
  });
  if (changed.size > 0) {
    const changedPlan = planWith(plan, (id) => changed.has(id));
    for (const day of days) reminders.push(...remindersOn(day, { plan: changedPlan, calendar, policy, state: history.stateBefore(day) }));
  }

  const reminded = new Map<string, { reminders: number; firstRemindedOn: LocalDate }>();
  for (const reminder of reminders) {
    // Escalations go to the coordinator about someone else's milestone.
    if (reminder.kind === 'escalation') continue;
    const seen = reminded.get(reminder.division);
    if (!seen) reminded.set(reminder.division, { reminders: 1, firstRemindedOn: reminder.date });
    else {
      seen.reminders++;
      if (reminder.date < seen.firstRemindedOn) seen.firstRemindedOn = reminder.date;
    }
  }
  if (reminded.size === 0) return [];

  const lastReport = new Map<string, LocalDate>();
  for (const placed of listMilestones(plan)) {
    const day = history.lastReportBefore(placed.milestone.id, date);
    if (day === undefined) continue;
    for (const division of placed.owners) {
      const known = lastReport.get(division);
      if (known === undefined || known < day) lastReport.set(division, day);
    }
  }

  const silent: SilentDivision[] = [];
  for (const [division, { reminders, firstRemindedOn }] of reminded) {
    const lastReportOn = lastReport.get(division) ?? null;
    if (lastReportOn === null || lastReportOn < firstRemindedOn) silent.push({ division, reminders, firstRemindedOn, lastReportOn });
  }
  return silent.sort(
    (a, b) => byCodePoint(a.firstRemindedOn, b.firstRemindedOn) || b.reminders - a.reminders || byCodePoint(a.division, b.division),
  );
}
