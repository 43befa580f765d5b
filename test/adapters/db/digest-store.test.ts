import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import type { DigestClaim, DigestOutbox } from '../../../src/app/digest-port.ts';
import type { NewOutboxMessage } from '../../../src/app/outbox-port.ts';
import { reminderMessage } from '../../fakes/reminder-messages.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

const T0 = new Date('2020-09-07T00:00:00.000Z');

const claim = (week: string, day: string, overrides: Partial<DigestClaim> = {}): DigestClaim => ({ week, day, previousDay: '2020-08-31', late: false, manual: false, ...overrides });

// The store does not read the body; any message body will do.
const message = (baseKey: string): NewOutboxMessage => ({ baseKey, day: '2020-09-07', division: '総務部行財政改革推進課', channel: 'C0REFORM01', body: reminderMessage() });

for (const dialect of DIALECTS) {
  describe(`digest store (${dialect.name})`, () => {
    let test: TestDatabase;
    let store: DigestOutbox;
    beforeEach(async () => {
      test = await dialect.open();
      store = createDigestStore(test.db);
    });
    afterEach(async () => {
      await test.dispose();
    });

    /** Claims the week and enqueues its message in one transaction, as postDigest does. */
    const post = (c: DigestClaim, replace = false) =>
      store.digestTransaction(T0, async (tx) => ((await tx.claimWeek(c, replace)) ? tx.enqueue(message(`digest|${c.week}`), c.week) : null));

    it('records a week once; a second claim of the week is refused and writes nothing', async () => {
      const first = await post(claim('2020-W37', '2020-09-07'));
      expect(first).toEqual({ id: expect.any(Number), key: 'digest|2020-W37' });
      expect(await post(claim('2020-W37', '2020-09-08', { late: true }))).toBeNull();
      expect(await store.list()).toEqual([
        { week: '2020-W37', day: '2020-09-07', previousDay: '2020-08-31', late: false, manual: false, outboxId: first?.id, outboxKey: 'digest|2020-W37', sentTs: null, createdAt: T0 },
      ]);
      expect(await createOutboxStore(test.db).list()).toHaveLength(1);
    });

    it('replaces a week on request, with a message of its own', async () => {
      await post(claim('2020-W37', '2020-09-07'));
      const second = await post(claim('2020-W37', '2020-09-09', { manual: true }), true);
      expect(second?.key).toBe('digest|2020-W37|2');
      expect(await store.get('2020-W37')).toMatchObject({ day: '2020-09-09', manual: true, outboxId: second?.id, outboxKey: 'digest|2020-W37|2' });
    });

    it('finds the latest week before another, across the turn of the year', async () => {
      for (const [week, day] of [['2020-W52', '2020-12-21'], ['2020-W53', '2020-12-28'], ['2021-W01', '2021-01-04']] as const) await post(claim(week, day));
      expect((await store.latestBefore('2021-W02'))?.week).toBe('2021-W01');
      expect((await store.latestBefore('2021-W01'))?.week).toBe('2020-W53');
      expect(await store.latestBefore('2020-W52')).toBeNull();
      expect(await store.get('2020-W01')).toBeNull();
    });

    it('shows the ts once the outbox delivered the message, and keeps its own copy', async () => {
      const posted = await post(claim('2020-W37', '2020-09-07'));
      const outbox = createOutboxStore(test.db);
      await outbox.claim(posted!.id, { owner: 'A', now: T0, leaseUntil: new Date(T0.getTime() + 60_000), fresh: true });
      await outbox.markSent(posted!.id, 'A', '1599436800.000100', T0);
      expect((await store.get('2020-W37'))?.sentTs).toBe('1599436800.000100');

      // The next digest transaction copies it, so the record outlives the outbox row.
      await store.digestTransaction(T0, async () => undefined);
      await test.db.deleteFrom('outbox').execute();
      expect((await store.get('2020-W37'))?.sentTs).toBe('1599436800.000100');
    });

    it('writes nothing when the work fails half-way', async () => {
      await expect(
        store.digestTransaction(T0, async (tx) => {
          await tx.claimWeek(claim('2020-W37', '2020-09-07'), false);
          await tx.enqueue(message('digest|2020-W37'), '2020-W37');
          throw new Error('renderer crashed');
        }),
      ).rejects.toThrow('renderer crashed');
      expect(await store.list()).toEqual([]);
      expect(await createOutboxStore(test.db).list()).toEqual([]);
    });
  });
}
