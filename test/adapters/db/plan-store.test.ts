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
      expect(row).toMatchObject({ id: 'current', source_name: 'plan-r5.yaml', imported_at: T0 });
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
