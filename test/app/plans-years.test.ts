// Issue 13 §1, as the bot runs it (the wiring of src/main.ts): the FY2020 →
// FY2021 story, and two plans in one database with separate digests.
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore, type PlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { postDigest } from '../../src/app/post-digest.ts';
import { postEveryPlanDigest, tickEveryPlan, type PlanRef } from '../../src/app/run-every-plan.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { directoryForPlan, type Directory } from '../../src/domain/directory.ts';
import { addDays } from '../../src/domain/local-date.ts';
import { stateLookupOf } from '../../src/domain/milestone-state.ts';
import { choosePlanTarget } from '../../src/domain/plan-target.ts';
import type { LocalDate, Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY, remindersBetween } from '../../src/domain/reminder-policy.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { nextFiscalYear } from '../fixtures/next-fiscal-year.ts';
import { digestDeps } from './digest-world.ts';
import { bundledPlan, calendar, exampleDirectory, TIME_ZONE, tickDeps, tokyo } from './tick-world.ts';

/** Stores `plan` where `shinchoku import` would (choosePlanTarget), or under `key`. */
async function importPlan(plans: PlanStore, plan: Plan, now: string, key?: string): Promise<string> {
  const target = choosePlanTarget(await plans.list(), plan, key);
  if (!target.ok) throw new Error(target.error.code);
  await plans.save(plan, `${target.value.key}.yaml`, now, target.value.key);
  return target.value.key;
}

/** The per-plan parts of src/main.ts. */
function planParts(db: Kysely<Database>, plans: PlanStore, ref: PlanRef) {
  return {
    plans: { load: () => plans.loadKey(ref.key) },
    statuses: createStatusStore(db, async () => ref),
    digests: createDigestStore(db, ref.prefix),
    keyPrefix: ref.prefix,
  };
}

/** One tick of every plan at `now`, as the bot's daily job runs it. */
async function tickAll(db: Kysely<Database>, plans: PlanStore, directory: Directory, now: Date) {
  return tickEveryPlan(await plans.list(), (ref) =>
    runReminderTick(now, { ...tickDeps(db, directoryForPlan(directory, ref.key)), ...planParts(db, plans, ref) }),
  );
}

/** Every reminder of the plan stored under `key` from `from` to `to`, as the tick computes them from its statuses. */
async function remindersOf(db: Kysely<Database>, plans: PlanStore, key: string, from: LocalDate, to: LocalDate): Promise<string[]> {
  const plan = (await plans.loadKey(key))!;
  const state = stateLookupOf(await createStatusStore(db, () => plans.scopeOf(key)).latest(), TIME_ZONE);
  return remindersBetween(from, to, { plan, calendar, policy: DEFAULT_REMINDER_POLICY, state }).map(reminderKey);
}

/** Each reminder line of the outbox messages after id `after` (of one plan: its key prefix), as `day|division|milestone|checkpoint|kind|missed`. */
async function lines(db: Kysely<Database>, after = 0, prefix = ''): Promise<string[]> {
  const entries = reminderEntries(await createOutboxStore(db).list()).filter((m) => m.id > after && (prefix === '' ? !m.key.includes('/') : m.key.startsWith(prefix)));
  return entries.flatMap((m) => m.body.lines.map((l) => [m.day, m.division, l.milestoneId, l.checkpoint ?? '', l.kind, m.body.missed].join('|'))).sort();
}

async function lastOutboxId(db: Kysely<Database>): Promise<number> {
  return Math.max(0, ...(await createOutboxStore(db).list()).map((m) => m.id));
}

const FY2021_DAYS: LocalDate[] = ['2021-04-01', '2021-05-06', '2021-06-30', '2021-09-30', '2021-12-28', '2022-03-31'];

for (const dialect of DIALECTS) {
  describe(`plans year after year (${dialect.name})`, () => {
    let test: TestDatabase;
    let fresh: TestDatabase;
    let directory: Directory;
    beforeEach(async () => {
      test = await dialect.open();
      fresh = await dialect.open();
      directory = await exampleDirectory();
    });
    afterEach(async () => {
      await test.dispose();
      await fresh.dispose();
    });

    it('FY2020 → FY2021: next year reminds as a fresh database would, and last year stays readable', async () => {
      const fy2020 = await bundledPlan();
      const fy2021 = nextFiscalYear(fy2020);
      let today: LocalDate = '2020-04-01';
      const plans = createPlanStore(test.db, { today: () => today });
      expect(await importPlan(plans, fy2020, '2020-04-01T00:00:00.000Z')).toBe('fy2020');
      // 完了 on some milestones during FY2020, through the commands' default plan.
      const commands = createStatusStore(test.db, () => plans.scopeOf());
      const done = ['1-1-2', '1-1-3', '2-1-1', '6-2-10'];
      for (const id of done) await commands.append({ milestoneId: id, status: 'done', actor: 'U10', via: 'slash', createdAt: '2020-10-01T01:00:00.000Z' });
      await tickAll(test.db, plans, directory, tokyo('2020-07-22'));

      // The next year's plan: same titles, new months. A new plan, not a revision.
      today = '2021-03-25';
      expect(await importPlan(plans, fy2021, '2021-03-25T00:00:00.000Z')).toBe('fy2021');
      today = '2021-04-01';
      expect((await plans.load())?.fiscalYear).toBe(2021);

      const freshPlans = createPlanStore(fresh.db, { today: () => today });
      await importPlan(freshPlans, fy2021, '2021-03-25T00:00:00.000Z');

      // The year's reminders as the tick computes them: equal to those of a database holding only FY2021.
      const year = await remindersOf(test.db, plans, 'fy2021', '2021-04-01', '2022-03-31');
      expect(year.length).toBeGreaterThan(3000);
      expect(year).toEqual(await remindersOf(fresh.db, freshPlans, 'fy2021', '2021-04-01', '2022-03-31'));
      // Among them, the ones last year's 完了 once silenced.
      expect(year.some((key) => key.includes('|6-2-10|'))).toBe(true);

      // The ticks themselves, on days through the year (each day's catch-up window reaches no earlier tick).
      const before = await lastOutboxId(test.db);
      for (const day of FY2021_DAYS) {
        today = day;
        await tickAll(test.db, plans, directory, tokyo(day));
        await tickAll(fresh.db, freshPlans, directory, tokyo(day));
      }
      const added = await lines(test.db, before, 'fy2021/');
      expect(added.length).toBeGreaterThan(100);
      expect(added).toEqual(await lines(fresh.db));
      // FY2020's plan (stored first, so its keys have no prefix) reminds nothing after its April of overdue notices.
      const sinceMay = (await createOutboxStore(test.db).list()).filter((m) => m.id > before && m.day >= '2021-05-01');
      expect(sinceMay.length).toBeGreaterThan(0);
      expect(sinceMay.every((m) => m.key.startsWith('fy2021/'))).toBe(true);

      // FY2020's history: still there, read-only, under its own key.
      const old = createStatusStore(test.db, () => plans.scopeOf('fy2020'));
      expect((await old.history('6-2-10')).map((u) => u.status)).toEqual(['done']);
      expect((await plans.loadKey('fy2020'))?.title).toBe(fy2020.title);
      expect(await createStatusStore(test.db, () => plans.scopeOf('fy2021')).history('6-2-10')).toEqual([]);
    }, 180_000);

    it('two plans in one database: one digest each, to each plan\'s coordinator channel', async () => {
      const gyokaku = await bundledPlan();
      const dx: Plan = { ...(await bundledPlan()), title: 'DX推進計画' };
      const plans = createPlanStore(test.db, { today: () => '2020-09-07' });
      await importPlan(plans, gyokaku, '2020-04-01T00:00:00.000Z', 'gyokaku-2020');
      await importPlan(plans, dx, '2020-04-01T00:00:00.000Z', 'dx-2020');
      const withDxChannel: Directory = { ...directory, coordinator: { ...directory.coordinator!, plans: { 'dx-2020': 'C0DX0001' } } };

      const now = tokyo('2020-09-07', '09:00');
      const result = await postEveryPlanDigest(await plans.list(), (ref) =>
        postDigest(now, { ...digestDeps(test.db, directoryForPlan(withDxChannel, ref.key)), ...planParts(test.db, plans, ref) }),
      );
      expect(result).toMatchObject({ ok: true, value: { kind: 'enqueued' } });
      const digests = (await createOutboxStore(test.db).list()).filter((m) => m.body.type === 'digest');
      expect(digests.map((m) => [m.key, m.channel]).sort()).toEqual([
        ['digest|2020-W37', directory.coordinator!.channel],
        ['dx-2020/digest|2020-W37', 'C0DX0001'],
      ]);
      // Each plan keeps its own record of the week; a second run posts nothing more.
      expect((await createDigestStore(test.db, '').list()).map((d) => d.week)).toEqual(['2020-W37']);
      expect((await createDigestStore(test.db, 'dx-2020/').list()).map((d) => d.week)).toEqual(['2020-W37']);
      await postEveryPlanDigest(await plans.list(), (ref) => postDigest(now, { ...digestDeps(test.db, withDxChannel), ...planParts(test.db, plans, ref) }));
      expect((await createOutboxStore(test.db).list()).filter((m) => m.body.type === 'digest')).toHaveLength(2);

      // Each plan's statuses are its own: a report on DX does not show in the reform plan's digest.
      const dxStatuses = createStatusStore(test.db, () => plans.scopeOf('dx-2020'));
      await dxStatuses.append({ milestoneId: '1-1-2', status: 'delayed', actor: 'U10', via: 'slash', createdAt: '2020-09-08T01:00:00.000Z' });
      const gyokakuStatuses = createStatusStore(test.db, () => plans.scopeOf('gyokaku-2020'));
      expect(await gyokakuStatuses.history('1-1-2')).toEqual([]);
      expect(addDays('2020-09-07', 7)).toBe('2020-09-14');
    }, 120_000);
  });
}
