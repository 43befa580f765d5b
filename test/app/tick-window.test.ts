// Issue 12 §1: the catch-up after downtime covers a bounded recent window
// and never days outside the plan's fiscal year; what it leaves out is said
// once, to the coordinator channel; a plan whose period is over sends nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { renderNoticeText } from '../../src/adapters/shell/render-notice-text.ts';
import { renderNotice } from '../../src/adapters/slack/render-notice.ts';
import type { NoticeMessage } from '../../src/app/ports.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import type { Directory } from '../../src/domain/directory.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { remindersBetween, remindersOn } from '../../src/domain/reminder-policy.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { calendar, emptyContext, exampleDirectory, storePlan, tickDeps, tokyo } from './tick-world.ts';

for (const dialect of DIALECTS) {
  describe(`the reminder tick after downtime and after the plan's year (${dialect.name})`, () => {
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

    const entries = async () => createOutboxStore(test.db).list();

    it('catches up only the last business days of the window, and says once what it left out', async () => {
      const deps = tickDeps(test.db, directory, { catchUpBusinessDays: 3 });
      await runReminderTick(tokyo('2020-07-03'), deps);
      // Down from Monday 07-06 to Wednesday 07-22: the window is 07-17, 07-20 and 07-21.
      const summary = await runReminderTick(tokyo('2020-07-22'), deps);
      const ctx = emptyContext(plan);
      const caughtUp = remindersBetween('2020-07-17', '2020-07-21', ctx);
      const left = remindersBetween('2020-07-04', '2020-07-16', ctx);
      expect(left.length).toBeGreaterThan(0);
      expect(summary).toMatchObject({
        outcome: 'enqueued',
        missed: caughtUp.length,
        reminders: caughtUp.length + remindersOn('2020-07-22', ctx).length,
        dropped: { from: '2020-07-04', to: '2020-07-16', days: 9, reminders: left.length },
      });
      for (const message of reminderEntries(await entries()).filter((m) => m.body.missed)) {
        for (const line of message.body.lines) expect(['2020-07-17', '2020-07-20', '2020-07-21']).toContain(line.originalDate);
      }
      const notices = (await entries()).filter((m) => m.body.type === 'notice');
      expect(notices.map((m) => [m.key, m.channel])).toEqual([['catchup|2020-07-22', directory.coordinator!.channel]]);
      const body = notices[0]!.body as NoticeMessage;
      expect(renderNoticeText(body)).toContain(`リマインダー ${left.length} 件は送りませんでした`);
      expect(renderNoticeText(body)).toContain('2020-07-04〜2020-07-16、9 営業日');
      expect(renderNotice(body).text).toContain('直近 3 営業日分まで');

      // Said once: the next days say nothing more about it.
      await runReminderTick(tokyo('2020-07-27'), deps);
      expect((await entries()).filter((m) => m.body.type === 'notice')).toHaveLength(1);
    });

    it('sends nothing once the plan\'s fiscal year is over, however long the bot was down', async () => {
      const deps = tickDeps(test.db, directory);
      await runReminderTick(tokyo('2021-03-01'), deps);
      const before = (await entries()).length;
      // April still carries March's overdue notices; from May on the plan is over, and catch-up never reaches back.
      expect(await runReminderTick(tokyo('2021-04-30'), deps)).toMatchObject({ outcome: 'enqueued' });
      const april = (await entries()).length;
      expect(await runReminderTick(tokyo('2021-05-06'), deps)).toMatchObject({ outcome: 'period_over', messages: 0 });
      expect(await runReminderTick(tokyo('2026-12-01'), deps)).toMatchObject({ outcome: 'period_over', messages: 0 });
      expect(before).toBeGreaterThan(0);
      expect((await entries()).length).toBe(april);
    });

    it('never catches up days before the plan\'s year began', async () => {
      const deps = tickDeps(test.db, directory, { catchUpBusinessDays: 10 });
      expect(await runReminderTick(tokyo('2020-03-25'), deps)).toMatchObject({ outcome: 'before_period', messages: 0 });
      const summary = await runReminderTick(tokyo('2020-04-02'), deps);
      // Only April 1 is missed: March belongs to no day of this plan.
      expect(summary.dropped).toBeUndefined();
      for (const message of reminderEntries(await entries()).filter((m) => m.body.missed)) {
        for (const line of message.body.lines) expect(line.originalDate).toBe('2020-04-01');
      }
      expect(calendar.isBusinessDay('2020-04-01')).toBe(true);
    });
  });
}
