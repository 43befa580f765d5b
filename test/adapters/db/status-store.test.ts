import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { summarizeUpdates, type GroupLatest } from '../../../src/domain/status-summary.ts';
import { statusKey, type NewStatusUpdate } from '../../../src/domain/status-update.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';
import { seededRandom } from '../../fakes/seeded-random.ts';


for (const dialect of DIALECTS) {
  describe(`status store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
      await createPlanStore(test.db).save(planR5(), 'plan-r5.yaml', '2023-06-01T00:00:00.000Z');
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('appends updates and returns them with increasing ids', async () => {
      const store = createStatusStore(test.db);
      const first = await store.append({
        milestoneId: '1-1-1',
        status: 'at_risk',
        comment: '講師の調整が遅れている <!channel>',
        actor: 'U10',
        via: 'button',
        createdAt: '2023-06-20T01:00:00.000Z',
      });
      expect(first).toStrictEqual({
        id: first.id,
        milestoneId: '1-1-1',
        status: 'at_risk',
        comment: '講師の調整が遅れている <!channel>',
        actor: 'U10',
        via: 'button',
        createdAt: '2023-06-20T01:00:00.000Z',
      });
      const second = await store.append({
        milestoneId: '1-1-1',
        status: 'delayed',
        revisedDue: '2024-02',
        actor: 'U01',
        via: 'cli',
        createdAt: '2023-06-21T01:00:00.000Z',
      });
      expect(second.id).toBeGreaterThan(first.id);
      expect(second.revisedDue).toBe('2024-02');
    });

    it('returns a milestone history oldest first, by when it happened', async () => {
      const store = createStatusStore(test.db);
      await store.append({ milestoneId: '1-1-1', status: 'on_track', actor: 'U10', via: 'slash', createdAt: '2023-07-01T00:00:00.000Z' });
      await store.append({ milestoneId: '1-2-1', status: 'done', actor: 'U11', via: 'slash', createdAt: '2023-06-15T00:00:00.000Z' });
      // Recorded later but dated earlier, as an imported history would be.
      await store.append({ milestoneId: '1-1-1', status: 'not_started', actor: 'U10', via: 'import', createdAt: '2023-06-01T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-1', status: 'done', actor: 'U10', via: 'modal', createdAt: '2023-07-01T00:00:00.000Z' });

      const history = await store.history('1-1-1');
      expect(history.map((update) => [update.status, update.createdAt])).toEqual([
        ['not_started', '2023-06-01T00:00:00.000Z'],
        ['on_track', '2023-07-01T00:00:00.000Z'],
        ['done', '2023-07-01T00:00:00.000Z'],
      ]);
      expect(await store.history('2-1-1')).toEqual([]);
    });

    it('gives the latest update per milestone and checkpoint', async () => {
      const store = createStatusStore(test.db);
      await store.append({ milestoneId: '1-1-2', checkpoint: '2023-08', status: 'on_track', actor: 'U10', via: 'slash', createdAt: '2023-08-01T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-2', checkpoint: '2023-08', status: 'done', actor: 'U10', via: 'button', createdAt: '2023-08-30T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-2', checkpoint: '2024-01', status: 'at_risk', actor: 'U10', via: 'button', createdAt: '2023-08-31T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-1', status: 'delayed', actor: 'U11', via: 'teams', createdAt: '2023-09-01T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-1', status: 'on_track', actor: 'U11', via: 'shell', createdAt: '2023-08-01T00:00:00.000Z' });

      const latest = new Map((await store.latest()).map((group) => [statusKey(group.milestoneId, group.checkpoint ?? undefined), group]));
      expect([...latest.keys()].sort()).toEqual(['1-1-1|', '1-1-2|2023-08', '1-1-2|2024-01']);
      expect(latest.get(statusKey('1-1-2', '2023-08'))?.status).toBe('done');
      expect(latest.get(statusKey('1-1-2', '2024-01'))?.status).toBe('at_risk');
      // Appended last but made earlier: the update of 09-01 stays the latest.
      expect(latest.get(statusKey('1-1-1'))).toMatchObject({ status: 'delayed', at: '2023-09-01T00:00:00.000Z' });
    });

    it('keeps the summary equal to a fold of the whole history, whatever order updates arrive in', async () => {
      const store = createStatusStore(test.db);
      const random = seededRandom(42);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const statuses = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled'] as const;
      const make = (): NewStatusUpdate => ({
        milestoneId: pick(['1-1-1', '1-1-2', '1-2-1']),
        ...(random() < 0.6 && { checkpoint: pick(['2023-08', '2023-09']) }),
        status: pick(statuses),
        ...(random() < 0.3 && { revisedDue: pick(['2023-10', '2023-11', '2024-02']) }),
        actor: 'U10',
        via: 'slash',
        // Few distinct times, so that ties (decided by id) happen, and out of order.
        createdAt: `2023-0${pick([7, 8, 9])}-0${pick([1, 2])}T00:00:00.000Z`,
      });
      for (let i = 0; i < 60; i++) await store.append(make());
      await store.appendAll(Array.from({ length: 60 }, make));

      const byKey = (groups: Iterable<GroupLatest>) => new Map([...groups].map((g) => [statusKey(g.milestoneId, g.checkpoint ?? undefined), g]));
      expect(byKey(await store.latest())).toEqual(byKey(summarizeUpdates(await store.all()).values()));
      // One step per append: 60 single appends and one appendAll.
      expect(await store.revision()).toBe(61);
    });

    it('gives every update of the milestones touched since an instant', async () => {
      const store = createStatusStore(test.db);
      expect(await store.revision()).toBe(0);
      await store.append({ milestoneId: '1-1-1', status: 'on_track', actor: 'U10', via: 'slash', createdAt: '2023-07-01T00:00:00.000Z' });
      await store.append({ milestoneId: '1-2-1', status: 'on_track', actor: 'U10', via: 'slash', createdAt: '2023-07-02T00:00:00.000Z' });
      await store.append({ milestoneId: '1-1-1', status: 'done', actor: 'U10', via: 'slash', createdAt: '2023-07-10T00:00:00.000Z' });
      const touched = await store.touchedSince('2023-07-05T00:00:00.000Z');
      expect(touched.map((u) => [u.milestoneId, u.status])).toEqual([
        ['1-1-1', 'on_track'],
        ['1-1-1', 'done'],
      ]);
      expect(await store.touchedSince('2023-08-01T00:00:00.000Z')).toEqual([]);
    });

    it('refuses an update for a milestone that was never stored', async () => {
      const store = createStatusStore(test.db);
      const update = store.append({ milestoneId: '9-9-9', status: 'done', actor: 'U10', via: 'cli', createdAt: '2023-08-01T00:00:00.000Z' });
      await expect(update).rejects.toThrow(/FOREIGN KEY/i);
    });
  });
}
