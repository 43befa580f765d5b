/**
 * Reminders (SPEC §4): what is due to whom on a day. Plain data; the policy
 * that computes them is in reminder-policy.ts.
 */
import type { LocalDate, YearMonth } from './plan.ts';

export type ReminderKind = 'kickoff' | 'lead' | 'due' | 'overdue' | 'escalation' | 'checkin';

export const REMINDER_KINDS: readonly ReminderKind[] = ['kickoff', 'lead', 'due', 'overdue', 'escalation', 'checkin'];

// When a message shows several lines, the most urgent come first (and are
// the ones kept when a chat message must be cut).
const URGENCY: Readonly<Record<ReminderKind, number>> = { escalation: 0, overdue: 1, due: 2, lead: 3, kickoff: 4, checkin: 5 };

/**
 * Lines in order of urgency: escalation, overdue, due, lead, kick-off,
 * check-in; lines of one kind keep their order. Every renderer (Slack, the
 * terminal) shows a reminder message's lines in this order.
 */
export function byUrgency<T extends { kind: ReminderKind }>(lines: readonly T[]): T[] {
  // Array#sort is stable (ES2019), so lines of one kind keep the caller's order.
  return [...lines].sort((a, b) => URGENCY[a.kind] - URGENCY[b.kind]);
}

export interface Reminder {
  /** The business day it is sent on. */
  date: LocalDate;
  kind: ReminderKind;
  milestoneId: string;
  /** The checkpoint month for `months` / `monthly` schedules; null otherwise. */
  checkpoint: YearMonth | null;
  /** The due date it is about; null for check-ins of ongoing milestones. */
  due: LocalDate | null;
  /** Who receives it: the owner division, or the coordinator division for escalations. */
  division: string;
  /** For escalations: the owner division that is overdue. */
  owner?: string;
}

/**
 * The unique key of one reminder: date × milestone × checkpoint × kind ×
 * recipient. The outbox refuses a key it has seen, so nothing is sent twice.
 * The date comes first so that a day's keys sort together: the store's
 * index takes each day's thousands of new keys at its end instead of all
 * over a year of older ones (five times faster on a large plan).
 */
export function reminderKey(r: Pick<Reminder, 'milestoneId' | 'checkpoint' | 'kind' | 'date' | 'division'>): string {
  return [r.date, r.milestoneId, r.checkpoint ?? '', r.kind, r.division].join('|');
}
