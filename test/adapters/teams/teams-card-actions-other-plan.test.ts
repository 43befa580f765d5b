// Issue 13 on Teams: a card button records on the plan its reminder came
// from. The bot (startBot, the real Teams SDK against the fake Bot
// Connector) holds FY2020 and FY2021 with the same milestone ids; in April
// 2021 FY2021 is the default and FY2020's overdue reminders still go out.
// A FY2020 card's click records on FY2020, never on FY2021's milestone of the
// same id; after April 30 the same click is refused with the read-only
// reason; a card's data without a plan (posted before cards named their
// plan) still records on the default plan, as it did.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { bundledPlan } from '../../app/tick-world.ts';
import { findAll, type Json } from '../../fakes/fake-teams/index.ts';
import { nextFiscalYear } from '../../fixtures/next-fiscal-year.ts';
import { GENERAL, startTeamsBot, until, ZEISHU, ZEISHU_CHANNEL, type TeamsBotWorld } from './teams-bot.ts';

let folder: string;
let file: string;
let world: TeamsBotWorld | null = null;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'shinchoku-teams-plans-'));
  file = join(folder, 'bot.db');
  const db = await openDatabase(file);
  const fy2020 = await bundledPlan();
  await createPlanStore(db, { today: () => '2020-04-01' }).save(fy2020, 'fy2020.yaml', '2020-04-01T00:00:00.000Z', 'fy2020');
  await createPlanStore(db, { today: () => '2021-03-25' }).save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
  await closeDatabase(db);
}, 60_000);
afterEach(async () => {
  await world?.stop();
  world = null;
  rmSync(folder, { recursive: true, force: true });
}, 30_000);

async function startAt(now: string): Promise<TeamsBotWorld> {
  await world?.stop();
  world = await startTeamsBot({ DATABASE_URL: file, SHINCHOKU_NOW: now });
  return world;
}

/** Every status update of `milestoneId` on the plan stored under `key`, read from the database once the bot is stopped. */
async function historyOn(key: string, milestoneId: string) {
  await world?.stop();
  world = null;
  const db = await openDatabase(file);
  try {
    const plans = createPlanStore(db);
    return await createStatusStore(db, () => plans.scopeOf(key)).history(milestoneId);
  } finally {
    await closeDatabase(db);
  }
}

/** The FY2020 reminder card the bot posted in 税収確保課's channel (its outbox keys have no plan prefix). */
async function lastYearsCard(bot: TeamsBotWorld) {
  const isLastYears = (a: { activity: Json; replyToId: string | null }) => a.replyToId === null && JSON.stringify(a.activity).includes('"p":"fy2020"');
  await until(() => bot.fake.activitiesIn(ZEISHU_CHANNEL).some(isLastYears), 20_000);
  return bot.fake.activitiesIn(ZEISHU_CHANNEL).find(isLastYears)!;
}

function statusButton(card: Json, milestoneId: string, status: string): Json {
  const button = findAll(card, (o) => o.type === 'Action.Execute' && (o.data as Json | undefined)?.m === milestoneId && (o.data as Json | undefined)?.s === status)[0];
  if (!button) throw new Error(`no ${status} button for ${milestoneId}`);
  return button;
}

function clickWith(bot: TeamsBotWorld, data: Json, cardActivityId: string) {
  return bot.fake.sendActivity(bot.url, bot.fake.activities.cardAction({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, verb: 'status', data, cardActivityId }));
}

describe('Teams: a card button of last year\'s reminder once this year\'s plan is the default', { timeout: 120_000 }, () => {
  it('records on last year\'s plan while its period lasts and leaves this year\'s milestone of the same id alone', async () => {
    const bot = await startAt('2021-04-15T10:00:00+09:00');
    const posted = await lastYearsCard(bot);
    const button = statusButton(posted.activity, '6-2-3', 'done');
    expect(button.data).toMatchObject({ m: '6-2-3', p: 'fy2020' });

    const clicked = await clickWith(bot, button.data as Json, posted.id);
    expect(clicked.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(clicked.body)).toContain(ZEISHU.name);
    // The card is updated in place for everyone, its buttons still for last year's plan.
    const updated = bot.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!;
    expect(updated.history).toHaveLength(2);
    expect(JSON.stringify(updated.activity)).toContain(ZEISHU.name);

    expect(await historyOn('fy2020', '6-2-3')).toEqual([expect.objectContaining({ status: 'done', via: 'button' })]);
    expect(await historyOn('fy2021', '6-2-3')).toEqual([]);
  });

  it('records a comment from last year\'s card on last year\'s plan', async () => {
    const bot = await startAt('2021-04-15T10:00:00+09:00');
    const posted = await lastYearsCard(bot);
    const open = findAll(posted.activity, (o) => o.type === 'Action.Submit' && (o.data as Json | undefined)?.m === '6-2-7')[0]!;
    expect(open.data).toMatchObject({ p: 'fy2020' });
    const fetched = await bot.fake.sendActivity(bot.url, bot.fake.activities.taskFetch({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: open.data as Json, cardActivityId: posted.id }));
    expect(fetched.body).toMatchObject({ task: { type: 'continue' } });
    const submit = findAll(fetched.body, (o) => o.type === 'Action.Submit')[0]!;
    expect(submit.data).toMatchObject({ m: '6-2-7', p: 'fy2020' });
    const done = await bot.fake.sendActivity(bot.url, bot.fake.activities.taskSubmit({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: { ...(submit.data as Json), status: 'at_risk', comment: '年度末に一部実施' }, cardActivityId: posted.id }));
    expect(done.body).toMatchObject({ task: { type: 'message' } });
    // The posted card shows the comment: its stamps are read from last year's plan too.
    expect(JSON.stringify(bot.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!.activity)).toContain('年度末に一部実施');

    expect(await historyOn('fy2020', '6-2-7')).toEqual([expect.objectContaining({ status: 'at_risk', via: 'modal', comment: '年度末に一部実施' })]);
    expect(await historyOn('fy2021', '6-2-7')).toEqual([]);
  });

  it('is refused with the read-only reason after last year\'s period, writing nothing on either plan', async () => {
    const april = await startAt('2021-04-15T10:00:00+09:00');
    const posted = await lastYearsCard(april);
    const button = statusButton(posted.activity, '6-2-3', 'done');
    const open = findAll(posted.activity, (o) => o.type === 'Action.Submit' && (o.data as Json | undefined)?.m === '6-2-3')[0]!;

    // The same card clicked in May.
    const may = await startAt('2021-05-10T10:00:00+09:00');
    const refused = await clickWith(may, button.data as Json, posted.id);
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(refused.body)).toContain('2021-04-30 まで)が終了したため閲覧のみです');
    const fetched = await may.fake.sendActivity(may.url, may.fake.activities.taskFetch({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: open.data as Json, cardActivityId: posted.id }));
    expect(fetched.body).toMatchObject({ task: { type: 'message' } });
    expect(JSON.stringify(fetched.body)).toContain('閲覧のみ');

    expect(await historyOn('fy2020', '6-2-3')).toEqual([]);
    expect(await historyOn('fy2021', '6-2-3')).toEqual([]);
  });

  it('a card posted before cards named their plan still records, on the default plan, as it did', async () => {
    const bot = await startAt('2021-04-15T10:00:00+09:00');
    const posted = await lastYearsCard(bot);
    const { p: _plan, ...old } = statusButton(posted.activity, '6-2-7', 'on_track').data as Json;
    const clicked = await clickWith(bot, old, posted.id);
    expect(clicked.body).toMatchObject({ statusCode: 200 });
    expect(await historyOn('fy2021', '6-2-7')).toEqual([expect.objectContaining({ status: 'on_track', via: 'button' })]);
    expect(await historyOn('fy2020', '6-2-7')).toEqual([]);
  });
});
