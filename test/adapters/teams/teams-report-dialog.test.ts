// The report answer dialog over real HTTP through the real Teams SDK:
// `report answer ID` answers with the form and a 回答 button; the button
// opens the dialog (task/fetch) prefilled with the round's scale; a refused
// submission shows the dialog again with the reason under its field and
// records nothing; a good one is recorded via teams and closes the dialog.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { findAll, type Json } from '../../fakes/fake-teams/index.ts';
import { COORDINATOR, startTeamsBot, STRANGER, until, ZEISHU, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
beforeEach(async () => {
  world = await startTeamsBot();
}, 60_000);
afterEach(async () => {
  await world.stop();
}, 30_000);



async function say(from: typeof ZEISHU, text: string) {
  const chat = world.fake.personalChat(from);
  const before = world.fake.activitiesIn(chat.id).length;
  await world.fake.sendActivity(world.url, world.fake.activities.message({ from, text }));
  await until(() => world.fake.activitiesIn(chat.id).length > before);
  return world.fake.activitiesIn(chat.id).at(-1)!.activity;
}

async function entries() {
  const db = await openDatabase(join(world.dir, 'bot.db'));
  try {
    return await db.selectFrom('report_entry').selectAll().execute();
  } finally {
    await closeDatabase(db);
  }
}

describe('Teams report answer dialog', { timeout: 60_000 }, () => {
  it('opens from the form’s 回答 button, refuses bad fields in place, records a good answer via teams', async () => {
    expect(JSON.stringify(await say(COORDINATOR, 'report open 2020-07-31 締切 2020-08-07'))).toContain('報告ラウンドを開始しました');
    const form = await say(ZEISHU, 'report answer 6-2');
    const button = findAll(form, (o) => o.type === 'Action.Submit' && (o.data as Json | undefined)?.dialog_id === 'report_answer')[0];
    expect(button).toBeDefined();
    // The form's button names the round's plan, as the round's own messages do.
    expect((button!.data as Json).p).toBe('fy2020');

    const fetched = await world.fake.sendActivity(world.url, world.fake.activities.taskFetch({ from: ZEISHU, data: button!.data as Json }));
    expect(fetched.body).toMatchObject({ task: { type: 'continue' } });
    const choices = findAll(fetched.body, (o) => o.type === 'Input.ChoiceSet')[0]!;
    expect((choices.choices as Json[]).map((c) => c.value)).toEqual(['◎', '○', '△', '×']);
    const submit = findAll(fetched.body, (o) => o.type === 'Action.Submit')[0]!;
    // The dialog answers for the round's own plan, whichever plan is the default when it is submitted.
    expect(typeof (submit.data as Json).p).toBe('string');
    const otherPlan = await world.fake.sendActivity(world.url, world.fake.activities.taskFetch({ from: ZEISHU, data: { ...(button!.data as Json), p: 'no-such-plan' } }));
    expect(otherPlan.body).toMatchObject({ task: { type: 'message' } });
    expect(JSON.stringify(otherPlan.body)).toContain('no-such-plan');

    const refused = await world.fake.sendActivity(world.url, world.fake.activities.taskSubmit({ from: ZEISHU, data: { ...(submit.data as Json), evaluation: '○', achievement: '', issues: 'あ'.repeat(1001) } }));
    expect(refused.body).toMatchObject({ task: { type: 'continue' } });
    const shown = JSON.stringify(refused.body);
    expect(shown).toContain('進捗評価「○」では取組実績の記入が必要です');
    expect(shown).toContain('課題が長すぎます(1001字、上限 1000字)');
    const stranger = await world.fake.sendActivity(world.url, world.fake.activities.taskSubmit({ from: STRANGER, data: { ...(submit.data as Json), evaluation: '×', achievement: '' } }));
    expect(JSON.stringify(stranger.body)).toMatch(/回答できるのは|開けません|総務部税収確保課/u);
    expect(await entries()).toEqual([]);

    const done = await world.fake.sendActivity(world.url, world.fake.activities.taskSubmit({ from: ZEISHU, data: { ...(submit.data as Json), evaluation: '○', achievement: '**督促** を強化', issues: '', nextSteps: '継続' } }));
    expect(done.body).toMatchObject({ task: { type: 'message' } });
    expect(JSON.stringify(done.body)).toContain('6-2 の回答を記録しました');
    expect((await entries()).map((e) => [e.item_id, e.evaluation, e.achievement, e.via])).toEqual([['6-2', '○', '**督促** を強化', 'teams']]);
  });
});
