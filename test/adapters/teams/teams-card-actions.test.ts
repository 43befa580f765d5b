// Card buttons and the コメント dialog over real HTTP through the real SDK:
// a click records the status, answers the clicker with the stamped card and
// updates the posted card for everyone; a refused click changes nothing; the
// dialog records a status with a comment, shows problems in place, and keeps
// hostile text literal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAll, type Json } from '../../fakes/fake-teams/index.ts';
import { GENERAL, startTeamsBot, STRANGER, until, ZEISHU, ZEISHU_CHANNEL, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
beforeEach(async () => {
  world = await startTeamsBot();
}, 60_000);
afterEach(async () => {
  await world.stop();
}, 30_000);



/** The reminder card the catch-up tick posted in 税収確保課's channel. */
async function reminderCard() {
  await until(() => world.fake.activitiesIn(ZEISHU_CHANNEL).some((a) => a.replyToId === null));
  return world.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.replyToId === null)!;
}

function statusButton(card: Json, milestoneId: string, status: string): Json {
  const button = findAll(card, (o) => o.type === 'Action.Execute' && (o.data as Json | undefined)?.m === milestoneId && (o.data as Json | undefined)?.s === status)[0];
  if (!button) throw new Error(`no ${status} button for ${milestoneId}`);
  return button;
}

async function historyText(): Promise<string> {
  const chat = world.fake.personalChat(ZEISHU);
  const before = world.fake.activitiesIn(chat.id).length;
  await world.fake.sendActivity(world.url, world.fake.activities.message({ from: ZEISHU, text: 'history 6-2-10' }));
  await until(() => world.fake.activitiesIn(chat.id).length > before);
  return JSON.stringify(world.fake.activitiesIn(chat.id).at(-1)!.activity);
}

describe('Teams card buttons and dialog', { timeout: 60_000 }, () => {
  it('a click records the status, answers with the stamped card and updates the posted card; a refused click changes nothing', async () => {
    const posted = await reminderCard();
    const button = statusButton(posted.activity, '6-2-10', 'done');

    const refused = await world.fake.sendActivity(world.url, world.fake.activities.cardAction({ from: STRANGER, teamId: GENERAL, channelId: ZEISHU_CHANNEL, verb: String(button.verb), data: button.data as Json, cardActivityId: posted.id }));
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(refused.body)).toMatch(/変更していません|報告できる/u);
    expect(world.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!.history).toHaveLength(1);

    const clicked = await world.fake.sendActivity(world.url, world.fake.activities.cardAction({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, verb: String(button.verb), data: button.data as Json, cardActivityId: posted.id }));
    expect(clicked.status).toBe(200);
    expect(clicked.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(clicked.body)).toContain(ZEISHU.name);
    const updated = world.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!;
    expect(updated.history).toHaveLength(2);
    expect(JSON.stringify(updated.activity)).toContain(ZEISHU.name);
    expect(await historyText()).toContain('完了');
  });

  it('コメント opens the dialog; a too-long comment is refused in it; a hostile comment is recorded and shown literally', async () => {
    const posted = await reminderCard();
    const open = findAll(posted.activity, (o) => o.type === 'Action.Submit' && (o.data as Json | undefined)?.m === '6-2-10')[0]!;
    const fetched = await world.fake.sendActivity(world.url, world.fake.activities.taskFetch({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: open.data as Json, cardActivityId: posted.id }));
    expect(fetched.body).toMatchObject({ task: { type: 'continue' } });
    const dialog = JSON.stringify(fetched.body);
    const submit = findAll(fetched.body, (o) => o.type === 'Action.Submit')[0]!;
    expect(dialog).toContain('6-2-10');

    const tooLong = await world.fake.sendActivity(world.url, world.fake.activities.taskSubmit({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: { ...(submit.data as Json), status: 'at_risk', comment: 'あ'.repeat(1_001) }, cardActivityId: posted.id }));
    expect(tooLong.body).toMatchObject({ task: { type: 'continue' } });
    expect(JSON.stringify(tooLong.body)).toMatch(/1,?000/u);
    expect(world.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!.history).toHaveLength(1);

    const hostile = '**至急** [ここ](http://evil.example) <at>all</at> _x_';
    const done = await world.fake.sendActivity(world.url, world.fake.activities.taskSubmit({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, data: { ...(submit.data as Json), status: 'at_risk', comment: hostile }, cardActivityId: posted.id }));
    expect(done.body).toMatchObject({ task: { type: 'message' } });
    const updated = world.fake.activitiesIn(ZEISHU_CHANNEL).find((a) => a.id === posted.id)!;
    expect(updated.history).toHaveLength(2);
    const shown = JSON.stringify(updated.activity);
    // The comment is in the card, but never as live markdown, a link or a mention.
    expect(shown).not.toContain('**至急**');
    expect(shown).not.toMatch(/[^\\]\[ここ\]\(/u);
    expect(shown).not.toMatch(/<at>all<\/at>/u);
    expect(shown).toContain('至急');
    expect(await historyText()).toContain('至急');
  });

  it('home in the personal chat shows the user’s divisions’ open milestones with buttons', async () => {
    const chat = world.fake.personalChat(ZEISHU);
    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: ZEISHU, text: 'home' }));
    await until(() => world.fake.activitiesIn(chat.id).length > 0);
    const home = world.fake.activitiesIn(chat.id)[0]!.activity;
    expect(JSON.stringify(home)).toContain('総務部税収確保課');
    expect(findAll(home, (o) => o.type === 'Action.Execute').length).toBeGreaterThan(0);
  });
});
