// A whole fiscal year of digest checks on a virtual clock (SPEC §6, §8):
// exactly one digest per ISO week, on its first business day from Monday,
// however many instances tick and however often the bot restarts; and a
// bot that was down that morning posts late, the same week.
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import type { DigestMessage } from '../../src/app/ports.ts';
import { postDigest, type PostDigestOutcome } from '../../src/app/post-digest.ts';
import type { Directory } from '../../src/domain/directory.ts';
import { addDays, compareLocalDates } from '../../src/domain/local-date.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';
import { digestDeps } from './digest-world.ts';
import { exampleDirectory, storePlan, tokyo } from './tick-world.ts';

function* days(from: string, to: string): Generator<string> {
  for (let d = from; compareLocalDates(d, to) <= 0; d = addDays(d, 1)) yield d;
}

/**
 * The digest days of FY2020, by hand from the 2020/2021 holiday calendar:
 * every Monday, except where Monday (and the days after it) are holidays.
 */
const MOVED: Readonly<Record<string, string>> = {
  '2020-05-04': '2020-05-07', // Golden Week: 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日 → Thursday
  '2020-08-10': '2020-08-11', // 山の日, moved to Monday for the Olympics → Tuesday
  '2020-09-21': '2020-09-23', // 敬老の日 and 秋分の日 on Tuesday → Wednesday
  '2020-11-23': '2020-11-24', // 勤労感謝の日 → Tuesday
  '2021-01-11': '2021-01-12', // 成人の日 → Tuesday
};

function expectedDigestDays(): string[] {
  // The first tick is on Wednesday 2020-04-01 and a first start never posts late,
  // so the first digest is Monday 4/6; the last Monday of the fiscal year is 2021-03-29.
  const out: string[] = [];
  for (let monday = '2020-04-06'; monday <= '2021-03-29'; monday = addDays(monday, 7)) out.push(MOVED[monday] ?? monday);
  return out;
}

const enqueued = (outcomes: PostDigestOutcome[]) => outcomes.filter((o): o is Extract<PostDigestOutcome, { kind: 'enqueued' }> => o.kind === 'enqueued');

for (const dialect of DIALECTS) {
  describe(`a fiscal year of weekly digests (${dialect.name})`, () => {
    let test: TestDatabase;
    let directory: Directory;
    beforeEach(async () => {
      test = await dialect.open();
      await storePlan(test.db);
      directory = await exampleDirectory();
    });
    afterEach(async () => {
      await test.dispose();
    });

    async function post(db: Kysely<Database>, at: Date): Promise<PostDigestOutcome> {
      const result = await postDigest(at, digestDeps(db, directory));
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    }

    it('posts one digest per ISO week on its day, with two instances at once and a restart every ten days', async () => {
      let other = await openDatabase(test.url);
      const clock = new VirtualClock(tokyo('2020-04-01', '09:00'));
      const notifier = new FakeNotifier(clock);
      const dispatcher = createDispatcher({ outbox: createOutboxStore(test.db), notifier, clock, sleep: clock.sleep, owner: 'test' });
      const outcomes: PostDigestOutcome[] = [];
      try {
        for (const day of days('2020-04-01', '2021-03-31')) {
          const at = tokyo(day, '09:00');
          clock.set(at);
          // Two instances on one database, on two connections, at the same moment.
          outcomes.push(...(await Promise.all([post(test.db, at), post(other, at)])));
          if (day.endsWith('0')) {
            // A restart: the new process checks at once on start.
            await closeDatabase(other);
            other = await openDatabase(test.url);
            outcomes.push(await post(other, tokyo(day, '09:05')));
          }
          await dispatcher.runOnce();
        }
      } finally {
        await closeDatabase(other);
      }

      const posted = enqueued(outcomes);
      expect(posted.map((o) => o.date)).toEqual(expectedDigestDays());
      expect(posted).toHaveLength(52);
      expect(new Set(posted.map((o) => o.week)).size).toBe(52);
      expect(posted.every((o) => !o.late && !o.manual && o.channel === 'C0REFORM01' && o.key === `digest|${o.week}`)).toBe(true);
      // The other instance found each week done.
      expect(outcomes.filter((o) => o.kind === 'skipped' && o.reason === 'already_posted').length).toBeGreaterThanOrEqual(52);

      // Delivered once each, and each week's record has the message's ts.
      expect([...notifier.deliveriesPerKey().values()].every((n) => n === 1)).toBe(true);
      expect(notifier.deliveries).toHaveLength(52);
      const records = await createDigestStore(test.db).list();
      expect(records.map((r) => r.day)).toEqual(expectedDigestDays());
      const tsByKey = new Map(notifier.deliveries.map((d) => [d.key, d.ts]));
      for (const record of records) expect(record.sentTs).toBe(tsByKey.get(record.outboxKey ?? ''));
      // Each digest's "since" starts at the one before it.
      expect(records.slice(1).map((r) => r.previousDay)).toEqual(expectedDigestDays().slice(0, -1));
      // Copied onto the digest rows themselves by the next post, so pruning the outbox would not lose it.
      const copied = await test.db.selectFrom('digest').select(['week', 'sent_ts']).where('sent_ts', 'is not', null).execute();
      expect(copied.length).toBe(51);

      const bodies = notifier.deliveries.map((d) => d.message.body as DigestMessage);
      expect(bodies.every((b) => b.type === 'digest' && !b.late)).toBe(true);
      expect(bodies.find((b) => b.week === '2020-W39')?.digest.date).toBe('2020-09-23');
    }, 120_000);

    it('posts late when the bot was down that morning, once, and never on a first start in mid-week', async () => {
      const outcome = async (date: string, time = '09:00') => {
        const o = await post(test.db, tokyo(date, time));
        return o.kind === 'enqueued' ? { posted: o.date, late: o.late } : o.reason;
      };
      // A first start on a Wednesday waits for the next Monday.
      expect(await outcome('2020-06-10')).toBe('not_digest_day');
      expect(await outcome('2020-06-12', '17:00')).toBe('not_digest_day');
      expect(await outcome('2020-06-13')).toBe('not_business_day');
      // Monday 6/15: up before the digest time, then on time.
      expect(await outcome('2020-06-15', '08:59')).toBe('before_digest_time');
      expect(await outcome('2020-06-15')).toEqual({ posted: '2020-06-15', late: false });
      expect(await outcome('2020-06-15', '17:00')).toBe('already_posted');
      // Down on Monday 6/22, back on Tuesday: late, once.
      expect(await outcome('2020-06-23', '08:00')).toBe('before_digest_time');
      expect(await outcome('2020-06-23', '11:00')).toEqual({ posted: '2020-06-23', late: true });
      expect(await outcome('2020-06-24')).toBe('already_posted');
      // Back on Monday 6/29 at 10:30: the same day, but an hour and a half late.
      expect(await outcome('2020-06-29', '10:30')).toEqual({ posted: '2020-06-29', late: true });
      // Back at 09:59 on Monday 7/6: still on time.
      expect(await outcome('2020-07-06', '09:59')).toEqual({ posted: '2020-07-06', late: false });
      // Down from 7/13 to Saturday 7/18: that week has no digest; the next one covers it.
      expect(await outcome('2020-07-18')).toBe('not_business_day');
      expect(await outcome('2020-07-20')).toEqual({ posted: '2020-07-20', late: false });

      const records = await createDigestStore(test.db).list();
      expect(records.map((r) => [r.week, r.day, r.previousDay, r.late])).toEqual([
        ['2020-W25', '2020-06-15', '2020-06-08', false],
        ['2020-W26', '2020-06-23', '2020-06-15', true],
        ['2020-W27', '2020-06-29', '2020-06-23', true],
        ['2020-W28', '2020-07-06', '2020-06-29', false],
        ['2020-W30', '2020-07-20', '2020-07-06', false],
      ]);
      const late = (await createOutboxStore(test.db).list()).map((m) => (m.body as DigestMessage).late);
      expect(late).toEqual([false, true, true, false, false]);
    });
  });
}
