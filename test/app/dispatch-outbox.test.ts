import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { backoffDelay } from '../../src/app/deliver-outbox-message.ts';
import { createDispatcher, type DispatcherOptions, type DispatchEvent } from '../../src/app/dispatch-outbox.ts';
import type { OutboxQueue } from '../../src/app/outbox-port.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { reminderMessage } from '../fakes/reminder-messages.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';

const T0 = '2020-07-22T00:30:00.000Z';

/** Enqueues `perChannel` messages on each of `channels` channels; returns their keys. */
async function fill(store: OutboxStore, channels: number, perChannel: number, now: Date): Promise<string[]> {
  return store.tickTransaction('test', now, async (tx) => {
    const keys: string[] = [];
    for (let m = 0; m < perChannel; m++) {
      for (let c = 0; c < channels; c++) {
        const division = `課${c}`;
        const body = reminderMessage({ division });
        keys.push((await tx.enqueue({ baseKey: `reminders|2020-07-22|${division}`, day: '2020-07-22', division, channel: `C${c}`, body }, [])).key);
      }
    }
    return keys;
  });
}

/**
 * Lets the event loop run until `done()` holds; fails instead of hanging. The
 * limit is real time, not turns of the loop: a PostgreSQL round trip takes
 * many turns, more so on a loaded machine. The dispatcher's own clock is virtual.
 */
async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of DIALECTS) {
  describe(`dispatcher (${dialect.name})`, () => {
    let test: TestDatabase;
    let store: OutboxStore;
    let clock: VirtualClock;
    let notifier: FakeNotifier;
    const events: DispatchEvent[] = [];
    beforeEach(async () => {
      test = await dialect.open();
      store = createOutboxStore(test.db);
      clock = new VirtualClock(T0);
      notifier = new FakeNotifier(clock);
      events.length = 0;
    });
    afterEach(async () => {
      await test.dispose();
    });

    const dispatcher = (overrides: Partial<DispatcherOptions> = {}) =>
      createDispatcher({
        outbox: store,
        notifier,
        clock,
        sleep: clock.sleep,
        owner: 'test-1',
        random: () => 0.5,
        onEvent: (event) => events.push(event),
        ...overrides,
      });

    it('delivers everything due, records each ts, and paces each channel', async () => {
      const keys = await fill(store, 2, 3, clock.now());
      const summary = await dispatcher().runOnce();
      expect(summary).toMatchObject({ sent: 6, failed: 0, errors: 0 });
      expect(notifier.deliveries.map((d) => d.key).sort()).toEqual([...keys].sort());

      for (const entry of await store.list()) {
        const delivery = notifier.deliveries.find((d) => d.key === entry.key);
        expect(entry).toMatchObject({ status: 'sent', sentTs: delivery?.ts, leaseOwner: null });
      }
      for (const channel of ['C0', 'C1']) {
        const times = notifier.calls.filter((c) => c.channel === channel).map((c) => c.at.getTime());
        expect(times).toHaveLength(3);
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
      }
      // Messages of a fresh outbox are never checked for an earlier delivery.
      expect(notifier.checks).toEqual([]);
      // Nothing left to do.
      expect(await dispatcher().runOnce()).toMatchObject({ sent: 0, notClaimed: 0 });
    });

    it('paces a channel from the answer, so a slow answer never brings two messages closer than the interval', async () => {
      await fill(store, 1, 3, clock.now());
      // The platform counts a message somewhere between request and answer;
      // the first answer takes 400 ms, the others none (scripts/bench/fan-out.ts).
      const answeredAt: number[] = [];
      notifier.answer(() => {
        if (answeredAt.length === 0) clock.advance(400);
        answeredAt.push(clock.now().getTime());
        return undefined;
      });
      expect(await dispatcher().runOnce()).toMatchObject({ sent: 3 });
      const startedAt = notifier.calls.map((c) => c.at.getTime());
      for (let i = 1; i < startedAt.length; i++) expect(startedAt[i]! - answeredAt[i - 1]!).toBeGreaterThanOrEqual(1000);
    });

    it('never lets two dispatchers on two connections send the same message', async () => {
      const keys = await fill(store, 5, 8, clock.now());
      const other = await openDatabase(test.url);
      try {
        // Every send yields, so the two dispatchers interleave at every step.
        notifier.answer(async () => {
          await new Promise((resolve) => setImmediate(resolve));
          return undefined;
        });
        const a = dispatcher({ owner: 'A' });
        const b = dispatcher({ owner: 'B', outbox: createOutboxStore(other) });
        const [first, second] = await Promise.all([a.runOnce(), b.runOnce()]);
        expect(first.sent + second.sent).toBe(keys.length);
        expect(first.sent).toBeGreaterThan(0);
        expect(second.sent).toBeGreaterThan(0);
        expect(first.notClaimed + second.notClaimed).toBe(keys.length);
        expect(notifier.calls).toHaveLength(keys.length);
        expect([...notifier.deliveriesPerKey().values()].every((n) => n === 1)).toBe(true);
        expect((await store.list({ status: 'sent' })).length).toBe(keys.length);
      } finally {
        await closeDatabase(other);
      }
    });

    it('does not send again what a dispatcher killed before recording had already sent', async () => {
      const [key] = await fill(store, 1, 1, clock.now());
      // The process dies after Slack accepted the message and before the row says so.
      const killed: OutboxQueue = {
        ...store,
        markSent: async () => {
          throw new Error('killed');
        },
      };
      const first = await dispatcher({ owner: 'A', outbox: killed }).runOnce();
      expect(first).toMatchObject({ sent: 0, errors: 1 });
      expect(notifier.deliveries).toHaveLength(1);
      expect((await store.list())[0]).toMatchObject({ status: 'sending', leaseOwner: 'A', sentTs: null });

      // A restarted dispatcher, on its own connection, once the lease ran out.
      const restarted = await openDatabase(test.url);
      try {
        const b = dispatcher({ owner: 'B', outbox: createOutboxStore(restarted) });
        expect(await b.runOnce()).toMatchObject({ sent: 0, alreadyDelivered: 0, notClaimed: 0 });
        clock.advance(61_000);
        expect(await b.runOnce()).toMatchObject({ sent: 0, alreadyDelivered: 1 });
      } finally {
        await closeDatabase(restarted);
      }
      expect(notifier.checks).toMatchObject([{ channel: 'C0', key, since: new Date(T0) }]);
      expect(notifier.calls).toHaveLength(1);
      expect((await store.list())[0]).toMatchObject({ status: 'sent', sentTs: notifier.deliveries[0]?.ts });
    });

    it('sends a message that a killed dispatcher had claimed but not sent', async () => {
      await fill(store, 1, 1, clock.now());
      const [entry] = await store.listDue(clock.now(), 1);
      await store.claim(entry!.id, { owner: 'A', now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 60_000), fresh: true });
      clock.advance(61_000);
      expect(await dispatcher({ owner: 'B' }).runOnce()).toMatchObject({ sent: 1 });
      expect(notifier.checks).toHaveLength(1);
      expect(notifier.deliveries).toHaveLength(1);
    });

    it('waits as told after a 429, without counting it as a failure, then delivers', async () => {
      const [key] = await fill(store, 1, 1, clock.now());
      notifier.answer((_, attempt) => (attempt === 1 ? { ok: false, kind: 'rate_limited', retryAfterMs: 2000, error: 'ratelimited' } : undefined));
      const d = dispatcher();
      expect(await d.runOnce()).toMatchObject({ rateLimited: 1, sent: 0 });
      const waiting = (await store.list())[0];
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: new Date(new Date(T0).getTime() + 2000) });
      expect(await d.runOnce()).toMatchObject({ sent: 0, rateLimited: 0 });

      d.start();
      await until(() => notifier.deliveries.length === 1, 'the delivery');
      await d.stop();
      const [first, second] = notifier.calls;
      expect(second!.at.getTime() - first!.at.getTime()).toBeGreaterThanOrEqual(2000);
      expect(notifier.deliveriesPerKey().get(key!)).toBe(1);
      expect((await store.list())[0]).toMatchObject({ status: 'sent', attempts: 0 });
    });

    it('holds back the whole channel after a 429', async () => {
      await fill(store, 1, 2, clock.now());
      notifier.answer((message, attempt) =>
        message.key.endsWith('|2') || attempt > 1 ? undefined : { ok: false, kind: 'rate_limited', retryAfterMs: 5000, error: 'ratelimited' },
      );
      await dispatcher().runOnce();
      const [limited, next] = notifier.calls;
      expect(limited!.result.ok).toBe(false);
      expect(next!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(5000);
    });

    it('retries 5xx with growing backoff and loses nothing once the platform recovers', async () => {
      const keys = await fill(store, 3, 2, clock.now());
      notifier.answer((_, attempt) => (attempt <= 4 ? { ok: false, kind: 'transient', error: 'http 503' } : undefined));
      const d = dispatcher();
      d.start();
      await until(() => notifier.deliveries.length === keys.length, 'every delivery');
      await d.stop();

      expect([...notifier.deliveriesPerKey().values()]).toEqual(keys.map(() => 1));
      for (const key of keys) {
        const times = notifier.calls.filter((c) => c.key === key).map((c) => c.at.getTime());
        expect(times).toHaveLength(5);
        // With the jitter fixed at 0.5: half of 1 s, 2 s, 4 s, 8 s after each failure.
        const retries = events.flatMap((e) => (e.kind === 'retry' && e.key === key ? [e.at.getTime()] : []));
        expect(retries.map((at, i) => at - times[i]!)).toEqual([500, 1000, 2000, 4000]);
        // And no attempt came before its time.
        retries.forEach((at, i) => expect(times[i + 1]!).toBeGreaterThanOrEqual(at));
      }
      // Each re-send was preceded by a check that the previous attempt had not got through after all.
      expect(notifier.checks.length).toBe(keys.length * 4);
      expect((await store.list()).every((e) => e.status === 'sent' && e.attempts === 4)).toBe(true);
    });

    it('gives up after maxAttempts transient failures, keeping the last error', async () => {
      await fill(store, 1, 1, clock.now());
      notifier.answer((_, attempt) => ({ ok: false, kind: 'transient', error: `timeout #${attempt}` }));
      const d = dispatcher({ maxAttempts: 3 });
      d.start();
      await until(() => events.some((e) => e.kind === 'failed'), 'the failure');
      await d.stop();
      expect(notifier.calls).toHaveLength(3);
      expect((await store.list())[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'timeout #3' });
    });

    it('marks a permanent error failed with its reason at once', async () => {
      await fill(store, 1, 1, clock.now());
      notifier.answer(() => ({ ok: false, kind: 'permanent', error: 'channel_not_found' }));
      expect(await dispatcher().runOnce()).toMatchObject({ failed: 1 });
      expect(await store.list({ status: 'failed' })).toMatchObject([{ attempts: 1, lastError: 'channel_not_found' }]);
      expect(events).toMatchObject([{ kind: 'failed', error: 'channel_not_found', channel: 'C0' }]);
    });

    it('treats a notifier that throws as a transient failure', async () => {
      await fill(store, 1, 1, clock.now());
      notifier.answer(() => {
        throw new Error('socket hang up');
      });
      expect(await dispatcher().runOnce()).toMatchObject({ retrying: 1 });
      expect((await store.list())[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' });
    });

    it('finishes the message in flight when stopped, and starts no other', async () => {
      await fill(store, 1, 3, clock.now());
      let release: () => void = () => undefined;
      let started = false;
      notifier.answer(() => {
        started = true;
        return new Promise((resolve) => (release = () => resolve(undefined)));
      });
      const d = dispatcher();
      d.start();
      await until(() => started, 'the first send');
      const stopped = d.stop();
      release();
      await stopped;
      expect(notifier.deliveries).toHaveLength(1);
      expect((await store.list()).map((e) => e.status)).toEqual(['sent', 'pending', 'pending']);
    });
  });
}

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by the jitter', () => {
    const settings = { backoffBaseMs: 1000, backoffCapMs: 300_000, random: () => 0.999 };
    expect([1, 2, 3, 4, 10, 20].map((n) => backoffDelay(n, settings))).toEqual([999, 1998, 3996, 7992, 299_700, 299_700]);
    expect(backoffDelay(5, { ...settings, random: () => 0 })).toBe(0);
  });
});
