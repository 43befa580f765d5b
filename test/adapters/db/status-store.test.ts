import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { statusKey } from '../../../src/domain/status-update.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

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

      const latest = await store.latestByMilestone();
      expect([...latest.keys()].sort()).toEqual(['1-1-1|', '1-1-2|2023-08', '1-1-2|2024-01']);
      expect(latest.get(statusKey('1-1-2', '2023-08'))?.status).toBe('done');
      expect(latest.get(statusKey('1-1-2', '2024-01'))?.status).toBe('at_risk');
      expect(latest.get(statusKey('1-1-1'))?.status).toBe('delayed');
    });

    it('refuses an update for a milestone that was never stored', async () => {
      const store = createStatusStore(test.db);
      const update = store.append({ milestoneId: '9-9-9', status: 'done', actor: 'U10', via: 'cli', createdAt: '2023-08-01T00:00:00.000Z' });
      await expect(update).rejects.toThrow(/FOREIGN KEY/i);
    });
  });
}
