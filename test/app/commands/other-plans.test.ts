// Issue 13: last year's plan stays readable from chat. `/plan status`,
// `/plan status ID`, `/plan status DIVISION` and `/plan history ID` address
// another stored plan by fiscal year or key (`--year 2020`, `2020年度`,
// `--plan fy2020`), read-only once its period is over; an unknown year or key
// lists the plans there are. Wired as src/main.ts wires the commands, on
// every dialect; replies read through the shared view in both languages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore, type PlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { CommandDeps } from '../../../src/app/commands/ports.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { buildReplyView, type ReplyView } from '../../../src/app/views/build-reply-view.ts';
import type { Lang } from '../../../src/i18n/catalog.ts';
import { DIALECTS, type TestDatabase } from '../../adapters/db/dialects.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';
import { nextFiscalYear } from '../../fixtures/next-fiscal-year.ts';
import { bundledPlan, exampleDirectory } from '../tick-world.ts';
import { shelfCommandDeps } from './plan-shelf-world.ts';

const COORDINATOR = 'U0COORD01';
const ZEISHU = 'U0ZEISHU1';

/** Every word of a view, as one text. */
function textOf(view: ReplyView): string {
  return [
    view.title ?? '',
    ...view.blocks.map((b) => (b.kind === 'line' ? `${b.line.id} ${b.line.title} ${b.line.facts.join(' ')}` : b.kind === 'more' ? `+${b.count} ${b.command}` : b.kind === 'entry' ? `${b.text} ${b.details ?? ''}` : 'text' in b ? b.text : '')),
  ].join('\n');
}

for (const dialect of DIALECTS) {
  describe(`/plan about another plan (${dialect.name})`, () => {
    let test: TestDatabase;
    let deps: CommandDeps;
    let clock: VirtualClock;
    let plans: PlanStore;
    const run = async (text: string, user = COORDINATOR): Promise<Reply> => {
      const command = parseCommand(text);
      if (!command.ok) return { kind: 'problem', problem: command.error };
      return runCommand(deps, user, command.value);
    };
    const seen = async (text: string, lang: Lang = 'ja', user = COORDINATOR) => {
      const reply = await run(text, user);
      if (reply.kind === 'digest') throw new Error('a digest');
      return textOf(buildReplyView(reply, lang));
    };

    beforeEach(async () => {
      test = await dialect.open();
      let today = '2020-04-01';
      plans = createPlanStore(test.db, { today: () => today });
      clock = new VirtualClock('2020-10-01T10:00:00+09:00');
      deps = shelfCommandDeps(test.db, plans, await exampleDirectory(), clock);
      const fy2020 = await bundledPlan();
      await plans.save(fy2020, 'fy2020.yaml', '2020-04-01T00:00:00.000Z', 'fy2020');
      // During FY2020, through the default plan: 6-2-10 done, 6-2-1 delayed.
      today = '2020-10-01';
      expect(await run('update 6-2-10 done 検討会を開催', ZEISHU)).toMatchObject({ kind: 'updated' });
      expect(await run('update 1-1-2 delayed 講師が未定')).toMatchObject({ kind: 'updated' });
      // FY2021's plan, a new plan; on 2021-06-01 FY2020's period (to 2021-04-30) is over.
      today = '2021-03-25';
      await plans.save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
      today = '2021-06-01';
      clock.set('2021-06-01T10:00:00+09:00');
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('shows last year\'s plan, milestone, division and history by fiscal year or key, saying which plan and that it is read-only', async () => {
      // Without a year: this year's plan, where 6-2-10 has no history.
      expect(await run('status 6-2-10')).toMatchObject({ kind: 'milestone', detail: { summary: { status: 'not_started' }, historyTotal: 0 } });
      expect(await run('status 6-2-10')).not.toHaveProperty('plan');

      const overview = await run('状況 2020年度');
      expect(overview).toMatchObject({ kind: 'overview', overview: { fiscalYear: 2020 }, plan: { key: 'fy2020', fiscalYear: 2020, over: true, periodEnd: '2021-04-30' } });
      const ja = await seen('状況 2020年度');
      expect(ja).toContain('2020年度の計画 fy2020「令和2年度');
      expect(ja).toContain('(期間は 2021-04-30 に終了。閲覧のみ)');
      // The rest of its overdue list stays on last year's plan.
      expect(ja).toContain('/plan status overdue --plan fy2020');
      expect(await seen('status --year 2020', 'en')).toContain('(its period ended on 2021-04-30: read-only)');

      const detail = await run('状況 6-2-10 令和2年度');
      expect(detail).toMatchObject({ kind: 'milestone', detail: { summary: { id: '6-2-10', status: 'done' }, historyTotal: 1 }, plan: { key: 'fy2020' } });
      expect(await seen('status 6-2-10 --plan fy2020', 'en')).toContain('検討会を開催');

      const division = await run('状況 総務部人事課 2020年度');
      expect(division).toMatchObject({ kind: 'list', scope: { kind: 'division', division: '総務部人事課' }, plan: { key: 'fy2020' } });
      if (division.kind !== 'list') throw new Error('not a list');
      expect(division.items.find((i) => i.id === '1-1-2')?.status).toBe('delayed');

      const history = await run('履歴 6-2-10 計画 fy2020');
      expect(history).toMatchObject({ kind: 'history', entries: [{ status: 'done', comment: '検討会を開催', actor: ZEISHU }], plan: { key: 'fy2020' } });
      expect(await seen('history 6-2-10 --year 2020', 'en')).toContain('Plan fy2020 of fiscal 2020');

      // The current plan named by its year: the same answers as without, with the plan said but not read-only.
      expect(await run('status --year 2021')).toMatchObject({ kind: 'overview', overview: { fiscalYear: 2021 }, plan: { key: 'fy2021', over: false } });
      expect(await seen('状況 2021年度')).not.toContain('閲覧のみ');
    });

    it('pages through last year\'s lists with the plan in the next page\'s command', async () => {
      const overdue = await run('status overdue --year 2020');
      expect(overdue).toMatchObject({ kind: 'list', plan: { key: 'fy2020' }, paging: { page: 1, nextCommand: '/plan status overdue 2 --plan fy2020' } });
      const next = await run('/plan status overdue 2 --plan fy2020'.slice('/plan '.length));
      expect(next).toMatchObject({ kind: 'list', plan: { key: 'fy2020' }, paging: { page: 2 } });
    });

    it('refuses an update or a due change on a plan whose period is over, and writes nothing', async () => {
      const before = await createStatusStore(test.db).all();
      for (const text of ['update 6-2-10 on_track --year 2020', '更新 1-1-2 2020年度 完了 済み', '完了 1-1-2 --plan fy2020', 'due 1-1-2 2021-02 --year 2020']) {
        expect(await run(text), text).toEqual({
          kind: 'problem',
          problem: { code: 'plan_read_only', title: expect.stringContaining('令和2年度') as string, fiscalYear: 2020, end: '2021-04-30' },
        });
      }
      expect(await seen('更新 1-1-2 2020年度 完了')).toContain('2020年度の計画「令和2年度');
      expect(await seen('update 1-1-2 done --year 2020', 'en')).toContain('is read-only: its period ended on 2021-04-30');
      expect(await createStatusStore(test.db).all()).toEqual(before);
      // This year's plan takes updates as ever, named or not.
      expect(await run('update 1-1-2 on_track --year 2021')).toMatchObject({ kind: 'updated', status: 'on_track' });
      expect(await createStatusStore(test.db, () => plans.scopeOf('fy2021')).history('1-1-2')).toHaveLength(1);
      expect(await createStatusStore(test.db, () => plans.scopeOf('fy2020')).history('1-1-2')).toHaveLength(1);
    });

    it('answers an unknown year or key by listing the plans there are, in both languages', async () => {
      expect(await run('状況 2019年度')).toEqual({
        kind: 'problem',
        problem: {
          code: 'unknown_plan',
          key: null,
          year: 2019,
          plans: [
            { key: 'fy2020', fiscalYear: 2020, title: expect.stringContaining('令和2年度') as string },
            { key: 'fy2021', fiscalYear: 2021, title: expect.stringContaining('令和3年度') as string },
          ],
        },
      });
      const ja = await seen('履歴 6-2-10 計画 gyokaku-2019');
      expect(ja).toContain('キー gyokaku-2019の計画はありません');
      expect(ja).toContain('保存されている計画: fy2020(2020年度「令和2年度');
      expect(ja).toContain('fy2021(2021年度「令和3年度');
      expect(ja).toContain('--year 2020');
      const en = await seen('status --year 2019 --plan fy2020', 'en');
      expect(en).toContain('There is no plan of key fy2020, fiscal 2019');
      expect(en).toContain('Stored plans: fy2020 (fiscal 2020');
      expect(await seen('状況 年度 来年')).toContain('「来年」は年度・計画のキーとして読み取れません');
    });
  });
}
