// Posting the digest by hand (`/plan digest post [--replace]`), the
// preview's builder, and what happens without a plan or a directory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { createTerminalNotifier } from '../../src/adapters/shell/terminal-notifier.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { buildDashboard } from '../../src/app/build-dashboard.ts';
import { buildDigestFor, narrowToDigestReading, readStatusesFor } from '../../src/app/build-digest.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import type { DigestMessage } from '../../src/app/ports.ts';
import { postDigest } from '../../src/app/post-digest.ts';
import { EMPTY_DIRECTORY, type Directory } from '../../src/domain/directory.ts';
import type { Result } from '../../src/domain/result.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';
import { digestDeps } from './digest-world.ts';
import { calendar, exampleDirectory, storePlan, TIME_ZONE, tokyo } from './tick-world.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';

function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

for (const dialect of DIALECTS) {
  describe(`postDigest by hand (${dialect.name})`, () => {
    let test: TestDatabase;
    let directory: Directory;
    beforeEach(async () => {
      test = await dialect.open();
      directory = await exampleDirectory();
    });
    afterEach(async () => {
      await test.dispose();
    });

    const deps = () => digestDeps(test.db, directory);
    const keys = async () => (await createOutboxStore(test.db).list()).map((m) => m.key);

    it('fails with a code, not an exception, when no plan is stored', async () => {
      const result = await postDigest(tokyo('2020-09-07', '09:00'), deps());
      expect(result).toMatchObject({ ok: false, error: { code: 'no_plan' } });
      expect(await buildDigestFor('2020-09-07', deps())).toMatchObject({ ok: false, error: { code: 'no_plan' } });
    });

    it('posts an extra digest at once, any day, and leaves the week\'s scheduled one to come', async () => {
      await storePlan(test.db);
      const extra = value(await postDigest(tokyo('2020-09-06', '15:00'), deps(), { manual: true }));
      expect(extra).toMatchObject({ kind: 'enqueued', week: '2020-W36', date: '2020-09-06', key: 'digest|2020-W36|manual', manual: true, late: false, weekly: false });
      expect(value(await postDigest(tokyo('2020-09-06', '15:01'), deps(), { manual: true }))).toMatchObject({ key: 'digest|2020-W36|manual|2' });
      // Sunday 9/6 belongs to the week of Monday 8/31, whose digest was never posted; 9/7 starts a new week.
      expect(value(await postDigest(tokyo('2020-09-07', '09:00'), deps()))).toMatchObject({ kind: 'enqueued', key: 'digest|2020-W37', weekly: true });
      expect(await createDigestStore(test.db).list()).toMatchObject([{ week: '2020-W37', day: '2020-09-07', manual: false }]);
      expect(await keys()).toEqual(['digest|2020-W36|manual', 'digest|2020-W36|manual|2', 'digest|2020-W37']);
    });

    it('with replace, takes the place of the week\'s digest, before or after it went out', async () => {
      await storePlan(test.db);
      // Before: Monday 08:00, then the schedule at 09:00 finds the week done.
      expect(value(await postDigest(tokyo('2020-09-07', '08:00'), deps(), { manual: true, replace: true }))).toMatchObject({ key: 'digest|2020-W37', weekly: true, manual: true });
      expect(value(await postDigest(tokyo('2020-09-07', '09:00'), deps()))).toMatchObject({ kind: 'skipped', reason: 'already_posted' });
      // After: on Wednesday, a second replacement becomes the week's record.
      const replaced = value(await postDigest(tokyo('2020-09-09', '14:00'), deps(), { manual: true, replace: true }));
      expect(replaced).toMatchObject({ key: 'digest|2020-W37|2', date: '2020-09-09' });
      expect(await createDigestStore(test.db).list()).toMatchObject([{ week: '2020-W37', day: '2020-09-09', outboxKey: 'digest|2020-W37|2', outboxId: replaced.kind === 'enqueued' ? replaced.outboxId : -1, manual: true }]);
      // "replace" alone is not the schedule's to use.
      expect(value(await postDigest(tokyo('2020-09-14', '09:00'), deps(), { replace: true }))).toMatchObject({ kind: 'enqueued', key: 'digest|2020-W38', manual: false });
    });

    it('reads "since" from the previous week\'s digest, and the preview says what the post says', async () => {
      await storePlan(test.db);
      value(await postDigest(tokyo('2020-08-31', '09:00'), deps()));
      await createStatusStore(test.db).append({ milestoneId: '4-1-2', checkpoint: '2020-08', status: 'done', actor: 'U0COORD01', via: 'slash', createdAt: tokyo('2020-09-03', '10:00').toISOString() });
      const preview = value(await buildDigestFor('2020-09-07', deps()));
      expect(preview.previousDate).toBe('2020-08-31');
      expect(preview.completed.items.map((e) => e.milestoneId)).toEqual(['4-1-2']);
      value(await postDigest(tokyo('2020-09-07', '09:00'), deps()));
      const [first, posted] = await createOutboxStore(test.db).list();
      const body = posted?.body as DigestMessage;
      // The first digest had none before it to name; the second names the first.
      expect((first?.body as DigestMessage).digest.afterDigest).toBe(false);
      expect(body.digest.afterDigest).toBe(true);
      expect(preview.afterDigest).toBe(true);
      expect(body.digest.completed).toEqual(preview.completed);
      expect(body.digest.counts).toEqual(preview.counts);
      // A preview later in the week still reads from the previous week's digest.
      expect(value(await buildDigestFor('2020-09-10', deps())).previousDate).toBe('2020-08-31');
    });

    it('carries the chart\'s burn-up of its date, the dashboard\'s figures, counting work done months before the week', async () => {
      await storePlan(test.db);
      await createStatusStore(test.db).append({ milestoneId: '4-1-2', checkpoint: '2020-08', status: 'done', actor: 'U0COORD01', via: 'slash', createdAt: tokyo('2020-05-20', '10:00').toISOString() });
      value(await postDigest(tokyo('2020-09-07', '09:00'), deps()));
      const [message] = await createOutboxStore(test.db).list();
      const body = message?.body as DigestMessage;
      const plan = (await createPlanStore(test.db).load())!;
      const dashboard = await buildDashboard('2020-09-07', { plan, statuses: createStatusStore(test.db), digests: createDigestStore(test.db), directory }, { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE });
      expect(body.burnUp).toEqual(dashboard.burnUp);
      expect(body.burnUp?.map((p) => p.month)).toEqual(['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
      // Done in May, long before the digest's own week: the year's figures see it.
      expect(body.burnUp?.[1]?.done).toBe(1);
      expect(body.burnUp?.[0]?.done).toBe(0);
      expect(body.burnUp?.[6]?.done).toBeNull();
    });

    it('narrows the year\'s reading to exactly what the digest reads of its own window', async () => {
      await storePlan(test.db);
      const statuses = createStatusStore(test.db);
      const at = (day: string) => tokyo(day, '10:00').toISOString();
      // 4-1-2 changed only in May; 4-1-1 in May and again within the week before 2020-09-07.
      await statuses.append({ milestoneId: '4-1-2', checkpoint: '2020-08', status: 'done', actor: 'U0COORD01', via: 'slash', createdAt: at('2020-05-20') });
      await statuses.append({ milestoneId: '4-1-1', status: 'on_track', actor: 'U0COORD01', via: 'slash', createdAt: at('2020-05-21') });
      await statuses.append({ milestoneId: '4-1-1', status: 'at_risk', actor: 'U0COORD01', via: 'slash', createdAt: at('2020-09-02') });
      const deps = { statuses, timeZone: TIME_ZONE };
      const own = await readStatusesFor('2020-09-07', null, deps);
      const year = await readStatusesFor('2020-09-07', null, deps, '2020-04-01');
      expect(year.updates.map((u) => u.milestoneId)).toEqual(['4-1-2', '4-1-1', '4-1-1']);
      expect(narrowToDigestReading(year, '2020-09-07', null, TIME_ZONE)).toEqual(own);
      expect(own.updates.map((u) => u.milestoneId)).toEqual(['4-1-1', '4-1-1']);
    });

    it('goes to the coordinator channel, or prints in the terminal without a directory', async () => {
      await storePlan(test.db);
      directory = EMPTY_DIRECTORY;
      value(await postDigest(tokyo('2020-09-07', '09:00'), deps()));
      const [message] = await createOutboxStore(test.db).list();
      expect(message).toMatchObject({ channel: '', division: '総務部行財政改革推進課', day: '2020-09-07' });

      const printed: string[] = [];
      const clock = new VirtualClock(tokyo('2020-09-07', '09:00'));
      await createDispatcher({ outbox: createOutboxStore(test.db), notifier: createTerminalNotifier((text) => printed.push(text)), clock, sleep: clock.sleep, owner: 't' }).runOnce();
      expect(printed.join('')).toContain('== 週次ダイジェスト 令和2年9月7日(月) · 2020-09-07');
      expect((await createDigestStore(test.db).list())[0]?.sentTs).toBe('terminal.1');
    });
  });
}

