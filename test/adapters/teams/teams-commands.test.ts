// Commands typed in Teams reach the same parser and use cases as Slack's /plan,
// over real HTTP with signed tokens, through the real Teams SDK.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, COORDINATOR, GENERAL, REFORM, startTeamsBot, STRANGER, until, ZEISHU, ZEISHU_CHANNEL, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
// Starting the bot and the fakes (RSA keys, migrations, the plan) is slow on a busy machine.
beforeEach(async () => {
  world = await startTeamsBot();
}, 60_000);
afterEach(async () => {
  await world.stop();
}, 30_000);

/** What the bot posted in a personal chat, or answered in a channel's threads (not the day's reminders), as text. */
function posted(conversationId: string): string[] {
  return world.fake
    .activitiesIn(conversationId)
    .filter((stored) => conversationId.startsWith('a:') || stored.replyToId !== null)
    .map((stored) => cardText(stored.activity));
}

describe('Teams commands', { timeout: 60_000 }, () => {
  it('answers a personal-chat command in that chat, in Japanese', async () => {
    const chat = world.fake.personalChat(ZEISHU);
    const before = posted(chat.id).length;
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: ZEISHU, text: 'status 6-2-10' }));
    expect(status).toBe(200);
    await until(() => posted(chat.id).length > before);
    const answer = posted(chat.id).at(-1)!;
    expect(answer).toContain('6-2-10');
    expect(answer).toContain('個人住民税に関する課題検討会の開催');
  });

  it('answers a channel question in its thread, and ignores channel messages that do not mention the bot', async () => {
    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: STRANGER, teamId: GENERAL, channelId: REFORM, text: 'status 6-2-10', mention: false }));
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: STRANGER, teamId: GENERAL, channelId: REFORM, text: '状況 6-2-10', mention: true }));
    expect(status).toBe(200);
    await until(() => posted(REFORM).length > 0);
    const replies = world.fake.activitiesIn(REFORM).filter((stored) => stored.replyToId !== null);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.replyToId).not.toBeNull();
    expect(cardText(replies[0]!.activity)).toContain('6-2-10');
  });

  it('records an update from a channel mention, and sends a refusal to the asker’s personal chat only', async () => {
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, text: '更新 6-2-10 完了 検討会を開催しました', mention: true }));
    expect(status).toBe(200);
    await until(() => posted(ZEISHU_CHANNEL).length > 0);
    expect(posted(ZEISHU_CHANNEL).at(-1)).toContain('完了');

    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: STRANGER, teamId: GENERAL, channelId: ZEISHU_CHANNEL, text: 'update 6-2-10 delayed', mention: true }));
    const strangerChat = world.fake.personalChat(STRANGER);
    await until(() => posted(strangerChat.id).length > 0);
    expect(posted(ZEISHU_CHANNEL)).toHaveLength(1);
    expect(posted(strangerChat.id).at(-1)).toMatch(/変更していません|権限|担当/u);

    const chat = world.fake.personalChat(COORDINATOR);
    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, text: 'history 6-2-10' }));
    await until(() => posted(chat.id).length > 0);
    expect(posted(chat.id).at(-1)).toContain('検討会を開催しました');
  });
});
