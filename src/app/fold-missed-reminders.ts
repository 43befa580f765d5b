/**
 * Folds the reminders a stopped bot missed (SPEC §4): one line per topic
 * instead of a replay of every day, and none for what today's message says anyway.
 */
import { reminderKey, type Reminder } from '../domain/reminder.ts';

/** What a reminder is about, for one recipient: a later reminder on the same topic supersedes an earlier one. */
export function topicOf(r: Reminder): string {
  return [r.division, r.milestoneId, r.checkpoint ?? '', r.owner ?? ''].join('|');
}

/** The reminder a line shows, and the keys of every reminder the line stands for. */
export interface Folded {
  reminder: Reminder;
  keys: string[];
}

/**
 * Today's reminders each get a line. Missed reminders fold into one line per
 * topic showing the latest of them (an overdue notice makes the lead
 * reminders before it moot), or into today's line when today has one on the
 * same topic. Every key stays accounted for by some line, so no folded
 * reminder is ever enqueued again. `keyOf` lets a caller that has the keys
 * already pass them in.
 */
export function foldMissedReminders(
  todays: Reminder[],
  missed: Reminder[],
  keyOf: (r: Reminder) => string = reminderKey,
): { today: Folded[]; missed: Folded[] } {
  const today = todays.map((reminder) => ({ reminder, keys: [keyOf(reminder)] }));
  // The usual day: nothing missed, nothing to fold.
  if (missed.length === 0) return { today, missed: [] };
  const todayByTopic = new Map<string, Folded>();
  for (const entry of today) if (!todayByTopic.has(topicOf(entry.reminder))) todayByTopic.set(topicOf(entry.reminder), entry);
  const folded = new Map<string, Folded>();
  // `missed` is in date order, so the last reminder seen on a topic is its latest.
  for (const reminder of missed) {
    const topic = topicOf(reminder);
    const covered = todayByTopic.get(topic);
    if (covered) {
      covered.keys.push(keyOf(reminder));
      continue;
    }
    const entry = folded.get(topic);
    if (entry) {
      entry.keys.push(keyOf(reminder));
      entry.reminder = reminder;
    } else {
      folded.set(topic, { reminder, keys: [keyOf(reminder)] });
    }
  }
  return { today, missed: [...folded.values()] };
}
