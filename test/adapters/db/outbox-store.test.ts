import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createOutboxStore, type OutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import type { NewOutboxMessage } from '../../../src/app/outbox-port.ts';
import { reminderMessage } from '../../fakes/reminder-messages.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

const T0 = new Date('2020-07-22T00:30:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function message(division = '総務部人事課', channel = 'C0JINJI001'): NewOutboxMessage {
  return { baseKey: `reminders|2020-07-22|${division}`, day: '2020-07-22', division, channel, body: reminderMessage({ division }) };
}

/** Enqueues messages in one tick transaction and returns their ids. */
async function enqueue(store: OutboxStore, ...messages: NewOutboxMessage[]): Promise<number[]> {
  return store.tickTransaction('test', T0, async (tx) => {
    const ids: number[] = [];
    for (const m of messages) ids.push((await tx.enqueue(m, [])).id);
    return ids;
  });
}

const lease = (owner: string, now: Date, fresh = false) => ({ owner, now, leaseUntil: new Date(now.getTime() + 60_000), fresh });

for (const dialect of DIALECTS) {
  describe(`outbox store (${dialect.name})`, () => {
    let test: TestDatabase;
    let store: OutboxStore;
    beforeEach(async () => {
      test = await dialect.open();
      store = createOutboxStore(test.db);
    });
    afterEach(async () => {
      await test.dispose();
    });

    describe('tick transaction', () => {
      it('starts with no last day, and only ever moves it forward', async () => {
        expect(await store.tickTransaction('r', T0, async (tx) => tx.lastDay)).toBeNull();
        await store.tickTransaction('r', T0, (tx) => tx.setLastDay('2020-07-22'));
        await store.tickTransaction('r', T0, (tx) => tx.setLastDay('2020-07-20'));
        expect(await store.tickTransaction('r', T0, async (tx) => tx.lastDay)).toBe('2020-07-22');
        expect(await store.tickTransaction('other', T0, async (tx) => tx.lastDay)).toBeNull();
      });

      it('tells which reminder keys no tick recorded yet', async () => {
        const first = await store.tickTransaction('r', T0, (tx) => tx.unrecorded(['a', 'b', 'b']));
        expect([...first].sort()).toEqual(['a', 'b']);
        await store.tickTransaction('r', T0, (tx) => tx.enqueue(message(), ['b']));
        const second = await store.tickTransaction('r', T0, (tx) => tx.unrecorded(['b', 'c']));
        expect([...second]).toEqual(['c']);
      });

      it('records thousands of keys at once', async () => {
        const keys = Array.from({ length: 2500 }, (_, i) => `k${i}`);
        expect((await store.tickTransaction('r', T0, (tx) => tx.unrecorded(keys))).size).toBe(2500);
        await store.tickTransaction('r', T0, (tx) => tx.enqueue(message(), keys));
        expect((await store.tickTransaction('r', T0, (tx) => tx.unrecorded([...keys, 'new']))).size).toBe(1);
      });

      it('refuses to record a reminder key twice, writing nothing of that tick', async () => {
        await store.tickTransaction('r', T0, (tx) => tx.enqueue(message(), ['k']));
        const again = store.tickTransaction('r', T0, async (tx) => {
          await tx.setLastDay('2020-07-22');
          return tx.enqueue(message(), ['j', 'k']);
        });
        await expect(again).rejects.toThrow(/unique|primary key|duplicate/i);
        expect((await store.list()).length).toBe(1);
        expect(await store.tickTransaction('r', T0, (tx) => tx.unrecorded(['j', 'k']))).toEqual(new Set(['j']));
        expect(await store.tickTransaction('r', T0, async (tx) => tx.lastDay)).toBeNull();
      });

      it('gives a second message on the same base key the suffix |2, then |3', async () => {
        const keys = await store.tickTransaction('r', T0, async (tx) => [
          (await tx.enqueue(message(), [])).key,
          (await tx.enqueue(message(), [])).key,
          (await tx.enqueue(message(), [])).key,
        ]);
        expect(keys).toEqual(['reminders|2020-07-22|総務部人事課', 'reminders|2020-07-22|総務部人事課|2', 'reminders|2020-07-22|総務部人事課|3']);
        // A card's buttons carry the key: the message is found by it again.
        expect((await store.byKey('reminders|2020-07-22|総務部人事課|2'))?.key).toBe('reminders|2020-07-22|総務部人事課|2');
        expect(await store.byKey('reminders|2020-07-22|総務部人事課|9')).toBeNull();
      });

      it('ties the reminder keys to their message', async () => {
        const id = await store.tickTransaction('r', T0, async (tx) => {
          return (await tx.enqueue(message(), ['x|a', 'x|b'])).id;
        });
        const rows = await test.db.selectFrom('reminder_sent').selectAll().orderBy('key').execute();
        expect(rows.map((row) => [row.key, row.outbox_id])).toEqual([
          ['x|a', id],
          ['x|b', id],
        ]);
      });

      it('writes nothing when the work fails half-way', async () => {
        const failing = store.tickTransaction('r', T0, async (tx) => {
          await tx.setLastDay('2020-07-22');
          await tx.enqueue(message(), ['k']);
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        expect(await store.list()).toEqual([]);
        expect(await store.tickTransaction('r', T0, (tx) => tx.unrecorded(['k']))).toEqual(new Set(['k']));
        expect(await store.tickTransaction('r', T0, async (tx) => tx.lastDay)).toBeNull();
      });
    });

    describe('queue', () => {
      it('lists new messages as due, pending, never tried', async () => {
        const [id] = await enqueue(store, message());
        const [entry] = await store.listDue(T0, 10);
        expect(entry).toMatchObject({ id, status: 'pending', attempts: 0, lastError: null, leaseOwner: null, channel: 'C0JINJI001' });
        expect(entry?.body).toMatchObject({ division: '総務部人事課' });
        expect(entry?.createdAt).toEqual(T0);
      });

      it('lets exactly one of two claimers take a message', async () => {
        const [id] = await enqueue(store, message());
        const other = await openDatabase(test.url);
        try {
          const otherStore = createOutboxStore(other);
          const [a, b] = await Promise.all([store.claim(id!, lease('A', T0)), otherStore.claim(id!, lease('B', T0))]);
          expect([a, b].filter((claimed) => claimed !== null)).toHaveLength(1);
          expect(await store.listDue(T0, 10)).toEqual([]);
        } finally {
          await closeDatabase(other);
        }
      });

      it('reclaims a message whose lease ran out, and the old owner can no longer record it', async () => {
        const [id] = await enqueue(store, message());
        expect(await store.claim(id!, lease('A', T0))).not.toBeNull();
        expect(await store.claim(id!, lease('B', at(59_000)))).toBeNull();
        const taken = await store.claim(id!, lease('B', at(61_000)));
        expect(taken).toMatchObject({ status: 'sending', leaseOwner: 'B' });
        expect(await store.markSent(id!, 'A', '1.1', at(62_000))).toBe(false);
        expect(await store.markSent(id!, 'B', '1.2', at(62_000))).toBe(true);
        expect(await store.get(id!)).toMatchObject({ status: 'sent', sentTs: '1.2', leaseOwner: null, sentAt: at(62_000) });
      });

      it('claims as fresh only a message never tried', async () => {
        const [id] = await enqueue(store, message());
        await store.claim(id!, lease('A', T0));
        // A crashed mid-send: the lease ran out with the message still `sending`.
        expect(await store.claim(id!, lease('B', at(61_000), true))).toBeNull();
        expect(await store.claim(id!, lease('B', at(61_000), false))).not.toBeNull();
      });

      it('reschedules with attempts and error, then the message is due again at that time', async () => {
        const [id] = await enqueue(store, message());
        await store.claim(id!, lease('A', T0));
        expect(await store.reschedule(id!, 'A', { at: at(2_000), attempts: 1, error: 'http 503' }, T0)).toBe(true);
        expect(await store.listDue(at(1_999), 10)).toEqual([]);
        expect(await store.nextDueAt()).toEqual(at(2_000));
        expect(await store.listDue(at(2_000), 10)).toMatchObject([{ id, status: 'pending', attempts: 1, lastError: 'http 503' }]);
      });

      it('knows when a claimed message falls due again: when its lease runs out', async () => {
        const [id] = await enqueue(store, message());
        expect(await store.nextDueAt()).toEqual(T0);
        await store.claim(id!, lease('A', T0));
        expect(await store.nextDueAt()).toEqual(at(60_000));
        await store.markSent(id!, 'A', '1.1', T0);
        expect(await store.nextDueAt()).toBeNull();
      });

      it('keeps a failed message listed, and retry makes it pending with a fresh budget', async () => {
        const [id, other] = await enqueue(store, message(), message('総務部財政課', 'C0ZAISEI01'));
        await store.claim(id!, lease('A', T0));
        expect(await store.markFailed(id!, 'A', { attempts: 1, error: 'channel_not_found' }, T0)).toBe(true);
        expect(await store.listDue(at(1), 10)).toMatchObject([{ id: other }]);
        expect(await store.list({ status: 'failed' })).toMatchObject([{ id, status: 'failed', attempts: 1, lastError: 'channel_not_found' }]);

        const body = { ...reminderMessage(), unmapped: true };
        expect(await store.retry(id!, { channel: 'C0REFORM01', body }, at(5_000))).toBe(true);
        const retried = await store.get(id!);
        expect(retried).toMatchObject({ status: 'pending', attempts: 0, channel: 'C0REFORM01', nextAttemptAt: at(5_000), lastError: 'channel_not_found' });
        expect(retried?.body).toMatchObject({ unmapped: true });
        // Only failed messages can be retried.
        expect(await store.retry(id!, { channel: 'C0REFORM01', body }, at(5_000))).toBe(false);
        expect(await store.retry(other!, { channel: 'C0ZAISEI01', body }, at(5_000))).toBe(false);
        expect(await store.retry(9999, { channel: 'C0ZAISEI01', body }, at(5_000))).toBe(false);
      });

      it('answers each of many writes asked for at once as if it had been alone', async () => {
        // Fifty channels claim and record at the same moment; the store merges their
        // statements (lease-writes.ts), and every message must still get its own answer.
        const ids = await enqueue(store, ...Array.from({ length: 9 }, (_, i) => message(`課${i}`, `C0CHAN000${i}`)));
        const [leasedByX, triedBefore, notDueYet, freshA, freshB, sentA, heldByX, sentA2, askedTwice] = ids as [number, number, number, number, number, number, number, number, number];
        await store.claim(leasedByX, lease('X', T0));
        // Claimed, then its dispatcher died: the lease ran out with the message still `sending`.
        await store.claim(triedBefore, { owner: 'A', now: T0, leaseUntil: at(500), fresh: false });
        await store.claim(notDueYet, lease('A', T0));
        await store.reschedule(notDueYet, 'A', { at: at(10_000), attempts: 1, error: 'http 503' }, T0);
        await store.claim(sentA, lease('A', T0));
        await store.claim(heldByX, lease('X', T0));
        await store.claim(sentA2, lease('A', T0));

        const now = at(1_000);
        const answers = await Promise.all([
          store.claim(leasedByX, lease('A', now)),
          store.claim(triedBefore, lease('A', now, true)),
          store.claim(notDueYet, lease('A', now)),
          store.claim(freshA, lease('A', now, true)),
          store.claim(freshB, lease('B', now, true)),
          store.markSent(sentA, 'A', '1700000000.000601', now),
          store.markSent(heldByX, 'A', '1700000000.000701', now),
          store.markSent(sentA2, 'A', '1700000000.000801', now),
          store.claim(askedTwice, lease('A', now, true)),
          store.claim(askedTwice, lease('A', now, true)),
        ]);
        expect(answers.map((answer) => (answer === null || typeof answer === 'boolean' ? answer : answer.leaseOwner))).toEqual([null, null, null, 'A', 'B', true, false, true, 'A', null]);

        const rows = new Map((await store.list()).map((entry) => [entry.id, entry]));
        expect(rows.get(leasedByX)).toMatchObject({ status: 'sending', leaseOwner: 'X' });
        expect(rows.get(notDueYet)).toMatchObject({ status: 'pending', leaseOwner: null, attempts: 1 });
        expect(rows.get(freshA)).toMatchObject({ status: 'sending', leaseOwner: 'A', leaseUntil: at(61_000) });
        expect(rows.get(freshB)).toMatchObject({ status: 'sending', leaseOwner: 'B' });
        // Each delivery keeps its own message id from the platform.
        expect(rows.get(sentA)).toMatchObject({ status: 'sent', sentTs: '1700000000.000601', sentAt: now, leaseOwner: null });
        expect(rows.get(sentA2)).toMatchObject({ status: 'sent', sentTs: '1700000000.000801' });
        expect(rows.get(heldByX)).toMatchObject({ status: 'sending', leaseOwner: 'X', sentTs: null });
      });

      it('does not fail the others when one write of a merged statement fails', async () => {
        const [broken, fine, sentFine] = await enqueue(store, message('課A', 'C0CHANA001'), message('課B', 'C0CHANB001'), message('課C', 'C0CHANC001'));
        await store.claim(sentFine!, lease('A', T0));
        // A row the database refuses to change (a trigger), as a damaged row or a constraint would.
        if (dialect.name === 'sqlite') {
          await sql`create trigger refuse_one before update on outbox when old.id = ${sql.lit(broken!)} begin select raise(abort, 'refused by test'); end`.execute(test.db);
        } else {
          await sql`create function refuse_one() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(test.db);
          await sql`create trigger refuse_one before update on outbox for each row when (old.id = ${sql.lit(broken!)}) execute function refuse_one()`.execute(test.db);
        }
        const answers = await Promise.allSettled([store.claim(broken!, lease('A', T0)), store.claim(fine!, lease('A', T0)), store.markSent(sentFine!, 'A', '1.1', T0)]);
        expect(answers[0]).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('refused by test') } });
        expect(answers[1]).toMatchObject({ status: 'fulfilled', value: { id: fine, leaseOwner: 'A' } });
        expect(answers[2]).toMatchObject({ status: 'fulfilled', value: true });
        expect(await store.get(broken!)).toMatchObject({ status: 'pending', leaseOwner: null });
      });

      it('lists everything oldest first, or one status', async () => {
        const ids = await enqueue(store, message(), message('総務部財政課'), message('総務部総務課'));
        await store.claim(ids[1]!, lease('A', T0));
        await store.markSent(ids[1]!, 'A', '1.1', T0);
        expect((await store.list()).map((e) => e.id)).toEqual(ids);
        expect((await store.list({ status: 'sent' })).map((e) => e.id)).toEqual([ids[1]]);
        expect((await store.list({ status: 'pending' })).map((e) => e.id)).toEqual([ids[0], ids[2]]);
      });
    });
  });
}
