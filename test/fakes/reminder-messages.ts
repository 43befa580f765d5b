/**
 * Reminder messages for renderer and notifier tests: plausible lines from the
 * FY2020 plan, and a builder for long or hostile ones.
 */
import type { OutboxMessageBody, ReminderLine, ReminderMessage } from '../../src/app/ports.ts';

export function reminderLine(overrides: Partial<ReminderLine> = {}): ReminderLine {
  return {
    kind: 'lead',
    milestoneId: '1-1-2',
    title: '次長級職員を対象とした指導力向上研修のプログラムの検討、実施',
    checkpoint: null,
    due: '2020-07-31',
    status: 'not_started',
    ...overrides,
  };
}

export function reminderMessage(overrides: Partial<ReminderMessage> = {}): ReminderMessage {
  return {
    type: 'reminders',
    lang: 'ja',
    day: '2020-07-22',
    division: '総務部人事課',
    unmapped: false,
    missed: false,
    lines: [reminderLine()],
    ...overrides,
  };
}

/** `count` distinct lead lines, ids 1-1-1 … */
export function manyLines(count: number): ReminderLine[] {
  return Array.from({ length: count }, (_, i) => reminderLine({ milestoneId: `${Math.floor(i / 100) + 1}-${Math.floor(i / 10) % 10}-${i % 10}`, title: `取組 ${i}` }));
}

/** The entries that carry reminders, typed as such: the outbox carries digests too. */
export function reminderEntries<E extends { body: OutboxMessageBody }>(entries: readonly E[]): (E & { body: ReminderMessage })[] {
  return entries.filter((entry): entry is E & { body: ReminderMessage } => entry.body.type === 'reminders');
}
