// The round's requests and reminders on every dialect, as several bot
// instances and crashes meet them: two instances ticking at the same moment
// over their own connections enqueue each message once; a tick that dies
// halfway records nothing, so the next one sends everything (nothing lost,
// nothing twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
import { parseDirectory } from '../../../src/adapters/directory/load-directory.ts';
import type { ReminderOutbox } from '../../../src/app/outbox-port.ts';
import type { RoundMessage } from '../../../src/app/ports.ts';
import { runRoundTick, type RoundTickDeps } from '../../../src/app/report/run-round-tick.ts';
import { DEFAULT_EVALUATION_SCALE } from '../../../src/domain/report-round.ts';
import type { Kysely } from 'kysely';
import { DIALECTS, type TestDatabase } from '../../adapters/db/dialects.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { DIRECTORY_YAML } from '../commands/command-world.ts';

const calendar = createJapaneseCalendar();
const directory = (() => {
  const parsed = parseDirectory(DIRECTORY_YAML, 'directory.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
})();
const at = (day: string, time = '09:30') => new Date(`${day}T${time}:00+09:00`);

function depsOf(db: Kysely<Database>, outbox: ReminderOutbox = createOutboxStore(db)): RoundTickDeps {
  return {
    plans: { load: () => createPlanStore(db).load() },
    planKey: 'fy2023',
    rounds: createReportRoundStore(db),
    entries: createReportEntryStore(db),
    outbox,
    directory,
    calendar,
    timeZone: 'Asia/Tokyo',
    reminderTime: '09:30',
    lang: 'ja',
  };
}

for (const dialect of DIALECTS) {
  describe(`round requests and reminders (${dialect.name})`, () => {
    let test: TestDatabase;
    let other: Kysely<Database>;
    beforeEach(async () => {
      test = await dialect.open();
      other = await openDatabase(test.url);
      await createPlanStore(test.db).save(planR5(), 'plan-r5.yaml', '2023-04-01T00:00:00.000Z');
      const opened = await createReportRoundStore(test.db).open({ planId: 'fy2023', asOf: '2023-09-30', deadline: '2023-10-06', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U0COORD01', openedAt: at('2023-09-19', '14:00').toISOString() });
      expect(opened.ok).toBe(true);
    });
    afterEach(async () => {
      await closeDatabase(other);
      await test.dispose();
    });

    const rounds = async () =>
      (await createOutboxStore(test.db).list()).filter((e) => e.body.type === 'round').map((e) => `${e.day} ${(e.body as RoundMessage).kind} ${e.division}`);

    it('two instances ticking at once enqueue each message once', async () => {
      const [a, b] = await Promise.all([runRoundTick(at('2023-09-20'), depsOf(test.db)), runRoundTick(at('2023-09-20'), depsOf(other))]);
      expect([a.messages, b.messages].sort()).toEqual([0, 3]);
      // The deadline's reminder day, the same.
      const [c, d] = await Promise.all([runRoundTick(at('2023-10-06'), depsOf(other)), runRoundTick(at('2023-10-06'), depsOf(test.db))]);
      expect([c.messages, d.messages].sort()).toEqual([0, 3]);
      expect(await rounds()).toEqual([
        '2023-09-20 request 総務部人事課',
        '2023-09-20 request 総務部法務・文書課',
        '2023-09-20 request 出納局出納総務課',
        '2023-10-06 reminder 総務部人事課',
        '2023-10-06 reminder 総務部法務・文書課',
        '2023-10-06 reminder 出納局出納総務課',
      ]);
    }, 30_000);

    it('a tick that dies halfway records nothing, and the next sends every message once', async () => {
      const real = createOutboxStore(test.db);
      let enqueued = 0;
      // The process dies after its second message is written, before the transaction ends.
      const dying: ReminderOutbox = {
        tickTransaction: (name, now, work) =>
          real.tickTransaction(name, now, (tx) =>
            work({
              ...tx,
              lastDay: tx.lastDay,
              unrecorded: (keys) => tx.unrecorded(keys),
              setLastDay: (day) => tx.setLastDay(day),
              enqueue: async (message, keys) => {
                const done = await tx.enqueue(message, keys);
                if (++enqueued === 2) throw new Error('killed');
                return done;
              },
            }),
          ),
      };
      await expect(runRoundTick(at('2023-09-20'), depsOf(test.db, dying))).rejects.toThrow('killed');
      expect(await rounds()).toEqual([]);
      expect((await runRoundTick(at('2023-09-20', '10:00'), depsOf(test.db))).messages).toBe(3);
      expect((await runRoundTick(at('2023-09-20', '11:00'), depsOf(test.db))).messages).toBe(0);
      expect(await rounds()).toHaveLength(3);
    }, 30_000);
  });
}
