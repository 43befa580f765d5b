import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { DEFAULT_EVALUATION_SCALE, type EvaluationScale } from '../../../src/domain/report-round.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

const AD: EvaluationScale = {
  grades: [
    { code: 'A', label: '達成', requiresAchievement: true },
    { code: 'B', label: '概ね順調', requiresAchievement: true },
    { code: 'C', label: '遅れ', requiresAchievement: false },
  ],
};

const opening = (planId: string, openedAt = '2020-10-01T00:00:00.000Z') => ({ planId, asOf: '2020-09-30', deadline: '2020-10-09', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U-coord', openedAt });
const fields = { achievement: '研修を2回実施', evaluation: '○', issues: '', nextSteps: '下半期も継続' };

for (const dialect of DIALECTS) {
  describe(`report store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('opens one round per plan at a time, names the open one, and opens again after closing', async () => {
      const rounds = createReportRoundStore(test.db);
      const first = await rounds.open(opening('fy2020'));
      if (!first.ok) throw new Error('first round refused');
      expect(first.round).toMatchObject({ planId: 'fy2020', asOf: '2020-09-30', deadline: '2020-10-09', openedBy: 'U-coord', closedAt: null });
      expect(first.round.scale).toEqual(DEFAULT_EVALUATION_SCALE);

      const second = await rounds.open({ ...opening('fy2020'), asOf: '2021-03-31', deadline: '2021-04-09' });
      expect(second).toEqual({ ok: false, open: first.round });
      // Another plan has its own round.
      expect((await rounds.open(opening('gyokaku-2021'))).ok).toBe(true);

      expect(await rounds.current('fy2020')).toEqual(first.round);
      expect(await rounds.close(first.round.id, '2020-10-20T00:00:00.000Z')).toBe(true);
      expect(await rounds.close(first.round.id, '2020-10-21T00:00:00.000Z')).toBe(false);
      expect(await rounds.current('fy2020')).toBeNull();
      expect((await rounds.byId(first.round.id))?.closedAt).toBe('2020-10-20T00:00:00.000Z');

      const later = await rounds.open({ ...opening('fy2020', '2021-04-01T00:00:00.000Z'), asOf: '2021-03-31', deadline: '2021-04-09', scale: AD });
      if (!later.ok) throw new Error('second round refused after the first closed');
      expect((await rounds.list('fy2020')).map((r) => [r.asOf, r.scale.grades[0]?.code])).toEqual([
        ['2021-03-31', 'A'],
        ['2020-09-30', '◎'],
      ]);
      expect(await rounds.byId(9999)).toBeNull();
    });

    it('migrates down and up again', async () => {
      const migration = await import('../../../db/migrations/20261202000000_report_rounds.ts');
      await createReportRoundStore(test.db).open(opening('fy2020'));
      await migration.down(test.db);
      await expect(test.db.selectFrom('report_round').selectAll().execute()).rejects.toThrow();
      await migration.up(test.db);
      expect(await createReportRoundStore(test.db).current('fy2020')).toBeNull();
    });

    it('refuses a second open round written behind the store’s back (the unique index)', async () => {
      const rounds = createReportRoundStore(test.db);
      await rounds.open(opening('fy2020'));
      const sneak = test.db
        .insertInto('report_round')
        .values({ plan_id: 'fy2020', as_of: '2020-09-30', deadline: '2020-10-09', scale_json: '{}', opened_by: 'x', opened_at: 'x', closed_at: null })
        .execute();
      await expect(sneak).rejects.toThrow(/unique|duplicate/i);
    });

    it('keeps every answer and send-back as history, the latest per item first in line', async () => {
      const rounds = createReportRoundStore(test.db);
      const opened = await rounds.open(opening('fy2020'));
      if (!opened.ok) throw new Error('refused');
      const entries = createReportEntryStore(test.db);
      const roundId = opened.round.id;
      const first = await entries.append({ kind: 'answer', roundId, itemId: '1-1', division: '総務部人事課', actor: 'U1', via: 'slack', createdAt: '2020-10-02T01:00:00.000Z', ...fields });
      expect(first).toMatchObject({ kind: 'answer', roundId, itemId: '1-1', ...fields, via: 'slack' });
      await entries.append({ kind: 'answer', roundId, itemId: '2-1', division: '総務部税収確保課', actor: 'U2', via: 'teams', createdAt: '2020-10-02T02:00:00.000Z', ...fields, evaluation: '×', achievement: '' });
      const back = await entries.append({ kind: 'returned', roundId, itemId: '1-1', division: '総務部人事課', actor: 'U-coord', via: 'cli', createdAt: '2020-10-03T00:00:00.000Z', comment: '実績の数字を' });
      expect(back).toMatchObject({ kind: 'returned', comment: '実績の数字を' });

      let latest = await entries.latestByItem(roundId);
      expect(latest.get('1-1')?.kind).toBe('returned');
      expect(latest.get('2-1')).toMatchObject({ kind: 'answer', evaluation: '×', achievement: '' });
      expect((await entries.latestAnswerByItem(roundId)).get('1-1')?.achievement).toBe('研修を2回実施');

      await entries.append({ kind: 'answer', roundId, itemId: '1-1', division: '総務部人事課', actor: 'U1', via: 'shell', createdAt: '2020-10-04T00:00:00.000Z', ...fields, achievement: '研修を2回実施（受講者120名）' });
      latest = await entries.latestByItem(roundId);
      expect(latest.get('1-1')).toMatchObject({ kind: 'answer', achievement: '研修を2回実施（受講者120名）', via: 'shell' });
      expect((await entries.historyOf(roundId, '1-1')).map((e) => [e.kind, e.actor])).toEqual([
        ['answer', 'U1'],
        ['returned', 'U-coord'],
        ['answer', 'U1'],
      ]);
      expect(await entries.all(roundId)).toHaveLength(4);
      expect(await entries.historyOf(roundId, '9-9')).toEqual([]);
    });
  });
}
