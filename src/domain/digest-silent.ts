/**
 * Divisions that have not answered a reminder in the last week (SPEC §6).
 * Updates carry a person, not a division, so an answer is read from the
 * milestones: an update on a milestone counts for every division that owns it.
 */
import type { BusinessCalendar } from './calendar.ts';
import type { DatedHistory } from './digest-history.ts';
import { addDays } from './local-date.ts';
import { listMilestones, type LocalDate, type Plan } from './plan.ts';
import { remindersOn, type ReminderPolicy } from './reminder-policy.ts';

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
  const reminded = new Map<string, { reminders: number; firstRemindedOn: LocalDate }>();
  for (let back = SILENT_WINDOW_DAYS; back >= 1; back--) {
    const day = addDays(date, -back);
    if (!calendar.isBusinessDay(day)) continue;
    for (const reminder of remindersOn(day, { plan, calendar, policy, state: history.stateBefore(day) })) {
      if (reminder.kind === 'escalation') continue;
      const seen = reminded.get(reminder.division);
      if (seen) seen.reminders++;
      else reminded.set(reminder.division, { reminders: 1, firstRemindedOn: day });
    }
  }
  if (reminded.size === 0) return [];

  const owners = new Map(listMilestones(plan).map((placed) => [placed.milestone.id, placed.owners]));
  const lastReport = new Map<string, LocalDate>();
  // Oldest first, so the last day written per division is its latest.
  for (const { update, day } of history.before(date)) {
    for (const division of owners.get(update.milestoneId) ?? []) lastReport.set(division, day);
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
