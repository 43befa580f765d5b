// Issue 13: nothing unfinished vanishes at a new fiscal year. The FY2020 →
// FY2021 story as the bot runs it (the wiring of src/main.ts): FY2021's
// digests list 「前年度からの未完了」 — FY2020's milestones still 遅延, 注意 or
// 未着手 past due — in its first digest and in every one while FY2020's plan
// is in its period (to April 30), cut like every digest list; from May on
// the section is gone. Slack, Teams and the shell show it from the one view.
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore, type PlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { renderDigestText } from '../../src/adapters/shell/render-digest-text.ts';
import { renderDigest } from '../../src/adapters/slack/render-digest.ts';
import { renderDigestCards } from '../../src/adapters/teams/cards/render-digest-card.ts';
import { buildDigestFor } from '../../src/app/build-digest.ts';
import { postDigest } from '../../src/app/post-digest.ts';
import type { PlanRef } from '../../src/app/run-every-plan.ts';
import type { DigestMessage } from '../../src/app/ports.ts';
import { buildDigestView } from '../../src/app/views/build-digest-view.ts';
import { unfinishedAtYearEnd } from '../../src/domain/carry-over.ts';
import { directoryForPlan, type Directory } from '../../src/domain/directory.ts';
import { stateLookupOf } from '../../src/domain/milestone-state.ts';
import type { LocalDate, Plan } from '../../src/domain/plan.ts';
import { DIGEST_LIST_LINES } from '../../src/i18n/digest-wording.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { checkBlocks } from '../fakes/fake-slack/check-blocks.ts';
import { nextFiscalYear } from '../fixtures/next-fiscal-year.ts';
import { digestDeps } from './digest-world.ts';
import { bundledPlan, calendar, exampleDirectory, TIME_ZONE, tokyo } from './tick-world.ts';

/** The per-plan parts of src/main.ts, the carry-over's included. */
function planParts(db: Kysely<Database>, plans: PlanStore, ref: PlanRef) {
  return {
    plans: { load: () => plans.loadKey(ref.key) },
    statuses: createStatusStore(db, async () => ref),
    digests: createDigestStore(db, ref.prefix),
    keyPrefix: ref.prefix,
    carryOver: { key: ref.key, plans, latestOf: (key: string) => createStatusStore(db, () => plans.scopeOf(key)).latest(), calendar, timeZone: TIME_ZONE },
  };
}

const TITLE_JA = '前年度からの未完了';

for (const dialect of DIALECTS) {
  describe(`last year's unfinished milestones in the new plan's digest (${dialect.name})`, () => {
    let test: TestDatabase;
    let directory: Directory;
    let today: LocalDate;
    let plans: PlanStore;
    let fy2020: Plan;
    beforeEach(async () => {
      test = await dialect.open();
      directory = await exampleDirectory();
      today = '2020-04-01';
      plans = createPlanStore(test.db, { today: () => today });
      fy2020 = await bundledPlan();
      await plans.save(fy2020, 'fy2020.yaml', '2020-04-01T00:00:00.000Z', 'fy2020');
      // FY2020: 1-1-2 delayed, 1-1-3 at risk, 6-2-10 done; the rest never reported.
      const old = createStatusStore(test.db, () => plans.scopeOf('fy2020'));
      await old.append({ milestoneId: '1-1-2', status: 'delayed', actor: 'U0JINJI01', via: 'slash', createdAt: '2020-10-01T01:00:00.000Z' });
      await old.append({ milestoneId: '1-1-3', status: 'at_risk', actor: 'U0JINJI01', via: 'slash', createdAt: '2020-10-01T01:00:00.000Z' });
      await old.append({ milestoneId: '6-2-10', status: 'done', actor: 'U0ZEISHU1', via: 'slash', createdAt: '2020-10-01T01:00:00.000Z' });
    });
    afterEach(async () => {
      await test.dispose();
    });

    /** The scheduled digest of FY2021's plan on `day` (a Monday) at 09:00, as the bot's daily job posts it; its message. */
    async function weeklyDigest(day: LocalDate, key = 'fy2021'): Promise<DigestMessage> {
      today = day;
      const ref = (await plans.scopeOf(key))!;
      const posted = await postDigest(tokyo(day, '09:00'), { ...digestDeps(test.db, directoryForPlan(directory, ref.key)), ...planParts(test.db, plans, ref) });
      expect(posted).toMatchObject({ ok: true, value: { kind: 'enqueued' } });
      if (!posted.ok || posted.value.kind !== 'enqueued') throw new Error('not posted');
      const id = posted.value.outboxId;
      const message = (await createOutboxStore(test.db).list()).find((m) => m.id === id)!;
      if (message.body.type !== 'digest') throw new Error('not a digest');
      return message.body;
    }

    it('lists them in FY2021\'s digests until FY2020\'s period ends, cut with the command for the rest, on every platform', async () => {
      today = '2021-03-25';
      await plans.save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
      // What FY2020 left open at its year end, worked out from its plan and statuses directly.
      const state = stateLookupOf(await createStatusStore(test.db, () => plans.scopeOf('fy2020')).latest(), TIME_ZONE);
      const expected = unfinishedAtYearEnd(fy2020, state, calendar, '2021-04-05');
      expect(expected.length).toBeGreaterThan(DIGEST_LIST_LINES);
      expect(expected.map((m) => m.id)).toEqual(expect.arrayContaining(['1-1-2', '1-1-3']));
      expect(expected.map((m) => m.id)).not.toContain('6-2-10');

      // The first digest of FY2021 (Monday 2021-04-05).
      const first = await weeklyDigest('2021-04-05');
      expect(first.digest.carryOver).toMatchObject({ key: 'fy2020', fiscalYear: 2020, unfinished: { total: expected.length } });
      expect(first.digest.carryOver!.unfinished.items.map((m) => m.id)).toEqual(expected.slice(0, first.digest.carryOver!.unfinished.items.length).map((m) => m.id));

      const view = buildDigestView(first);
      const section = view.lists[0]!;
      expect(section.title).toBe(`${TITLE_JA} ${expected.length} 件(2020年度の計画 fy2020)`);
      expect(section.lines).toHaveLength(DIGEST_LIST_LINES);
      expect(section.lines[0]).toMatchObject({ id: expected[0]!.id, title: expected[0]!.title });
      const delayed = section.lines.find((l) => l.id === '1-1-2');
      expect(delayed?.facts.join(' ')).toContain('遅延');
      expect(section.total).toBe(expected.length);
      expect(section.moreCommand).toBe('/plan status overdue --plan fy2020');
      // The English digest says the same.
      expect(buildDigestView({ ...first, lang: 'en' }).lists[0]!.title).toBe(`Unfinished from last year: ${expected.length} (plan fy2020, fiscal 2020)`);

      // Slack, Teams and the shell render the section from that view: title, lines, 「他 N 件」 and the command.
      const rest = expected.length - DIGEST_LIST_LINES;
      const shell = renderDigestText(first);
      expect(shell).toContain(section.title);
      expect(shell).toContain(`他 ${rest} 件`);
      expect(shell).toContain('/plan status overdue --plan fy2020');
      expect(checkBlocks(renderDigest(first).blocks)).toBeNull();
      const slack = JSON.stringify(renderDigest(first).blocks);
      expect(slack).toContain(TITLE_JA);
      expect(slack).toContain('/plan status overdue --plan fy2020');
      const teams = JSON.stringify(renderDigestCards(first, null));
      expect(teams).toContain(TITLE_JA);
      expect(teams).toContain(expected[0]!.title.slice(0, 10));

      // April: FY2020's March milestones are still being closed (its period runs to April 30); the list shrinks.
      const old = createStatusStore(test.db, () => plans.scopeOf('fy2020'));
      await old.append({ milestoneId: '1-1-2', status: 'done', actor: 'U0JINJI01', via: 'slash', createdAt: '2021-04-07T01:00:00.000Z' });
      const second = await weeklyDigest('2021-04-12');
      expect(second.digest.carryOver?.unfinished.total).toBe(expected.length - 1);
      expect(second.digest.carryOver?.unfinished.items.map((m) => m.id)).not.toContain('1-1-2');
      expect((await weeklyDigest('2021-04-26')).digest.carryOver?.unfinished.total).toBe(expected.length - 1);

      // May: FY2020 is read-only, the section is gone (and the preview agrees).
      const may = await weeklyDigest('2021-05-10');
      expect(may.digest.carryOver).toBeUndefined();
      expect(buildDigestView(may).lists[0]!.title).not.toContain(TITLE_JA);
      const ref = (await plans.scopeOf('fy2021'))!;
      const preview = await buildDigestFor('2021-05-17', { ...digestDeps(test.db, directory), ...planParts(test.db, plans, ref) });
      expect(preview.ok && preview.value.carryOver).toBeFalsy();
      // FY2020's own digests never list anything of the sort.
      const fy2020Ref = (await plans.scopeOf('fy2020'))!;
      const own = await buildDigestFor('2021-04-05', { ...digestDeps(test.db, directory), ...planParts(test.db, plans, fy2020Ref) });
      expect(own.ok && own.value.carryOver).toBeFalsy();
    }, 120_000);

    it('lists them in the first digest of a plan imported late, and only there; another series does not inherit them', async () => {
      today = '2021-06-01';
      await plans.save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-06-01T00:00:00.000Z', 'fy2021');
      // A second plan of FY2021 with a title of its own: not FY2020's series.
      await plans.save({ ...nextFiscalYear(fy2020), title: '令和3年度 DX推進計画' }, 'dx.yaml', '2021-06-01T00:00:00.000Z', 'dx-2021');
      const first = await weeklyDigest('2021-06-07');
      expect(first.digest.carryOver).toMatchObject({ key: 'fy2020', fiscalYear: 2020 });
      expect(first.digest.carryOver!.unfinished.total).toBeGreaterThan(0);
      expect((await weeklyDigest('2021-06-14')).digest.carryOver).toBeUndefined();
      expect((await weeklyDigest('2021-06-07', 'dx-2021')).digest.carryOver).toBeUndefined();
    }, 120_000);
  });
}
