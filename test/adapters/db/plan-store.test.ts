import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import type { Plan } from '../../../src/domain/plan.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

const T0 = '2023-06-01T00:30:00.000Z';
const T1 = '2023-07-03T00:30:00.000Z';
const T2 = '2023-08-01T00:30:00.000Z';

/** The plan without one milestone, found by id. */
function withoutMilestone(plan: Plan, id: string): Plan {
  const copy = structuredClone(plan);
  for (const pillar of copy.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) item.milestones = item.milestones.filter((milestone) => milestone.id !== id);
    }
  }
  return copy;
}

for (const dialect of DIALECTS) {
  describe(`plan store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('has no plan before the first save', async () => {
      expect(await createPlanStore(test.db).load()).toBeNull();
    });

    it('loads exactly the plan it saved', async () => {
      const store = createPlanStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      expect(await store.load()).toStrictEqual(plan);
      const row = await test.db.selectFrom('plan').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ id: 'fy2023', id_prefix: '', source_name: 'plan-r5.yaml', imported_at: T0 });
    });

    it('keeps a removed milestone inactive, with its history', async () => {
      const store = createPlanStore(test.db);
      const statuses = createStatusStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      await statuses.append({ milestoneId: '1-1-3', status: 'on_track', actor: 'U10', via: 'slash', createdAt: T1 });

      const revised = withoutMilestone(plan, '1-1-3');
      await store.save(revised, 'plan-r5-v2.yaml', T2);

      expect(await store.load()).toStrictEqual(revised);
      expect(await store.listInactiveMilestoneIds()).toEqual(['1-1-3']);
      expect((await statuses.history('1-1-3')).map((update) => update.status)).toEqual(['on_track']);
      const row = await test.db.selectFrom('milestone').selectAll().where('id', '=', '1-1-3').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ active: 0, created_at: T0, updated_at: T2 });

      // Back in the plan, the same row comes back to life.
      await store.save(plan, 'plan-r5.yaml', T2);
      expect(await store.load()).toStrictEqual(plan);
      expect(await store.listInactiveMilestoneIds()).toEqual([]);
    });

    it('only touches milestones that changed', async () => {
      const store = createPlanStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      const edited = structuredClone(plan);
      const milestone = edited.pillars[0]!.initiatives[0]!.items[0]!.milestones[0]!;
      milestone.title = `${milestone.title}(改)`;
      await store.save(edited, 'plan-r5.yaml', T1);

      const rows = await test.db.selectFrom('milestone').select(['id', 'updated_at']).where('updated_at', '=', T1).execute();
      expect(rows.map((row) => row.id)).toEqual([milestone.id]);
      expect(await store.load()).toStrictEqual(edited);
    });

    it('drops items, initiatives and pillars that left the plan but keeps their milestones', async () => {
      const store = createPlanStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      const smaller: Plan = { ...structuredClone(plan), pillars: [structuredClone(plan.pillars[0]!)] };
      await store.save(smaller, 'plan-r5.yaml', T1);

      expect(await store.load()).toStrictEqual(smaller);
      expect(await store.listInactiveMilestoneIds()).toEqual(['2-1-1', '2-1-2', '2-1-3']);
      expect(await test.db.selectFrom('item').select('id').where('id', '=', '2-1').execute()).toEqual([]);
      expect(await test.db.selectFrom('item_owner').select('item_id').where('item_id', '=', '2-1').execute()).toEqual([]);
      expect(await test.db.selectFrom('pillar').select('id').orderBy('id').execute()).toEqual([{ id: 'I' }]);
    });

    it('follows moves and reordering', async () => {
      const store = createPlanStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      const moved = structuredClone(plan);
      // Initiative 2 moves under pillar I, pillars swap places, and an item's owners are reordered.
      const [first, second] = moved.pillars as [Plan['pillars'][0], Plan['pillars'][0]];
      first.initiatives.push(...second.initiatives);
      second.initiatives = [];
      moved.pillars = [second, first];
      first.initiatives[0]!.items[1]!.owners.reverse();
      await store.save(moved, 'plan-r5.yaml', T1);
      expect(await store.load()).toStrictEqual(moved);
    });

    it('stores warnings and optional plan fields', async () => {
      const store = createPlanStore(test.db);
      const { publishedOn: _publishedOn, coordinator: _coordinator, ...bare } = planR5();
      const plan: Plan = { ...bare, warnings: [] };
      await store.save(plan, 'bare.json', T0);
      expect(await store.load()).toStrictEqual(plan);
    });

    it('writes nothing when a save fails half-way', async () => {
      const store = createPlanStore(test.db);
      const plan = planR5();
      await store.save(plan, 'plan-r5.yaml', T0);
      const broken = structuredClone(plan);
      broken.title = '改訂版';
      // A division listed twice breaks item_owner's key after the milestones were written.
      broken.pillars[0]!.initiatives[0]!.items[0]!.owners = ['総務部人事課', '総務部人事課'];
      broken.pillars[1]!.initiatives[0]!.items[0]!.milestones.pop();
      await expect(store.save(broken, 'broken.yaml', T1)).rejects.toThrow();
      expect(await store.load()).toStrictEqual(plan);
      expect(await store.listInactiveMilestoneIds()).toEqual([]);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`plan store with several plans (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    /** The fixture plan moved to another fiscal year, same ids and titles. */
    function nextYear(plan: Plan): Plan {
      const text = JSON.stringify(plan).replaceAll('2024-', '2025-').replaceAll('2023-', '2024-');
      return { ...(JSON.parse(text) as Plan), fiscalYear: 2024, title: plan.title.replace('令和5年度', '令和6年度') };
    }

    it('keeps plans apart by key: same milestone ids, separate trees and statuses', async () => {
      const fy2023 = planR5();
      const fy2024 = nextYear(fy2023);
      const store = createPlanStore(test.db, { today: () => '2024-05-01' });
      await store.save(fy2023, 'r5.yaml', T0, 'fy2023');
      await store.save(fy2024, 'r6.yaml', T2, 'gyokaku-2024');

      expect((await store.list()).map((p) => [p.key, p.prefix, p.fiscalYear])).toEqual([
        ['fy2023', '', 2023],
        ['gyokaku-2024', 'gyokaku-2024/', 2024],
      ]);
      expect(await store.loadKey('fy2023')).toStrictEqual(fy2023);
      expect(await store.loadKey('gyokaku-2024')).toStrictEqual(fy2024);
      // The current fiscal year's plan is the default; before it began, last year's.
      expect(await store.load()).toStrictEqual(fy2024);
      expect(await createPlanStore(test.db, { today: () => '2024-03-29' }).load()).toStrictEqual(fy2023);

      const old = createStatusStore(test.db, async () => ({ key: 'fy2023', prefix: '' }));
      const current = createStatusStore(test.db, async () => ({ key: 'gyokaku-2024', prefix: 'gyokaku-2024/' }));
      await old.append({ milestoneId: '1-1-1', status: 'done', actor: 'U10', via: 'slash', createdAt: T1 });
      expect(await current.latest()).toEqual([]);
      expect(await current.history('1-1-1')).toEqual([]);
      await current.append({ milestoneId: '1-1-1', status: 'at_risk', actor: 'U10', via: 'slash', createdAt: T2 });
      expect((await old.latest()).map((g) => [g.milestoneId, g.status])).toEqual([['1-1-1', 'done']]);
      expect((await current.latest()).map((g) => [g.milestoneId, g.status])).toEqual([['1-1-1', 'at_risk']]);

      // Re-importing one plan leaves the other untouched.
      await store.save(withoutMilestone(fy2024, '1-1-3'), 'r6-v2.yaml', T2, 'gyokaku-2024');
      expect(await store.loadKey('fy2023')).toStrictEqual(fy2023);
      expect(await store.listInactiveMilestoneIds('gyokaku-2024')).toEqual(['1-1-3']);
      expect(await store.listInactiveMilestoneIds('fy2023')).toEqual([]);
    });
  });
}
