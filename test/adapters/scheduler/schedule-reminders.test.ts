import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronExpressionFor, startScheduler } from '../../../src/adapters/scheduler/schedule-reminders.ts';
import type { Dispatcher } from '../../../src/app/dispatch-outbox.ts';
import type { TickSummary } from '../../../src/app/run-reminder-tick.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';

function fakeDispatcher() {
  const calls: string[] = [];
  const dispatcher: Dispatcher = {
    runOnce: async () => ({ sent: 0, alreadyDelivered: 0, rateLimited: 0, retrying: 0, failed: 0, notClaimed: 0, errors: 0 }),
    start: () => void calls.push('start'),
    wake: () => void calls.push('wake'),
    stop: async () => void calls.push('stop'),
  };
  return { dispatcher, calls };
}

const summary = (messages: number): TickSummary => ({ today: '2020-07-22', outcome: 'enqueued', messages, reminders: messages, missed: 0, skipped: 0 });

describe('cronExpressionFor', () => {
  it('turns HH:MM into a daily expression node-cron accepts', () => {
    expect(cronExpressionFor('09:30')).toBe('30 9 * * *');
    expect(cronExpressionFor('00:05')).toBe('5 0 * * *');
    expect(cron.validate(cronExpressionFor('23:59'))).toBe(true);
    expect(() => cronExpressionFor('9:30')).toThrow(RangeError);
  });
});

describe('startScheduler', () => {
  it('starts the dispatcher, ticks at once, then at the reminder time every day', async () => {
    const clock = new VirtualClock('2020-07-22T01:00:00.000Z');
    const ticks: Date[] = [];
    const { dispatcher, calls } = fakeDispatcher();
    let scheduled: { expression: string; fire: () => unknown; options: unknown } | undefined;
    const taskCalls: string[] = [];
    const schedule = ((expression: string, fire: () => unknown, options: unknown) => {
      scheduled = { expression, fire, options };
      return { stop: () => void taskCalls.push('stop'), destroy: () => void taskCalls.push('destroy'), getNextRun: () => null };
    }) as unknown as typeof cron.schedule;

    const scheduler = await startScheduler({
      tick: async (now) => {
        ticks.push(now);
        return summary(ticks.length === 1 ? 0 : 3);
      },
      dispatcher,
      clock,
      reminderTime: '09:30',
      timeZone: 'Asia/Tokyo',
      schedule,
    });
    expect(ticks).toEqual([new Date('2020-07-22T01:00:00.000Z')]);
    expect(scheduled).toMatchObject({ expression: '30 9 * * *', options: { timezone: 'Asia/Tokyo', noOverlap: true } });
    expect(calls).toEqual(['start']);

    clock.advance(60_000);
    await scheduled!.fire();
    expect(ticks).toHaveLength(2);
    // New messages wake the dispatcher instead of waiting for its next poll.
    expect(calls).toEqual(['start', 'wake']);

    await scheduler.stop();
    expect(taskCalls).toEqual(['stop', 'destroy']);
    expect(calls).toEqual(['start', 'wake', 'stop']);
  });

  it('reports a failing tick and keeps going', async () => {
    const errors: unknown[] = [];
    const { dispatcher } = fakeDispatcher();
    const scheduler = await startScheduler({
      tick: async () => {
        throw new Error('database is locked');
      },
      dispatcher,
      clock: new VirtualClock('2020-07-22T01:00:00.000Z'),
      reminderTime: '09:30',
      timeZone: 'Asia/Tokyo',
      onError: (error) => errors.push(error),
    });
    expect(errors).toHaveLength(1);
    await scheduler.stop();
  });

  it('with the real node-cron, fires next at 09:30 in Tokyo', async () => {
    const { dispatcher } = fakeDispatcher();
    const scheduler = await startScheduler({
      tick: async () => summary(0),
      dispatcher,
      clock: new VirtualClock('2020-07-22T01:00:00.000Z'),
      reminderTime: '09:30',
      timeZone: 'Asia/Tokyo',
    });
    try {
      const next = scheduler.nextRun();
      expect(next).not.toBeNull();
      const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(next!);
      expect(shown).toBe('09:30:00');
    } finally {
      await scheduler.stop();
    }
  });
});
