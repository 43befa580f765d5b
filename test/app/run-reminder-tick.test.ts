import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import type { OutboxEntry } from '../../src/app/outbox-port.ts';
import { MAX_LINES_PER_MESSAGE, runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { EMPTY_DIRECTORY, type Directory } from '../../src/domain/directory.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { remindersBetween, remindersOn } from '../../src/domain/reminder-policy.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { calendar, emptyContext, exampleDirectory, storePlan, tickDeps, tokyo } from './tick-world.ts';

for (const dialect of DIALECTS) {
  describe(`runReminderTick (${dialect.name})`, () => {
    let test: TestDatabase;
    let plan: Plan;
    let directory: Directory;
    beforeEach(async () => {
      test = await dialect.open();
      plan = await storePlan(test.db);
      directory = await exampleDirectory();
    });
    afterEach(async () => {
      await test.dispose();
    });

    const tick = (now: Date, db = test.db) => runReminderTick(now, tickDeps(db, directory));
    const outbox = async () => reminderEntries(await createOutboxStore(test.db).list());
    const sentKeys = async () => (await test.db.selectFrom('reminder_sent').selectAll().execute()).map((row) => row.key).sort();

    it('enqueues one message per division with the day\'s reminders', async () => {
      const expected = remindersOn('2020-07-22', emptyContext(plan));
      expect(expected.length).toBeGreaterThan(10);

      const summary = await tick(tokyo('2020-07-22'));
      expect(summary).toEqual({ today: '2020-07-22', outcome: 'enqueued', messages: summary.messages, reminders: expected.length, missed: 0, skipped: 0 });

      const messages = await outbox();
      const divisions = [...new Set(expected.map((r) => r.division))];
      expect(messages.map((m) => m.key).sort()).toEqual(divisions.map((d) => `reminders|2020-07-22|${d}`).sort());
      expect(summary.messages).toBe(divisions.length);
      for (const message of messages) {
        const own = expected.filter((r) => r.division === message.division);
        expect(message.body.lines.map((line) => line.milestoneId)).toEqual(own.map((r) => r.milestoneId));
        expect(message.body).toMatchObject({ type: 'reminders', lang: 'ja', day: '2020-07-22', missed: false });
        expect(message.status).toBe('pending');
      }
      expect(await sentKeys()).toEqual(expected.map(reminderKey).sort());

      const line = messages.find((m) => m.division === '総務部税収確保課')?.body.lines.find((l) => l.milestoneId === '6-2-10');
      expect(line).toEqual({
        kind: 'lead',
        milestoneId: '6-2-10',
        title: '個人住民税に関する課題検討会の開催',
        checkpoint: '2020-07',
        due: '2020-07-31',
        status: 'not_started',
      });
      const overdue = messages.find((m) => m.division === '総務部税収確保課')?.body.lines.find((l) => l.milestoneId === '6-2-1');
      // Due 2020-04-30; business days from then to 2020-07-22.
      expect(overdue).toMatchObject({ kind: 'overdue', daysOverdue: calendar.countBusinessDaysBetween('2020-04-30', '2020-07-22') });
    });

    it('enqueues nothing more when run twice', async () => {
      const first = await tick(tokyo('2020-07-22'));
      const before = await outbox();
      const second = await tick(tokyo('2020-07-22', '15:00'));
      expect(second).toEqual({ today: '2020-07-22', outcome: 'enqueued', messages: 0, reminders: 0, missed: 0, skipped: first.reminders });
      expect(await outbox()).toEqual(before);
    });

    it('enqueues each message once when two connections tick at the same moment', async () => {
      const other = await openDatabase(test.url);
      try {
        const summaries = await Promise.all([tick(tokyo('2020-07-22'), test.db), tick(tokyo('2020-07-22'), other)]);
        const expected = remindersOn('2020-07-22', emptyContext(plan));
        expect(summaries.map((s) => s.reminders).sort((a, b) => a - b)).toEqual([0, expected.length]);
        expect(summaries.map((s) => s.skipped).sort((a, b) => a - b)).toEqual([0, expected.length]);
        const messages = await outbox();
        expect(new Set(messages.map((m) => m.key)).size).toBe(messages.length);
        expect(messages.every((m) => !m.key.endsWith('|2'))).toBe(true);
        expect(messages.flatMap((m) => m.body.lines)).toHaveLength(expected.length);
      } finally {
        await closeDatabase(other);
      }
    });

    it('sends an unmapped division\'s reminders to the coordinator channel, marked unmapped', async () => {
      await tick(tokyo('2020-07-22'));
      const messages = await outbox();
      const kanzai = messages.find((m) => m.division === '総務部管財課');
      expect(kanzai).toMatchObject({ channel: 'C0REFORM01', body: { unmapped: true } });
      const reform = messages.find((m) => m.division === '総務部行財政改革推進課');
      expect(reform).toMatchObject({ channel: 'C0REFORM01', body: { unmapped: false } });
      const zeishu = messages.find((m) => m.division === '総務部税収確保課');
      expect(zeishu).toMatchObject({ channel: 'C0ZEISHU01', body: { unmapped: false } });
    });

    it('without a directory file, enqueues every division as unmapped, with no channel', async () => {
      await runReminderTick(tokyo('2020-07-22'), tickDeps(test.db, EMPTY_DIRECTORY));
      const messages = await outbox();
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((m) => m.channel === '' && m.body.unmapped)).toBe(true);
    });

    it('enqueues nothing on a day that is not a business day', async () => {
      // 07-23 and 07-24 are holidays moved for the Olympics, 07-25 a Saturday, 12-30 in the year-end closure.
      for (const day of ['2020-07-23', '2020-07-24', '2020-07-25', '2020-12-30']) {
        expect((await tick(tokyo(day))).outcome).toBe('not_business_day');
      }
      expect(await outbox()).toEqual([]);
      expect(await sentKeys()).toEqual([]);
    });

    it('enqueues nothing before the reminder time, and everything from it on', async () => {
      expect(await tick(tokyo('2020-07-22', '09:29'))).toMatchObject({ outcome: 'before_reminder_time', messages: 0 });
      expect(await outbox()).toEqual([]);
      expect(await tick(tokyo('2020-07-22', '09:30'))).toMatchObject({ outcome: 'enqueued', missed: 0 });
      expect((await outbox()).length).toBeGreaterThan(0);
    });

    it('on its very first run does not look back', async () => {
      const summary = await tick(tokyo('2020-07-28'));
      expect(summary.missed).toBe(0);
      expect((await outbox()).every((m) => !m.body.missed)).toBe(true);
    });

    it('folds the days missed while down into one message per division', async () => {
      await tick(tokyo('2020-07-17'));
      // Down from Monday 07-20 to Tuesday 07-28, 10:15; 07-23 and 07-24 are holidays. Four business days: all caught up.
      const summary = await runReminderTick(tokyo('2020-07-28', '10:15'), tickDeps(test.db, directory, { catchUpBusinessDays: 4 }));
      const ctx = emptyContext(plan);
      const missed = remindersBetween('2020-07-18', '2020-07-27', ctx);
      const today = remindersOn('2020-07-28', ctx);
      expect(summary).toMatchObject({ outcome: 'enqueued', missed: missed.length, reminders: missed.length + today.length, skipped: 0 });

      const messages = (await outbox()).filter((m) => m.day === '2020-07-28');
      const missedMessages = messages.filter((m) => m.body.missed);
      const missedDivisions = [...new Set(missed.map((r) => r.division))];
      expect(missedMessages.map((m) => m.key).sort()).toEqual(missedDivisions.map((d) => `missed|2020-07-28|${d}`).sort());

      for (const message of missedMessages) {
        const topics = message.body.lines.map((l) => `${l.milestoneId}|${l.checkpoint ?? ''}|${l.owner ?? ''}`);
        expect(new Set(topics).size).toBe(topics.length);
        for (const line of message.body.lines) {
          expect(['2020-07-20', '2020-07-21', '2020-07-22', '2020-07-27']).toContain(line.originalDate);
        }
        // Today's message already covers 6-2-10's July checkpoint, so the missed one does not repeat it.
        const todayMessage = messages.find((m) => !m.body.missed && m.division === message.division);
        for (const line of todayMessage?.body.lines ?? []) {
          expect(topics).not.toContain(`${line.milestoneId}|${line.checkpoint ?? ''}|${line.owner ?? ''}`);
        }
      }
      const zeishu = missedMessages.find((m) => m.division === '総務部税収確保課');
      // 6-2-1's overdue notice went out on 07-22 (weekly) and is the latest on that topic.
      expect(zeishu?.body.lines.find((l) => l.milestoneId === '6-2-1')).toMatchObject({ kind: 'overdue', originalDate: '2020-07-22' });
      expect(zeishu?.body.lines.some((l) => l.milestoneId === '6-2-10')).toBe(false);

      // Every missed and every current reminder is accounted for by exactly one message.
      const rows = await test.db.selectFrom('reminder_sent').selectAll().execute();
      const byKey = new Map(rows.map((row) => [row.key, row.outbox_id]));
      const ids = new Map(messages.map((m) => [m.id, m]));
      for (const r of [...missed, ...today]) {
        const owner = ids.get(byKey.get(reminderKey(r)) ?? -1);
        expect(owner?.division).toBe(r.division);
      }

      expect(await tick(tokyo('2020-07-28', '11:00'))).toMatchObject({ messages: 0, reminders: 0 });
    });

    it('does not replay missed days after a restart on a weekend: they wait for the next business day', async () => {
      await tick(tokyo('2020-07-21'));
      expect(await tick(tokyo('2020-07-25'))).toMatchObject({ outcome: 'not_business_day', messages: 0 });
      const monday = await tick(tokyo('2020-07-27'));
      expect(monday.missed).toBe(remindersBetween('2020-07-22', '2020-07-26', emptyContext(plan)).length);
      expect((await outbox()).every((m) => m.day === '2020-07-21' || m.day === '2020-07-27')).toBe(true);
    });

    it('leaves out milestones reported done', async () => {
      await createStatusStore(test.db).append({
        milestoneId: '6-2-10',
        checkpoint: '2020-07',
        status: 'done',
        actor: 'U0ZEISHU1',
        via: 'cli',
        createdAt: '2020-07-20T01:00:00.000Z',
      });
      await tick(tokyo('2020-07-22'));
      const lines = (await outbox()).flatMap((m) => m.body.lines);
      expect(lines.some((l) => l.milestoneId === '6-2-10')).toBe(false);
      expect(lines.some((l) => l.milestoneId === '6-2-1')).toBe(true);
    });

    it('sends a reminder once when a plan names its division twice, and keeps ticking', async () => {
      // A plan file may list the same owner twice for a milestone; the policy then has the reminder twice.
      const twice: Plan = structuredClone(plan);
      const item = twice.pillars[0]!.initiatives[0]!.items[0]!;
      item.milestones[1] = { ...item.milestones[1]!, owners: ['総務部人事課', '総務部人事課'] };
      await storePlan(test.db, twice);
      const day = '2020-06-01';
      const doubled = remindersOn(day, emptyContext(twice)).filter((r) => r.milestoneId === item.milestones[1]!.id);
      expect(doubled.length).toBe(2);
      expect(reminderKey(doubled[0]!)).toBe(reminderKey(doubled[1]!));

      expect(await tick(tokyo(day))).toMatchObject({ outcome: 'enqueued' });
      const lines = (await outbox()).flatMap((m) => m.body.lines).filter((l) => l.milestoneId === item.milestones[1]!.id);
      expect(lines).toHaveLength(1);
      expect(await tick(tokyo('2020-06-02'))).toMatchObject({ outcome: 'enqueued' });
    });

    it('enqueues nothing without a stored plan', async () => {
      const empty = await dialect.open();
      try {
        expect(await runReminderTick(tokyo('2020-07-22'), tickDeps(empty.db, directory))).toMatchObject({ outcome: 'no_plan', messages: 0 });
      } finally {
        await empty.dispose();
      }
    });
  });

  describe(`runReminderTick with many reminders for one division (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it(`splits a division's day into messages of at most ${MAX_LINES_PER_MESSAGE} lines`, async () => {
      const count = MAX_LINES_PER_MESSAGE + 50;
      const plan: Plan = {
        version: 1,
        title: 'たくさんの取組',
        fiscalYear: 2020,
        coordinator: '総務部行財政改革推進課',
        pillars: [
          {
            id: 'I',
            title: '柱',
            initiatives: [
              {
                id: '1',
                title: '取組',
                items: [
                  {
                    id: '1-1',
                    title: '項目',
                    owners: ['総務部人事課'],
                    milestones: Array.from({ length: count }, (_, i) => ({
                      id: `1-1-${i + 1}`,
                      title: `取組 ${i + 1}`,
                      scheduleText: '9月',
                      schedule: { kind: 'months' as const, months: ['2020-09'] },
                    })),
                  },
                ],
              },
            ],
          },
        ],
        warnings: [],
      };
      await storePlan(test.db, plan);
      // The due day of every milestone: 2020-09-30.
      const summary = await runReminderTick(tokyo('2020-09-30'), tickDeps(test.db, await exampleDirectory()));
      expect(summary).toMatchObject({ messages: 2, reminders: count });
      const messages = reminderEntries<OutboxEntry>(await createOutboxStore(test.db).list());
      expect(messages.map((m) => [m.key, m.body.lines.length])).toEqual([
        ['reminders|2020-09-30|総務部人事課', MAX_LINES_PER_MESSAGE],
        ['reminders|2020-09-30|総務部人事課|2', 50],
      ]);
      const rows = await test.db.selectFrom('reminder_sent').selectAll().execute();
      const perMessage = new Map<number | null, number>();
      for (const row of rows) perMessage.set(row.outbox_id, (perMessage.get(row.outbox_id) ?? 0) + 1);
      expect([...perMessage.entries()].sort()).toEqual([
        [messages[0]!.id, MAX_LINES_PER_MESSAGE],
        [messages[1]!.id, 50],
      ]);
    });
  });
}
