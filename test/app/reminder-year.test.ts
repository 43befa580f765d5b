// A whole fiscal year of daily ticks on a virtual clock (SPEC §8): every
// reminder enqueued exactly once, only on business days, and a bot that is
// down now and then loses nothing and repeats nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { addDays, compareLocalDates } from '../../src/domain/local-date.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { remindersBetween } from '../../src/domain/reminder-policy.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { calendar, emptyContext, exampleDirectory, storePlan, tickDeps, tokyo } from './tick-world.ts';

const FIRST = '2020-04-01';
const LAST = '2021-03-31';

function* days(from: string, to: string): Generator<string> {
  for (let d = from; compareLocalDates(d, to) <= 0; d = addDays(d, 1)) yield d;
}

for (const dialect of DIALECTS) {
  describe(`a fiscal year of ticks (${dialect.name})`, () => {
    let test: TestDatabase;
    let plan: Plan;
    beforeEach(async () => {
      test = await dialect.open();
      plan = await storePlan(test.db);
    });
    afterEach(async () => {
      await test.dispose();
    });

    /** Ticks at 09:30 Tokyo on every day of the year for which `up(day)` holds; checks the invariants. */
    async function simulate(up: (day: string) => boolean) {
      // A window wide enough for the longest downtime below (10 business days in August): all is caught up.
      const deps = tickDeps(test.db, await exampleDirectory(), { catchUpBusinessDays: 15 });
      let missed = 0;
      for (const day of days(FIRST, LAST)) {
        if (up(day)) missed += (await runReminderTick(tokyo(day), deps)).missed;
      }

      // The tick on the first day does not look back, so the year's reminders start there.
      const expected = remindersBetween(FIRST, LAST, emptyContext(plan));
      expect(expected.length).toBeGreaterThan(1000);
      const rows = await test.db.selectFrom('reminder_sent').selectAll().execute();
      const lastUp = [...days(FIRST, LAST)].filter(up).pop() ?? FIRST;
      const reached = expected.filter((r) => compareLocalDates(r.date, lastUp) <= 0);
      expect(rows.map((row) => row.key).sort()).toEqual(reached.map(reminderKey).sort());

      const messages = reminderEntries(await createOutboxStore(test.db).list());
      const byId = new Map(messages.map((m) => [m.id, m]));
      const byKey = new Map(reached.map((r) => [reminderKey(r), r]));
      for (const row of rows) {
        const message = byId.get(row.outbox_id ?? -1);
        const reminder = byKey.get(row.key);
        // Each reminder in a message to its own division, on its day, or later when caught up.
        expect(message?.division).toBe(reminder?.division);
        expect(compareLocalDates(message!.day, reminder!.date)).toBeGreaterThanOrEqual(0);
      }
      for (const message of messages) expect(calendar.isBusinessDay(message.day), message.key).toBe(true);
      expect(new Set(messages.map((m) => m.key)).size).toBe(messages.length);
      return { messages, missed };
    }

    it('enqueues every reminder once, on its business day, when the bot never stops', async () => {
      const { messages, missed } = await simulate(() => true);
      expect(missed).toBe(0);
      expect(messages.every((m) => !m.body.missed)).toBe(true);
      // One message per division per day, each reminder in the message of its own day.
      expect(new Set(messages.map((m) => `${m.day}|${m.division}`)).size).toBe(messages.length);
      const rows = await test.db.selectFrom('reminder_sent').select(['key', 'outbox_id']).execute();
      const dayOf = new Map(messages.map((m) => [m.id, m.day]));
      for (const row of rows) expect(row.key.startsWith(`${dayOf.get(row.outbox_id ?? -1)}|`), row.key).toBe(true);
    }, 60_000);

    it('catches up what it missed while down, once, in "missed" messages', async () => {
      // Down over Golden Week, for a fortnight in August, over New Year, and on every 13th.
      const down = (day: string) =>
        (day >= '2020-04-28' && day <= '2020-05-07') ||
        (day >= '2020-08-05' && day <= '2020-08-19') ||
        (day >= '2020-12-25' && day <= '2021-01-06') ||
        day.endsWith('-13');
      const { messages, missed } = await simulate((day) => !down(day));
      expect(missed).toBeGreaterThan(0);
      const missedDays = [...new Set(messages.filter((m) => m.body.missed).map((m) => m.day))];
      expect(missedDays.length).toBeGreaterThan(3);
      // At most one "missed" message per division per day.
      const missedMessages = messages.filter((m) => m.body.missed);
      expect(new Set(missedMessages.map((m) => `${m.day}|${m.division}`)).size).toBe(missedMessages.length);
    }, 60_000);
  });
}
