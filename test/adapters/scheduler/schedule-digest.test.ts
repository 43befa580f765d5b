import type cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { startDigestScheduler } from '../../../src/adapters/scheduler/schedule-digest.ts';
import type { PostDigestOutcome } from '../../../src/app/post-digest.ts';
import { ok } from '../../../src/domain/result.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';

const enqueued: PostDigestOutcome = { kind: 'enqueued', week: '2020-W37', date: '2020-09-07', outboxId: 1, key: 'digest|2020-W37', channel: 'C0REFORM01', late: false, manual: false, weekly: true };
const skipped: PostDigestOutcome = { kind: 'skipped', week: '2020-W37', date: '2020-09-08', reason: 'already_posted' };

describe('startDigestScheduler', () => {
  it('checks at once, then every day at the digest time, and wakes the dispatcher when it posted', async () => {
    const clock = new VirtualClock('2020-09-07T00:00:00.000Z');
    const calls: Date[] = [];
    const woken: string[] = [];
    let scheduled: { expression: string; fire: () => Promise<void>; options: unknown } | undefined;
    const taskCalls: string[] = [];
    const schedule = ((expression: string, fire: () => Promise<void>, options: unknown) => {
      scheduled = { expression, fire, options };
      return { stop: () => void taskCalls.push('stop'), destroy: () => void taskCalls.push('destroy'), getNextRun: () => null };
    }) as unknown as typeof cron.schedule;

    const scheduler = await startDigestScheduler({
      post: async (now) => {
        calls.push(now);
        return ok(calls.length === 1 ? skipped : enqueued);
      },
      dispatcher: { wake: () => void woken.push('wake') },
      clock,
      time: '09:00',
      timeZone: 'Asia/Tokyo',
      schedule,
    });
    expect(calls).toEqual([new Date('2020-09-07T00:00:00.000Z')]);
    // Daily, not Mondays only: the use case knows which day is the first business day of the week.
    expect(scheduled).toMatchObject({ expression: '0 9 * * *', options: { timezone: 'Asia/Tokyo', noOverlap: true } });
    expect(woken).toEqual([]);

    await scheduled!.fire();
    expect(woken).toEqual(['wake']);
    await scheduler.stop();
    expect(taskCalls).toEqual(['stop', 'destroy']);
  });

  it('reports a failure and keeps going', async () => {
    const errors: unknown[] = [];
    const scheduler = await startDigestScheduler({
      post: async () => {
        throw new Error('database is locked');
      },
      dispatcher: { wake: () => {} },
      clock: new VirtualClock('2020-09-07T00:00:00.000Z'),
      time: '09:00',
      timeZone: 'Asia/Tokyo',
      onError: (error) => errors.push(error),
    });
    try {
      expect(errors).toHaveLength(1);
      // The real node-cron: next at 09:00 Tokyo.
      const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(scheduler.nextRun()!);
      expect(shown).toBe('09:00');
    } finally {
      await scheduler.stop();
    }
  });
});
