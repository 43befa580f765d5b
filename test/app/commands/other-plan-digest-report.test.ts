// Issue 13: `/plan digest` and `/plan report` address another stored plan as
// status and history do. A digest preview of last year's plan shows last
// year's figures; posting one is refused once its period is over; a report
// round opened with `report --plan KEY` belongs to that plan. Wired as
// src/main.ts wires them: each plan its own statuses, digest ledger and rounds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { CommandDeps } from '../../../src/app/commands/ports.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { DIALECTS, type TestDatabase } from '../../adapters/db/dialects.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';
import { nextFiscalYear } from '../../fixtures/next-fiscal-year.ts';
import { bundledPlan, exampleDirectory } from '../tick-world.ts';
import { shelfCommandDeps } from './plan-shelf-world.ts';

const COORDINATOR = 'U0COORD01';
const ZEISHU = 'U0ZEISHU1';

for (const dialect of DIALECTS) {
  describe(`/plan digest and /plan report about another plan (${dialect.name})`, () => {
    let test: TestDatabase;
    let deps: CommandDeps;
    let clock: VirtualClock;
    let today: string;
    const run = async (text: string, user = COORDINATOR): Promise<Reply> => {
      const command = parseCommand(text);
      if (!command.ok) return { kind: 'problem', problem: command.error };
      return runCommand(deps, user, command.value);
    };
    const doneCount = async (text: string) => {
      const reply = await run(text);
      if (reply.kind !== 'digest') throw new Error(`${text}: ${JSON.stringify(reply).slice(0, 200)}`);
      return { year: /令和(\d+)年度/u.exec(reply.message.digest.planTitle)?.[1], done: reply.message.digest.counts.done };
    };

    beforeEach(async () => {
      test = await dialect.open();
      today = '2020-04-01';
      const plans = createPlanStore(test.db, { today: () => today });
      clock = new VirtualClock('2020-10-01T10:00:00+09:00');
      deps = shelfCommandDeps(test.db, plans, await exampleDirectory(), clock);
      const fy2020 = await bundledPlan();
      await plans.save(fy2020, 'fy2020.yaml', '2020-04-01T00:00:00.000Z', 'fy2020');
      today = '2020-10-01';
      expect(await run('update 6-2-10 done 検討会を開催', ZEISHU)).toMatchObject({ kind: 'updated' });
      today = '2021-03-25';
      await plans.save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
      today = '2021-04-12';
      clock.set('2021-04-12T10:00:00+09:00');
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('previews last year\'s digest by year or key, with last year\'s figures; this year\'s without', async () => {
      const current = await doneCount('digest');
      expect(current).toEqual({ year: '3', done: 0 });
      for (const text of ['digest --year 2020', 'ダイジェスト 2020年度', 'digest --plan fy2020']) {
        expect(await doneCount(text), text).toEqual({ year: '2', done: expect.any(Number) as number });
        expect((await doneCount(text)).done, text).toBeGreaterThan(0);
      }
      expect(await run('digest --year 2019')).toMatchObject({ kind: 'problem', problem: { code: 'unknown_plan', year: 2019 } });
    });

    it('posts last year\'s digest only while its period runs', async () => {
      // 2021-04-12: FY2020's period (to 2021-04-30) still runs; it posts to its own ledger.
      expect(await run('digest post --year 2020')).toMatchObject({ kind: 'digest_posted' });
      clock.set('2021-05-10T10:00:00+09:00');
      today = '2021-05-10';
      expect(await run('digest post --plan fy2020')).toMatchObject({ kind: 'problem', problem: { code: 'plan_read_only', fiscalYear: 2020, end: '2021-04-30' } });
      expect(await run('digest post')).toMatchObject({ kind: 'digest_posted' });
    });

    it('opens a report round on the plan named right after `report`, and reads it back there only', async () => {
      const opened = await run('report --plan fy2020 open 2021-03-31 締切 2021-04-23');
      expect(opened).toMatchObject({ kind: 'report', report: { op: 'opened' } });
      const rounds = createReportRoundStore(test.db);
      expect(await rounds.current('fy2020')).toMatchObject({ asOf: '2021-03-31', deadline: '2021-04-23' });
      expect(await rounds.current('fy2021')).toBeNull();
      expect(await run('報告 2020年度 status')).toMatchObject({ kind: 'report', report: { op: 'status' } });
      // Without the plan: this year's plan, which has no round.
      expect(await run('report status')).not.toMatchObject({ kind: 'report', report: { op: 'status' } });
      // After the sub-command the words are the command's own: the plan goes right after `report`.
      expect(await run('report status --plan fy2020')).toMatchObject({ kind: 'problem', problem: { code: 'unexpected_argument' } });
    });
  });
}
